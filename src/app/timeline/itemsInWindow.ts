/**
 * What the timeline wrapper hands vis-timeline: only the items that touch the window (plus
 * a margin), found by binary search over items pre-sorted by start, or — when that is more
 * than a cap — count bands per day, week, month or year, computed once per item list and
 * bucket size, or read from a sharded timeline's overview while its events load: for a
 * window (margins aside) some of whose shards are still coming, and for bands (the overview counts every
 * event, the items only those in so far). vis-timeline lays out every item it holds, so
 * it must never hold thousands.
 */
import { addDays, daysBetween, type CalendarDate } from '../../model/calendarDate';
import { bucketOf, type BucketSize, type Overview } from '../../model/overview';
import { shardMeets, type ShardCoverage } from '../data/shardOrder';
import type { DateRange, TimelineItem } from './toTimelineItems';
import { lowerBound } from '../lowerBound';

/** Items sorted by start, with the latest end among each prefix (for ranges that start early). */
export type SortedItems = {
  items: readonly TimelineItem[];
  /** `maxEnd[i]`: the latest exclusive end among items 0..i. */
  maxEnd: readonly CalendarDate[];
  /** Count bands per bucket size, sorted the same way, filled on first use. */
  bands: Map<BucketSize, SortedItems>;
  /** Set while a sharded timeline's events load: the overview's bands and the shards still coming. */
  loading?: { overviewBands: BandsBySize | null; waiting: readonly ShardCoverage[] };
};

/** Count bands by bucket size (none for a size it does not count). */
export type BandsBySize = { get: (bucket: BucketSize) => SortedItems | undefined };

/**
 * A sharded timeline still loading, as the timeline draws it: the overview of all its
 * events (null when its counts do not apply, say to a filtered view) and the dates of
 * the shards still coming.
 */
export type Unloaded = { overview: Overview | null; waiting: readonly ShardCoverage[] };

/** How far beyond each edge of the window, as a fraction of its length, items are drawn too, so a pan shows them at once. */
export const WINDOW_MARGIN = 0.5;

export type WindowContent =
  { kind: 'items'; items: TimelineItem[] } | { kind: 'bands'; items: TimelineItem[]; bucket: BucketSize };

/** The class that marks a count band (not an event) among drawn items. */
export const BAND_CLASS = 'dl-band';

/** Points' exclusive ends, kept per item: the viewer hands the same item objects on after a filter change. */
const pointEnds = new WeakMap<TimelineItem, CalendarDate>();

/** The exclusive end of an item: points cover their one day. */
function endOf(item: TimelineItem): CalendarDate {
  if (item.end !== undefined) return item.end;
  let end = pointEnds.get(item);
  if (end === undefined) pointEnds.set(item, (end = addDays(item.start, 1)));
  return end;
}

function isSortedByStart(items: readonly TimelineItem[]): boolean {
  for (let i = 1; i < items.length; i++)
    if ((items[i] as TimelineItem).start < (items[i - 1] as TimelineItem).start) return false;
  return true;
}

/** Sorts `items` by start (stable, so same-day items keep their chronological order). */
export function sortItems(items: readonly TimelineItem[]): SortedItems {
  // Events come in chronological order, so their items mostly need no sorting at all.
  const sorted = isSortedByStart(items) ? items : [...items].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const maxEnd: CalendarDate[] = [];
  let latest = '';
  for (const item of sorted) {
    const end = endOf(item);
    if (end > latest) latest = end;
    maxEnd.push(latest);
  }
  return { items: sorted, maxEnd, bands: new Map() };
}

const sortedLists = new WeakMap<readonly TimelineItem[], SortedItems>();
const overviewLists = new WeakMap<Overview, SortedItems>();
const loadingLists = new WeakMap<Unloaded, WeakMap<readonly TimelineItem[], SortedItems>>();

function cached<K extends object>(cache: WeakMap<K, SortedItems>, key: K, make: () => SortedItems): SortedItems {
  let sorted = cache.get(key);
  if (!sorted) cache.set(key, (sorted = make()));
  return sorted;
}

