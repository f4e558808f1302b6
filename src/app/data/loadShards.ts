/**
 * Loads the shard files a sharded `timeline.json` lists, a few at a time, nearest to the
 * reader's window first (shardOrder), each validated against the contract (in the data
 * worker: see dataFiles) and handed over as soon as it is in. Only a few requests are out
 * at once, so the order the reader needs is the order the files arrive in, and a pan or
 * zoom can still move the rest. Stopping cancels the requests still out.
 */
import type { DateRange } from '../../model/calendarDate';
import type { EventShard, ShardRef } from '../../model/schema';
import { loadDataFile } from './dataFiles';
import type { Parsed } from './parseTimeline';
import { shardOrder } from './shardOrder';

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
  let focused = window;
  let queue = shardOrder(refs, focused);
  let running = 0;

  const pump = () => {
    while (running < inFlight && queue.length > 0 && !controller.signal.aborted) {
      const at = queue.shift() as number;
      const ref = refs[at] as ShardRef;
      running += 1;
      loadDataFile('shard', ref.file, controller.signal).then(
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
    stop: () => controller.abort(),
  };
}
