/**
 * Loading data files: fetch relative to the page, parse and validate, with loading,
 * error (a readable message and a retry) and ready states. `useLoaded` runs any such
 * load; `useDataFile` is the common case of one file of one kind (see dataFiles).
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { loadDataFile, type DataKind, type DataKinds } from './dataFiles';
import type { Parsed } from './parseTimeline';

export type DataState<T> =
  { status: 'loading' } | { status: 'error'; error: string; retry: () => void } | { status: 'ready'; value: T };

type Settled<T> = { request: string; result: Parsed<T> };

/** A load: resolves to the final result, and may hand over a usable first part before that. */
export type Load<T> = (signal: AbortSignal, early: (value: T) => void) => Promise<Parsed<T>>;

/**
 * Runs `load` for `key` (again after a retry, or when the key changes) and tracks its
 * outcome: ready with what `load` hands over early, then with its result. A result for an
 * earlier key or attempt counts as loading.
 */
export function useLoaded<T>(key: string, load: Load<T>): DataState<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | undefined>(undefined);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const latestLoad = useRef(load);
  const request = `${key}#${attempt}`;

  useEffect(() => {
    latestLoad.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    // A transition: React renders what the data brings in slices between which the browser
    // may paint and take input, instead of in one task as long as the whole viewer's render.
    const settle = (settled: Settled<T>) => startTransition(() => setSettled(settled));
    const early = (value: T) => {
      if (!controller.signal.aborted) settle({ request, result: { ok: true, value } });
    };
    latestLoad.current(controller.signal, early).then(
      (result) => {
        if (!controller.signal.aborted) settle({ request, result });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ request, result: { ok: false, error: `${key}: could not load (${String(error)})` } });
      },
    );
    return () => controller.abort();
  }, [key, request]);

  if (settled === undefined || settled.request !== request) return { status: 'loading' };
  return settled.result.ok
    ? { status: 'ready', value: settled.result.value }
    : { status: 'error', error: settled.result.error, retry };
}

/** Fetches a JSON data file relative to the page and validates it as `kind` (in the data worker). */
export function useDataFile<K extends DataKind>(kind: K, file: string): DataState<DataKinds[K]> {
  return useLoaded(file, (signal) => loadDataFile(kind, file, signal));
}
