/**
 * Fetching the text of one data file, with errors that name the file. Apart from the
 * validation (fetchDataFile), which needs the schemas: the page fetches `timeline.json`
 * itself, where its preload is, and only the data worker loads zod.
 */
import type { Parsed } from './parseTimeline';

/**
 * The text of `file` (fetched from `url`, by default the file's path relative to the
 * page), or an error naming `file`; never rejects unless aborted.
 */
export async function fetchText(file: string, signal: AbortSignal, url: string = file): Promise<Parsed<string>> {
  try {
    const response = await fetch(url, { signal });
    if (!response.ok)
      return { ok: false, error: `${file}: expected the file, got HTTP ${response.status} ${response.statusText}`.trim() };
    return { ok: true, value: await response.text() };
  } catch (error) {
    if (signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.startsWith(file) ? message : `${file}: could not load (${message})` };
  }
}
