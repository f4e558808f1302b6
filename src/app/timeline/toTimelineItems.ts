/**
 * Turns events into the plain items and groups the timeline wrapper draws. Pure and
 * DOM-free: day events become points, exact spans become ranges with an exclusive
 * next-day end (calendar arithmetic, never +24 h), and vague dates become bands marked
 * `is-vague` with their precision in the label. Dates stay `YYYY-MM-DD` strings, which
 * vis-timeline reads as local midnight, so the axis shows the same day in every zone.
 */
import { addDays, type CalendarDate, type DateRange } from '../../model/calendarDate';
import type { Actor, ArticleSummary, TimelineEvent } from '../../model/schema';
import { formatWhen, isExactDay, vaguenessOf } from '../format/formatWhen';

export type LaneMode = 'none' | 'actor' | 'article';

export type { DateRange };

/** One drawable item; `content` is HTML-escaped text, never markup from the data. */
export type TimelineItem = {
  id: string;
  eventId: string;
  group?: string;
  type: 'point' | 'range';
  start: CalendarDate;
  /** Exclusive end (the day after the last day covered), for ranges. */
  end?: CalendarDate;
  content: string;
  title: string;
  className: string;
};

export type TimelineGroup = { id: string; content: string; order: number };

export type ItemOptions = {
  lanes: LaneMode;
  actors: ReadonlyMap<string, Actor>;
  articles: ReadonlyMap<string, ArticleSummary>;
  /** Where open-ended dates (`../2030`) stop being drawn: the extent of the whole data set. */
  extent: DateRange;
};

export const NO_ACTOR_LANE = '~no-actor';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for vis-timeline's HTML content (whose own XSS filter stays on as well). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** The drawn bounds of `when`: open ends run to the data extent. */
function drawnRange(event: TimelineEvent, extent: DateRange): DateRange {
  const end = event.when.end ?? (event.when.start && event.when.start > extent.end ? event.when.start : extent.end);
  const start = event.when.start ?? (end < extent.start ? end : extent.start);
  return { start, end };
}

function lanesOf(event: TimelineEvent, options: ItemOptions): string[] {
  if (options.lanes === 'actor') return event.actors.length > 0 ? [...event.actors] : [NO_ACTOR_LANE];
  if (options.lanes === 'article') return [...new Set(event.sources.map((source) => source.article))];
  return [];
}

/**
 * Each event's lane-less item per extent (one per timeline load), built once: a filter change
 * hands the same objects on, so nothing is re-formatted and later stages can cache by item.
 */
const bases = new WeakMap<DateRange, WeakMap<TimelineEvent, TimelineItem>>();

function cachedBase(event: TimelineEvent, extent: DateRange): TimelineItem {
  let forExtent = bases.get(extent);
  if (!forExtent) bases.set(extent, (forExtent = new WeakMap()));
  let base = forExtent.get(event);
  if (!base) forExtent.set(event, (base = itemBase(event, extent)));
  return base;
}

/** Each base item's copy per lane, built once as well: in lane mode too, a filter change hands the same objects on. */
const laneCopies = new WeakMap<TimelineItem, Map<string, TimelineItem>>();

function laneItem(base: TimelineItem, lane: string): TimelineItem {
  let copies = laneCopies.get(base);
  if (!copies) laneCopies.set(base, (copies = new Map()));
  let item = copies.get(lane);
  if (!item) copies.set(lane, (item = { ...base, id: `${base.id}|${lane}`, group: lane }));
  return item;
}

function itemBase(event: TimelineEvent, extent: DateRange): TimelineItem {
  const label = formatWhen(event.when);
  const status = `is-${event.status}`;
  if (isExactDay(event.when) && event.when.start) {
    return {
      id: event.id,
      eventId: event.id,
      type: 'point',
      start: event.when.start,
      content: escapeHtml(event.title),
      title: escapeHtml(`${event.title} — ${label}`),
      className: `dl-item ${status}`,
    };
  }
  const { vague, reasons } = vaguenessOf(event.when);
  const { start, end } = drawnRange(event, extent);
  const openClasses = [event.when.start === null ? 'is-open-start' : '', event.when.end === null ? 'is-open-end' : '']
    .filter(Boolean)
    .join(' ');
  const tag = vague ? ` (${reasons.join(', ')})` : '';
  return {
    id: event.id,
    eventId: event.id,
    type: 'range',
    start,
    end: addDays(end, 1),
    content: escapeHtml(`${event.title} · ${label}${tag}`),
    title: escapeHtml(`${event.title} — ${label}${tag}`),
    className: ['dl-item', status, vague ? 'is-vague' : 'is-span', openClasses].filter(Boolean).join(' '),
  };
}

function groupLabel(id: string, options: ItemOptions): string {
  if (id === NO_ACTOR_LANE) return 'No actor';
  if (options.lanes === 'actor') return options.actors.get(id)?.name ?? id;
  return options.articles.get(id)?.title ?? id;
}

/** Items (one per event, or one per event and lane) and lane groups for `events`. */
export function toTimelineItems(
  events: readonly TimelineEvent[],
  options: ItemOptions,
): { items: TimelineItem[]; groups: TimelineGroup[] | null } {
  const items: TimelineItem[] = [];
  const laneIds = new Set<string>();
  for (const event of events) {
    const base = cachedBase(event, options.extent);
    if (options.lanes === 'none') {
      items.push(base);
      continue;
    }
    for (const lane of lanesOf(event, options)) {
      laneIds.add(lane);
      items.push(laneItem(base, lane));
    }
  }
  if (options.lanes === 'none') return { items, groups: null };
  // Actor lanes read alphabetically ("No actor" last); article lanes in publication order.
  const sortKey = (id: string) =>
    id === NO_ACTOR_LANE
      ? '\uffff'
      : options.lanes === 'article'
        ? `${options.articles.get(id)?.published ?? ''} ${groupLabel(id, options)}`
        : groupLabel(id, options);
  const groups = [...laneIds]
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
    .map((id, order) => ({ id, content: escapeHtml(groupLabel(id, options)), order }));
  return { items, groups };
}

/** The item ids that draw `eventId` (several when lanes repeat an event). */
export function itemIdsOf(items: readonly TimelineItem[], eventId: string | null): string[] {
  return eventId === null ? [] : items.filter((item) => item.eventId === eventId).map((item) => item.id);
}
