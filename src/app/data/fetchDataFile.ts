/**
 * Fetching one data file and validating it, with errors that name the file. No React,
 * so the shard worker uses the same function as the page.
 */
import type { z } from 'zod';
import { parseDataFile, type Parsed } from './parseTimeline';

/**
 * Fetches `file` (from `url`, by default the file's path relative to the page) and
 * validates it with `schema`; never rejects unless aborted. Messages name `file`.
 */
export async function fetchDataFile<T>(
  file: string,
  schema: z.ZodType<T>,
  signal: AbortSignal,
  url: string = file,
): Promise<Parsed<T>> {
  try {
    const response = await fetch(url, { signal });
    if (!response.ok)
      return { ok: false, error: `${file}: expected the file, got HTTP ${response.status} ${response.statusText}`.trim() };
    return parseDataFile(file, await response.text(), schema);
  } catch (error) {
    if (signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.startsWith(file) ? message : `${file}: could not load (${message})` };
  }
}
