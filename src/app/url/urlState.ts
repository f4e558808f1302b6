/**
 * What a reader is looking at, as a URL query: `?event=<id>&source=<n>&actors=a,b&mode=all
 * &q=<text>&from=YYYY-MM-DD&to=YYYY-MM-DD&lanes=actor`. Parsing is total: unknown event or
 * actor ids, bad numbers and malformed dates are dropped, never thrown. Serialising
 * writes only what differs from the defaults, in a fixed order, so links stay short.
 */
import { isCalendarDate } from '../../model/calendarDate';
import type { ActorMode } from '../filter/filterEvents';
import type { DateRange, LaneMode } from '../timeline/toTimelineItems';

export type ViewState = {
  event: string | null;
  /** Index into the selected event's sources of the passage open in the source reader. */
  source: number | null;
  actors: string[];
  mode: ActorMode;
  query: string;
  window: DateRange | null;
  lanes: LaneMode;
};

export const DEFAULT_STATE: ViewState = {
  event: null,
  source: null,
  actors: [],
  mode: 'any',
  query: '',
  window: null,
  lanes: 'none',
};

export type KnownIds = {
  /** Number of sources of each known event. */
  eventSources: ReadonlyMap<string, number>;
  actors: ReadonlySet<string>;
  /** False while a sharded timeline's events are loading: event ids and source numbers are kept unchecked until then. */
  eventsLoaded: boolean;
};

const LANES: readonly LaneMode[] = ['none', 'actor', 'article'];

/** Reads a view state from a query string, dropping whatever does not name known data. */
export function parseUrlState(search: string, known: KnownIds): ViewState {
  const params = new URLSearchParams(search);
  const eventParam = params.get('event');
  const event = eventParam !== null && (known.eventSources.has(eventParam) || !known.eventsLoaded) ? eventParam : null;
  const sourceParam = params.get('source');
  const sourceIndex = sourceParam !== null && /^\d{1,4}$/.test(sourceParam) ? Number(sourceParam) : null;
  const source =
    event !== null && sourceIndex !== null && (!known.eventsLoaded || sourceIndex < (known.eventSources.get(event) ?? 0))
      ? sourceIndex
      : null;
  const actors = [...new Set((params.get('actors') ?? '').split(','))].filter((id) => known.actors.has(id));
  const mode: ActorMode = params.get('mode') === 'all' ? 'all' : 'any';
  const query = (params.get('q') ?? '').slice(0, 200);
  const from = params.get('from');
  const to = params.get('to');
  const range =
    from !== null && to !== null && isCalendarDate(from) && isCalendarDate(to) && from < to ? { start: from, end: to } : null;
  const lanesParam = params.get('lanes');
  const lanes = LANES.find((lane) => lane === lanesParam) ?? 'none';
  return { event, source, actors, mode, query, window: range, lanes };
}

/** Writes a view state as a query string (`''` for the defaults, otherwise starting with `?`). */
export function serializeUrlState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.event !== null) {
    params.set('event', state.event);
    if (state.source !== null) params.set('source', String(state.source));
  }
  if (state.actors.length > 0) params.set('actors', state.actors.join(','));
  if (state.mode !== 'any') params.set('mode', state.mode);
  if (state.query !== '') params.set('q', state.query);
  if (state.window !== null) {
    params.set('from', state.window.start);
    params.set('to', state.window.end);
  }
  if (state.lanes !== 'none') params.set('lanes', state.lanes);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Whether two states differ in what the reader selected (the part back/forward steps through). */
export function selectionChanged(a: ViewState, b: ViewState): boolean {
  return a.event !== b.event || a.source !== b.source;
}
