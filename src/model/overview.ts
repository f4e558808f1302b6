/**
 * What a timeline looks like from afar, computed from its events alone: the days they
 * cover, the window a reader first sees, how many events start in each week, month
 * and year, and how many each actor takes part in. The viewer draws those counts as bands when there are too many events to
 * draw one by one; for a sharded timeline the compiler writes them into `timeline.json`
 * (`overview`), so the first view is drawn before any shard has arrived. Both sides
 * use these same functions, so the bands do not change when the events load.
 */
import { addDays, daysBetween, startOfIsoWeek, startOfMonthOffset, type CalendarDate, type DateRange } from './calendarDate';
import type { When } from './schema';

export type BucketSize = 'day' | 'week' | 'month' | 'year';

/** The bucket sizes an overview holds: days would grow with the archive's length, and by then the shards are there. */
export const OVERVIEW_BUCKETS = ['week', 'month', 'year'] as const;
export type OverviewBucket = (typeof OVERVIEW_BUCKETS)[number];

/** `[first day of the bucket, events starting in it]`, in date order, empty buckets left out. */
export type BucketCount = [CalendarDate, number];

export type Overview = {
  /** The first and the last day any event covers (both included), or null when no event has a date. */
  extent: DateRange | null;
  /** The window the viewer opens on (`end` excluded), or null when no event has a date. */
  window: DateRange | null;
} & Record<OverviewBucket, BucketCount[]>;

type Dated = { when: When };

/** Where an event is drawn from when its start is open: the start of everything drawn. */
export const NO_EXTENT: DateRange = { start: '2000-01-01', end: '2000-01-01' };

/** First and last day any event covers, or null for no dated events. */
export function timelineExtent(events: readonly Dated[]): DateRange | null {
  let start: CalendarDate | null = null;
  let end: CalendarDate | null = null;
  for (const { when } of events)
    for (const day of [when.start, when.end]) {
      if (day === null) continue;
      if (start === null || day < start) start = day;
      if (end === null || day > end) end = day;
    }
  return start === null || end === null ? null : { start, end };
}

/**
 * The window to open on: the starts of the events dated to a day or a month (all events
 * when none are), padded by a tenth (at least three days) before and three quarters (at least
 * two weeks) after, where point labels run to the right: a label is about as wide as a
 * third of the canvas, so less room cuts off the titles of the last days. A year-long band
 * or a far deadline would otherwise squash the days a reader came to see.
 */
export function initialWindow(events: readonly Dated[]): DateRange | null {
  const precise = events.filter((event) => event.when.precision !== 'year' && event.when.start !== null);
  const starts = (precise.length > 0 ? precise : events)
    .map((event) => event.when.start)
    .filter((day): day is string => day !== null);
  const days = starts.length > 0 ? starts : events.map((event) => event.when.end).filter((d): d is string => d !== null);
  if (days.length === 0) return null;
  days.sort();
  const first = days[0] as CalendarDate;
  const last = days[days.length - 1] as CalendarDate;
  const span = daysBetween(first, last);
  return {
    start: addDays(first, -Math.max(3, Math.ceil(span / 10))),
    end: addDays(last, Math.max(14, Math.ceil((span * 3) / 4)) + 1),
  };
}

/** The day an event's item starts on: its own start, or, when that is open, the start of the extent. */
export function drawnStart(when: When, extent: DateRange): CalendarDate {
  return when.start ?? extent.start;
}

/** The first day of the bucket holding `day`, and the first day of the next one. */
export function bucketOf(day: CalendarDate, bucket: BucketSize): DateRange {
  switch (bucket) {
    case 'day':
      return { start: day, end: addDays(day, 1) };
    case 'week': {
      const start = startOfIsoWeek(day);
      return { start, end: addDays(start, 7) };
    }
    case 'month':
      return { start: startOfMonthOffset(day), end: startOfMonthOffset(day, 1) };
    case 'year':
      return { start: `${day.slice(0, 4)}-01-01`, end: startOfMonthOffset(`${day.slice(0, 4)}-01-01`, 12) };
  }
}

/** How many of `starts` fall in each bucket, in date order. */
export function countByBucket(starts: readonly CalendarDate[], bucket: BucketSize): BucketCount[] {
  const counts = new Map<CalendarDate, number>();
  let last: DateRange | null = null;
  for (const day of starts) {
    // Starts mostly come in date order, so the previous bucket usually holds the next one too.
    if (last === null || day >= last.end || day < last.start) last = bucketOf(day, bucket);
    counts.set(last.start, (counts.get(last.start) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The overview of `events`. */
export function overviewOf(events: readonly Dated[]): Overview {
  const extent = timelineExtent(events);
  const starts = events.map((event) => drawnStart(event.when, extent ?? NO_EXTENT));
  return {
    extent,
    window: initialWindow(events),
    week: countByBucket(starts, 'week'),
    month: countByBucket(starts, 'month'),
    year: countByBucket(starts, 'year'),
  };
}

/** How many of `events` each actor takes part in (once per event), by actor id in code-point order. */
export function countByActor(events: readonly { actors: readonly string[] }[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const { actors } of events)
    actors.forEach((id, at) => {
      if (actors.indexOf(id) === at) counts.set(id, (counts.get(id) ?? 0) + 1);
    });
  return Object.fromEntries([...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}
