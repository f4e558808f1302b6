/**
 * Which shard files of a sharded timeline to fetch first: those whose dates meet the
 * window the reader looks at, then the others by how far their dates lie from it. A
 * shard's dates are its `start` and `end` (both included; null where an open end reaches
 * out of the calendar, so it meets every window on that side). Pure: no fetch, no DOM.
 */
import { daysBetween, type DateRange } from '../../model/calendarDate';
import type { ShardRef } from '../../model/schema';

/** The dates a shard covers, as `timeline.json` lists them. */
export type ShardCoverage = Pick<ShardRef, 'start' | 'end'>;

/** Whether `shard` covers a day of `range` (whose `end` is excluded). */
export function shardMeets(shard: ShardCoverage, range: DateRange): boolean {
  return (shard.start === null || shard.start < range.end) && (shard.end === null || shard.end >= range.start);
}

/** Days between `shard` and `range`: 0 when they meet, 1 when the shard ends the day before, and so on. */
export function shardDistance(shard: ShardCoverage, range: DateRange): number {
  if (shardMeets(shard, range)) return 0;
  // Not meeting means one side is a date on the far side of the range.
  if (shard.end !== null && shard.end < range.start) return daysBetween(shard.end, range.start);
  return shard.start === null ? 0 : daysBetween(range.end, shard.start) + 1;
}

/**
 * The positions in `shards` of those listed in `among` (all by default), in the order to
 * fetch them for `window`: nearest first, ties in file order (chronological, so the list
 * fills from its top). Without a window, file order.
 */
export function shardOrder(
  shards: readonly ShardCoverage[],
  window: DateRange | null,
  among: readonly number[] = shards.map((_, at) => at),
): number[] {
  if (window === null) return [...among].sort((a, b) => a - b);
  const distance = new Map(among.map((at) => [at, shardDistance(shards[at] ?? { start: null, end: null }, window)]));
  return [...among].sort((a, b) => (distance.get(a) ?? 0) - (distance.get(b) ?? 0) || a - b);
}
