/**
 * Turns the text of a fetched data file into a validated value or a readable error
 * that names the file and the first fields that failed. Pure: no fetch, no DOM.
 */
import type { z } from 'zod';
import { describeIssues } from '../../model/schema';
import { SCHEMA_VERSION } from '../../model/contract';

/**
 * The largest data file the viewer will parse, in characters. The compiler accepts
 * articles up to 32 MiB, so an article's JSON may come near that; anything beyond this
 * is not a Dateline file and would freeze the tab while parsing and drawing.
 */
export const MAX_DATA_FILE_CHARS = 40 * 1024 * 1024;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses JSON text with `schema`, naming `file` in every error. */
export function parseDataFile<T>(file: string, text: string, schema: z.ZodType<T>): Parsed<T> {
  if (text.length > MAX_DATA_FILE_CHARS) {
    const mib = (chars: number) => `${(chars / 1024 / 1024).toFixed(1)} MiB`;
    return {
      ok: false,
      error: `${file}: expected at most ${mib(MAX_DATA_FILE_CHARS)}, got ${mib(text.length)}; this is too large to be a Dateline data file`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${file}: expected JSON, got text that does not parse (${detail})` };
  }
  if (json !== null && typeof json === 'object' && 'schemaVersion' in json && json.schemaVersion !== SCHEMA_VERSION) {
    return {
      ok: false,
      error: `${file}: schemaVersion: expected ${SCHEMA_VERSION}, got ${JSON.stringify(json.schemaVersion)}; this viewer reads data from a compiler of the same version`,
    };
  }
  const result = schema.safeParse(json);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: describeIssues(file, result.error) };
}
