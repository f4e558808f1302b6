/**
 * Fetching one data file and validating it, with errors that name the file. No React and
 * no DOM: the data worker runs it (and the page, where no worker runs).
 */
import type { z } from 'zod';
import { fetchText } from './fetchText';
import { parseDataFile, type Parsed } from './parseTimeline';

/** Fetches `file` (from `url`) and validates it with `schema`; never rejects unless aborted. Messages name `file`. */
export async function fetchDataFile<T>(
  file: string,
  schema: z.ZodType<T>,
  signal: AbortSignal,
  url: string = file,
): Promise<Parsed<T>> {
  const text = await fetchText(file, signal, url);
  return text.ok ? parseDataFile(file, text.value, schema) : text;
}
