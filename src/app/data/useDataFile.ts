import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { parseDataFile } from './parseTimeline';

export type DataState<T> =
  { status: 'loading' } | { status: 'error'; error: string; retry: () => void } | { status: 'ready'; value: T };

type Settled<T> = { request: string; result: { ok: true; value: T } | { ok: false; error: string } };

/** Fetches a JSON data file relative to the page and validates it with `schema`. */
export function useDataFile<T>(file: string, schema: z.ZodType<T>): DataState<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | undefined>(undefined);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const request = `${file}#${attempt}`;

  useEffect(() => {
    const controller = new AbortController();
    fetch(file, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok)
          throw new Error(`${file}: expected the file, got HTTP ${response.status} ${response.statusText}`.trim());
        setSettled({ request, result: parseDataFile(file, await response.text(), schema) });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setSettled({
          request,
          result: { ok: false, error: message.startsWith(file) ? message : `${file}: could not load (${message})` },
        });
      });
    return () => controller.abort();
  }, [file, schema, request]);

  // A result for an earlier request (another file, or before a retry) counts as loading.
  if (settled === undefined || settled.request !== request) return { status: 'loading' };
  return settled.result.ok
    ? { status: 'ready', value: settled.result.value }
    : { status: 'error', error: settled.result.error, retry };
}