/**
 * What to draw from: `items` sorted, with, while a sharded timeline's events load, the
 * overview's bands and the shards still coming. Kept per array (and per loading state), so
 * the preview and the timeline share one copy (and its bands), and a filter cleared again
 * finds them ready.
 */
export function sortedFor(items: readonly TimelineItem[], unloaded: Unloaded | null): SortedItems {
  const sorted = cached(sortedLists, items, () => sortItems(items));
  if (!unloaded) return sorted;
  let forItems = loadingLists.get(unloaded);
  if (!forItems) loadingLists.set(unloaded, (forItems = new WeakMap()));
  return cached(forItems, items, () => {
    const overview = unloaded.overview;
    const overviewBands = overview
      ? (cached(overviewLists, overview, () => overviewItems(overview)).loading?.overviewBands ?? null)
      : null;
    return { ...sorted, loading: { overviewBands, waiting: unloaded.waiting } };
  });
}

/**
 * The window "Fit all" shows: every item given (the filtered events) and, while a sharded
 * timeline loads, the overview's extent (events still coming), with a twentieth of the span
 * (at least a day) to spare on each side; null when nothing is dated. Not vis-timeline's
 * own `fit`, which fits only the items it holds: those near the window.
 */
export function fitWindow(sorted: SortedItems, unloaded: Unloaded | null): DateRange | null {
  const last = sorted.maxEnd[sorted.maxEnd.length - 1];
  const first = sorted.items[0]?.start;
  const extent = unloaded?.overview?.extent;
  const starts = [first, extent?.start].filter((day): day is CalendarDate => day !== undefined);
  const ends = [last, extent && addDays(extent.end, 1)].filter((day): day is CalendarDate => day !== undefined);
  if (starts.length === 0 || ends.length === 0) return null;
  const start = starts.reduce((a, b) => (b < a ? b : a));
  const end = ends.reduce((a, b) => (b > a ? b : a));
  const pad = Math.max(1, Math.ceil(daysBetween(start, end) / 20));
  return { start: addDays(start, -pad), end: addDays(end, pad) };
}

/** The window widened by `margin` times its length on each side. */
export function widen(window: DateRange, margin: number): DateRange {
  const pad = Math.ceil(Math.max(1, daysBetween(window.start, window.end)) * margin);
  return { start: addDays(window.start, -pad), end: addDays(window.end, pad) };
}

/**
 * Items overlapping [start, end) of `range` (exclusive end), in start order — only the
 * first `limit` of them when there are more, so a caller that only needs to know whether
 * a cap is passed never walks the tens of thousands of items a wide window holds.
 */
export function overlapping(sorted: SortedItems, range: DateRange, limit = Infinity): TimelineItem[] {
  const { items, maxEnd } = sorted;
  // Nothing before `from` ends after range.start (maxEnd is non-decreasing); nothing from `to` on starts before range.end.
  const from = lowerBound(maxEnd.length, (i) => (maxEnd[i] as string) <= range.start);
  const to = lowerBound(items.length, (i) => (items[i] as TimelineItem).start < range.end);
  const found: TimelineItem[] = [];
  for (let i = from; i < to && found.length < limit; i++) {
    const item = items[i] as TimelineItem;
    if (endOf(item) > range.start) found.push(item);
  }
  return found;
}

/** The finest bucket that keeps about `maxBands` or fewer buckets across `window`. */
export function bucketFor(window: DateRange, maxBands: number): BucketSize {
  const days = daysBetween(window.start, window.end);
  if (days <= maxBands) return 'day';
  if (days / 7 <= maxBands) return 'week';
  if (days / 30.44 <= maxBands) return 'month';
  return 'year';
}

const BUCKET_NAMES: Record<BucketSize, string> = { day: 'day', week: 'week of', month: 'month of', year: 'year' };

