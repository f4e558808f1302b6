/**
 * Loads the shard files a sharded `timeline.json` lists, a few at a time, nearest to the
 * reader's window first (shardOrder), each validated against the contract and handed over
 * as soon as it is in: in a web worker where the browser has them (parsing and checking
 * thousands of events would otherwise hold the main thread), else — jsdom, or a worker
 * that cannot start — on the main thread with `fetchDataFile`. Same results, same error
 * messages. Only a few requests are out at once, so the order the reader needs is the
 * order the files arrive in, and a pan or zoom can still move the rest.
 */
import type { DateRange } from '../../model/calendarDate';
import { EventShardSchema, type EventShard, type ShardRef } from '../../model/schema';
import { fetchDataFile } from './fetchDataFile';
import type { Parsed } from './parseTimeline';
import { shardOrder } from './shardOrder';
import type { ShardReply, ShardRequest } from './shardWorker';

/** Shard requests out at once: two keep the worker busy while one result crosses to the page. */
export const SHARDS_IN_FLIGHT = 2;

/** One shard's outcome: its position in the index's list and the validated file or an error naming it. */
export type ShardArrival = { at: number; result: Parsed<EventShard> };

export type ShardLoad = {
  /** Moves the shards not yet asked for that meet `window` to the front, then the nearest. */
  focus: (window: DateRange | null) => void;
  /** Asks again for the shards at `positions` (say, after they failed). */
  retry: (positions: readonly number[]) => void;
  /** Stops: nothing more is asked for or handed over. */
  stop: () => void;
};

/** Fetches and validates one shard file; `close` ends whatever is still running. */
type Fetcher = { fetch: (ref: ShardRef) => Promise<Parsed<EventShard>>; close: () => void };

/**
 * Starts loading `refs`, those meeting `window` first, and calls `onArrival` for each as it
 * is validated (or fails), at most `inFlight` being fetched at once.
 */
export function startShardLoad(
  refs: readonly ShardRef[],
  window: DateRange | null,
  onArrival: (arrival: ShardArrival) => void,
  inFlight = SHARDS_IN_FLIGHT,
): ShardLoad {
  const controller = new AbortController();
  const fetcher = startFetcher(controller.signal);
  let focused = window;
  let queue = shardOrder(refs, focused);
  let running = 0;

  const pump = () => {
    while (running < inFlight && queue.length > 0 && !controller.signal.aborted) {
      const at = queue.shift() as number;
      const ref = refs[at] as ShardRef;
      running += 1;
      fetcher.fetch(ref).then(
        (result) => {
          running -= 1;
          if (controller.signal.aborted) return;
          pump();
          onArrival({ at, result });
        },
        // Only an abort rejects, and then nothing is wanted any more.
        () => {},
      );
    }
  };
  pump();

  return {
    focus: (next) => {
      focused = next;
      queue = shardOrder(refs, focused, queue);
    },
    retry: (positions) => {
      queue = shardOrder(refs, focused, [...new Set([...queue, ...positions])]);
      pump();
    },
    stop: () => {
      controller.abort();
      fetcher.close();
    },
  };
}

function onMainThread(signal: AbortSignal): Fetcher {
  return { fetch: (ref) => fetchDataFile(ref.file, EventShardSchema, signal), close: () => {} };
}

/** A fetcher on a worker, falling back to the main thread if the worker cannot start or its script fails. */
function startFetcher(signal: AbortSignal): Fetcher {
  const fallback = onMainThread(signal);
  let worker = startWorker();
  if (!worker) return fallback;
  const waiting = new Map<
    number,
    { ref: ShardRef; resolve: (result: Promise<Parsed<EventShard>> | Parsed<EventShard>) => void }
  >();
  let nextId = 0;
  worker.onerror = (event) => {
    // The worker script itself failed (e.g. blocked): what it had, and all that follows, goes to the main thread.
    event.preventDefault();
    worker?.terminate();
    worker = null;
    for (const { ref, resolve } of waiting.values()) resolve(fallback.fetch(ref));
    waiting.clear();
  };
  worker.onmessage = ({ data }: MessageEvent<ShardReply>) => {
    waiting.get(data.id)?.resolve(data.result);
    waiting.delete(data.id);
  };
  return {
    fetch: (ref) => {
      if (!worker) return fallback.fetch(ref);
      const running = worker;
      return new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, { ref, resolve });
        const request: ShardRequest = { id, file: ref.file, url: new URL(ref.file, document.baseURI).href };
        running.postMessage(request);
      });
    },
    close: () => worker?.terminate(),
  };
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./shardWorker.ts', import.meta.url), { type: 'module', name: 'dateline-shards' });
  } catch {
    return null;
  }
}
