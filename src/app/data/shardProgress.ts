/**
 * A sharded timeline as its shards arrive, in whatever order: the index (`timeline.json`,
 * with `shards` and no events), the events of the shards in so far merged into
 * chronological order, and the shards that could not be used with a message naming the
 * file. Checks what no single file can: each shard holds as many events as the index
 * says, and every event names actors and articles the index defines. Pure: each step
 * returns a new value.
 */
import type { Timeline, TimelineEvent } from '../../model/schema';
import { compareChronologically, sortChronologically } from '../filter/filterEvents';
import { listProblems, shardProblems, type KnownReferences } from './assembleShards';
import type { ShardArrival } from './loadShards';
import { lowerBound } from '../lowerBound';

export type ShardProgress = {
  /** The index as read from `file`. */
  index: Timeline;
  file: string;
  /** The events of the shards in so far, in chronological order. */
  events: readonly TimelineEvent[];
  /** Each loaded shard's events by id, in the order the shards arrived. */
  byShard: readonly ReadonlyMap<string, TimelineEvent>[];
  /** Positions (in `index.shards`) of the shards whose events are in `events`. */
  loaded: ReadonlySet<number>;
  /** A readable message for each shard that could not be used, by position. */
  failed: ReadonlyMap<number, string>;
  known: KnownReferences;
};

/** Nothing loaded yet of the sharded `index`, read from `file`. */
export function startProgress(file: string, index: Timeline): ShardProgress {
  return {
    index,
    file,
    events: [],
    byShard: [],
    loaded: new Set(),
    failed: new Map(),
    known: {
      actors: new Set(index.actors.map((actor) => actor.id)),
      articles: new Set(index.articles.map((article) => article.id)),
    },
  };
}

/**
 * `events` and the chronologically sorted `arrived` in one chronological list. Shards hold
 * runs of the timeline, so only the stretch of `events` between the first and the last
 * arrived event is merged item by item; the rest is copied over.
 */
export function mergeChronologically(events: readonly TimelineEvent[], arrived: readonly TimelineEvent[]): TimelineEvent[] {
  const first = arrived[0];
  const last = arrived[arrived.length - 1];
  if (!first || !last) return [...events];
  const from = lowerBound(events.length, (at) => compareChronologically(events[at] as TimelineEvent, first) < 0);
  const to = lowerBound(events.length, (at) => compareChronologically(events[at] as TimelineEvent, last) <= 0);
  const merged: TimelineEvent[] = events.slice(0, from);
  let i = from;
  let j = 0;
  while (i < to || j < arrived.length) {
    const mine = events[i];
    const theirs = arrived[j];
    if (i < to && mine && (!theirs || compareChronologically(mine, theirs) <= 0)) {
      merged.push(mine);
      i += 1;
    } else if (theirs) {
      merged.push(theirs);
      j += 1;
    }
  }
  return merged.concat(events.slice(to));
}

/** `progress` with `arrivals` taken in: valid shards' events merged, the others' messages kept. */
export function addShards(progress: ShardProgress, arrivals: readonly ShardArrival[]): ShardProgress {
  let { events } = progress;
  const byShard = [...progress.byShard];
  const loaded = new Set(progress.loaded);
  const failed = new Map(progress.failed);
  for (const { at, result } of arrivals) {
    if (loaded.has(at)) continue;
    const ref = progress.index.shards?.[at];
    if (!ref) continue;
    const problems = result.ok ? shardProblems(progress.file, ref, result.value.events, progress.known) : [result.error];
    if (!result.ok || problems.length > 0) {
      failed.set(at, listProblems(problems));
      continue;
    }
    failed.delete(at);
    loaded.add(at);
    events = mergeChronologically(events, sortChronologically(result.value.events));
    byShard.push(new Map(result.value.events.map((event) => [event.id, event])));
  }
  return { ...progress, events, byShard, loaded, failed };
}

/** `progress` with the failed shards at `positions` expected again. */
export function retryShards(progress: ShardProgress, positions: readonly number[]): ShardProgress {
  const failed = new Map(progress.failed);
  for (const at of positions) failed.delete(at);
  return { ...progress, failed };
}

/** Positions of the shards neither in nor failed. */
export function waitingShards(progress: ShardProgress): number[] {
  return (progress.index.shards ?? []).flatMap((_, at) => (progress.loaded.has(at) || progress.failed.has(at) ? [] : [at]));
}