/** The band item for `count` events starting in the bucket `range` (of size `bucket`) of a lane. */
function bandItem(range: DateRange, group: string | undefined, count: number, bucket: BucketSize): TimelineItem {
  const noun = count === 1 ? 'event' : 'events';
  return {
    id: `band|${group ?? ''}|${bucket}|${range.start}`,
    eventId: '',
    ...(group === undefined ? {} : { group }),
    type: 'range',
    start: range.start,
    end: range.end,
    content: String(count),
    title: `${count} ${noun}, ${BUCKET_NAMES[bucket]} ${range.start} — zoom in to see them`,
    className: BAND_CLASS,
  };
}

/** One count band per lane and bucket, by each item's start; cached on `sorted` per bucket size. */
export function bandsOf(sorted: SortedItems, bucket: BucketSize): SortedItems {
  const cached = sorted.bands.get(bucket);
  if (cached) return cached;
  const byKey = new Map<string, { range: DateRange; group?: string; count: number }>();
  let last: DateRange | null = null;
  for (const item of sorted.items) {
    // Items come in start order, so the previous bucket usually holds the next item too.
    if (last === null || item.start >= last.end || item.start < last.start) last = bucketOf(item.start, bucket);
    const key = `${item.group ?? ''}|${last.start}`;
    const band = byKey.get(key);
    if (band) band.count += 1;
    else byKey.set(key, { range: last, group: item.group, count: 1 });
  }
  const result = sortItems([...byKey.values()].map(({ range, group, count }) => bandItem(range, group, count, bucket)));
  sorted.bands.set(bucket, result);
  return result;
}

/**
 * What to draw before the events are there: the overview's counts as the same bands
 * `bandsOf` makes from all items in one lane, for the week, month and year sizes only.
 */
export function overviewItems(overview: Overview): SortedItems {
  const bands = new Map<BucketSize, SortedItems>();
  // Built per size on first use: the first draw needs one size, and building all three (some
  // 700 bands over a decade) took ~40 ms of the first render at 10,000 events, in code not yet compiled.
  const lazy: BandsBySize = {
    get(bucket) {
      if (bucket === 'day') return undefined;
      let built = bands.get(bucket);
      if (!built) {
        const counts = overview[bucket];
        built = sortItems(counts.map(([start, count]) => bandItem(bucketOf(start, bucket), undefined, count, bucket)));
        bands.set(bucket, built);
      }
      return built;
    },
  };
  return { items: [], maxEnd: [], bands, loading: { overviewBands: lazy, waiting: [{ start: null, end: null }] } };
}

/** The total an aggregate band stands for (0 for an event item). */
export function bandCount(item: TimelineItem): number {
  return item.className === BAND_CLASS ? Number(item.content) : 0;
}

/**
 * What to draw for `window`: the items within it widened by `margin` (a fraction of its
 * length on each side) when there are at most `cap` of them, else the count bands there.
 */
export function itemsInWindow(sorted: SortedItems, window: DateRange, margin: number, cap: number): WindowContent {
  const range = widen(window, margin);
  const overviewBands = sorted.loading?.overviewBands;
  const fine = bucketFor(range, 200);
  if (overviewBands && sorted.loading?.waiting.some((shard) => shardMeets(shard, window))) {
    // Part of the window is still coming: the overview's bands, which count it all. (Only the
    // margins still coming shows the items in: those are off screen.) An overview has no day
    // counts, so a short window shows its weeks until the events arrive.
    const bucket = fine === 'day' ? 'week' : fine;
    const bands = overviewBands.get(bucket);
    return { kind: 'bands', items: bands ? overlapping(bands, range) : [], bucket };
  }
  // One past the cap is enough to know the window needs bands.
  const items = overlapping(sorted, range, cap + 1);
  if (items.length <= cap) return { kind: 'items', items };
  // While shards load, the overview counts the events beyond the window's edges that bands reach into.
  const overview = fine !== 'day' ? overviewBands?.get(fine) : undefined;
  if (overview) return { kind: 'bands', items: overlapping(overview, range), bucket: fine };
  // Day bands while shards load come from the window's items alone: the item list changes with
  // every arrival, and banding all of it each time cost more than the arrival itself.
  const source = sorted.loading ? sortItems(overlapping(sorted, range)) : sorted;
  return { kind: 'bands', items: overlapping(bandsOf(source, fine), range), bucket: fine };
}
