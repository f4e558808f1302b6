/**
 * The viewer's data files, parsed and validated off the main thread. One web worker
 * (dataWorker), started by the built page's head script (headStart.js) or else with the
 * page, takes every request: validating thousands of events in zod holds a thread for a
 * while, and zod with the schemas is ~95 KB of script the main bundle need not parse
 * before the first paint. Where no worker runs (jsdom, a browser that refuses it, a worker
 * script that fails), the same functions run on the main thread, loaded on demand; the
 * results and messages are the same either way.
 */
import type { ArticleText, EventShard, Timeline } from '../../model/schema';
import type { Parsed } from './parseTimeline';

/** What each kind of data file holds once validated. */
export type DataKinds = { timeline: Timeline; shard: EventShard; article: ArticleText };
export type DataKind = keyof DataKinds;

/** Where a file's content comes from: a URL to fetch (relative to the page), or text already fetched. */
export type DataSource = { url: string } | { text: string };

export type DataRequest =
  ({ type: 'load'; id: number; kind: DataKind; file: string } & DataSource) | { type: 'cancel'; id: number };
export type DataReply = { id: number; result: Parsed<DataKinds[DataKind]> };

type Waiting = {
  kind: DataKind;
  file: string;
  source: DataSource;
  signal: AbortSignal;
  settle: (result: Parsed<DataKinds[DataKind]> | Promise<Parsed<DataKinds[DataKind]>>) => void;
};

/** The worker; null where there is none (or it failed); undefined until first wanted. */
let worker: Worker | null | undefined;
const waiting = new Map<number, Waiting>();
/** The page's requests count from 0; the head script's one request for the timeline is -1 (headStart.js). */
let nextId = 0;

function onMainThread<K extends DataKind>(
  kind: K,
  file: string,
  source: DataSource,
  signal: AbortSignal,
): Promise<Parsed<DataKinds[K]>> {
  return import('./validateData').then((module) => module.validateData(kind, file, source, signal));
}

/**
 * What the built page's head script (headStart.js) started before this script arrived: the
 * data worker (`failed` once its script could not load) and a request for `timeline.json`
 * whose result is null when it could not be made. Null here once the page has started
 * its own worker, so a head script that arrives late starts no second one.
 */
export type HeadStart = {
  worker: Worker;
  failed: boolean;
  timeline: { file: string; result: Promise<Parsed<Timeline> | null> };
};
const head = globalThis as { __datelineDataWorker?: HeadStart | null };

/** The head's worker if it started, else a new one; null where no worker can run. */
function startWorker(): Worker | null {
  const started = head.__datelineDataWorker;
  if (started) return started.failed ? null : started.worker;
  head.__datelineDataWorker = null;
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./dataWorker.ts', import.meta.url), { type: 'module', name: 'dateline-data' });
  } catch {
    return null;
  }
}

/**
 * The result of the head script's request for `file` (a timeline), once: a retry, or any
 * other file, is loaded as usual. Undefined when there is none; null when it failed, and
 * the page should load the file itself (it then reports what failed in its own words).
 */
export function takeHeadTimeline(file: string): Promise<Parsed<Timeline> | null> | undefined {
  const started = head.__datelineDataWorker;
  if (!started || started.timeline.file !== file) return undefined;
  const { result } = started.timeline;
  started.timeline = { file: '', result: Promise.resolve(null) };
  return result;
}

function dataWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  const started = startWorker();
  if (!started) return null;
  // Listeners beside the head script's, which answers its own request.
  started.addEventListener('error', (event) => {
    // The worker script itself failed (say, blocked): what it had, and all that follows, goes to the main thread.
    event.preventDefault();
    started.terminate();
    worker = null;
    for (const { kind, file, source, signal, settle } of waiting.values()) settle(onMainThread(kind, file, source, signal));
    waiting.clear();
  });
  started.addEventListener('message', ({ data }: MessageEvent<DataReply>) => {
    waiting.get(data.id)?.settle(data.result);
    waiting.delete(data.id);
  });
  worker = started;
  return worker;
}

/** Starts the worker now, so its script loads and runs while the page's own does. */
export function startDataWorker(): void {
  dataWorker();
}

/**
 * `file` validated as `kind`: fetched from `source.url` (by default `file`, relative to the
 * page) or parsed from `source.text`. Never rejects unless `signal` aborts, which also
 * stops the worker's fetch. Messages name `file`.
 */
export function loadDataFile<K extends DataKind>(
  kind: K,
  file: string,
  signal: AbortSignal,
  source: DataSource = { url: file },
): Promise<Parsed<DataKinds[K]>> {
  const running = dataWorker();
  if (!running) return onMainThread(kind, file, source, signal);
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const id = nextId++;
    const abort = () => {
      waiting.delete(id);
      running.postMessage({ type: 'cancel', id } satisfies DataRequest);
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    waiting.set(id, {
      kind,
      file,
      source,
      signal,
      settle: (result) => {
        signal.removeEventListener('abort', abort);
        resolve(result as Parsed<DataKinds[K]> | Promise<Parsed<DataKinds[K]>>);
      },
    });
    // The worker's own base is its script's URL: a relative path would miss the data folder.
    const given = 'url' in source ? { url: new URL(source.url, document.baseURI).href } : source;
    running.postMessage({ type: 'load', id, kind, file, ...given } satisfies DataRequest);
  });
}
