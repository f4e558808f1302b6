/**
 * Splitting a large timeline for the web: above `perShard` events, `timeline.json` keeps
 * articles and actors and lists shard files instead of holding the events, and the
 * events go, in their chronological order, into `events/0001.json`, `events/0002.json`, …
 * of at most `perShard` events each. No single file then grows with the archive, and
 * each shard records the dates it covers. The index also carries the timeline's overview
 * (extent, opening window, counts per week, month and year and per actor), which the
 * viewer draws before any shard has arrived. Small timelines stay one file.
 */
import { countByActor, overviewOf } from '../model/overview';
import { SCHEMA_VERSION, type EventShard, type ShardRef, type Timeline, type TimelineEvent } from '../model/schema';

/** Events per shard file, and the size above which a timeline is sharded (~10 MB of JSON). */
export const SHARD_EVENTS = 5_000;

export type ShardedTimeline = { index: Timeline; shards: { path: string; shard: EventShard }[] };

/** What splitting events into shards asks of each: its id, dates and actors (for the overview). */
export type ShardableEvent = Pick<TimelineEvent, 'id' | 'when' | 'actors'>;

/** The dates a run of chronological events covers; null where an open end has no date. */
function coverage(events: readonly ShardableEvent[]): { start: string | null; end: string | null } {
  let start: string | null | undefined;
  let end: string | null | undefined;
  for (const { when } of events) {
    if (start !== null) start = when.start === null ? null : start === undefined || when.start < start ? when.start : start;
    if (end !== null) end = when.end === null ? null : end === undefined || when.end > end ? when.end : end;
  }
  return { start: start ?? null, end: end ?? null };
}

/** Whether a timeline of `events` events is written as an index and shards (else as one file). */
export function sharded(events: number, perShard = SHARD_EVENTS): boolean {
  if (!Number.isInteger(perShard) || perShard < 1) throw new RangeError(`expected a positive shard size, got ${perShard}`);
  return events > perShard;
}

/** `timeline` as one file when it has at most `perShard` events, else as an index and shards. */
export function shardTimeline(timeline: Timeline, perShard = SHARD_EVENTS): ShardedTimeline {
  if (!sharded(timeline.events.length, perShard)) return { index: timeline, shards: [] };
  return shardEvents(timeline, timeline.events, perShard);
}

/**
 * The index and the shards of a timeline whose events (in order) are `events`: the shards hold
 * them as given, so a caller that writes each event's JSON itself need give only what the index
 * asks of them (ShardableEvent).
 */
export function shardEvents<E extends ShardableEvent>(
  timeline: Omit<Timeline, 'events'>,
  events: readonly E[],
  perShard = SHARD_EVENTS,
): { index: Timeline; shards: { path: string; shard: { schemaVersion: typeof SCHEMA_VERSION; events: E[] } }[] } {
  if (!Number.isInteger(perShard) || perShard < 1) throw new RangeError(`expected a positive shard size, got ${perShard}`);
  const shards: { path: string; shard: { schemaVersion: typeof SCHEMA_VERSION; events: E[] } }[] = [];
  const refs: ShardRef[] = [];
  for (let from = 0; from < events.length; from += perShard) {
    const slice = events.slice(from, from + perShard);
    const name = String(shards.length + 1).padStart(4, '0');
    if (name.length > 4) throw new RangeError(`expected at most 9,999 shards, got more at ${perShard} events a shard`);
    shards.push({ path: `events/${name}.json`, shard: { schemaVersion: SCHEMA_VERSION, events: slice } });
    refs.push({ file: `data/events/${name}.json`, count: slice.length, ...coverage(slice) });
  }
  const overview = { ...overviewOf(events), actors: countByActor(events) };
  return { index: { ...timeline, events: [], shards: refs, overview }, shards };
}
