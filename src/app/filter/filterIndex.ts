/**
 * Filtering a large timeline without walking all of it: each actor's events by position
 * (built once per load), so an actor filter touches only that actor's events; a search
 * keystroke that only lengthens the query narrows the previous result instead of starting
 * over; and every event's search text built in idle time after loading, so the first
 * keystroke does not pay for tens of thousands of them. The results are exactly those
 * of `filterEvents`, in the same order.
 */
import type { Actor, TimelineEvent } from '../../model/schema';
import { haystackOf, normalise, queryTerms, type EventFilter } from './filterEvents';

export type FilterIndex = {
  events: readonly TimelineEvent[];
  actors: ReadonlyMap<string, Actor>;
  /** Ascending positions in `events` of the events each actor takes part in. */
  positions: ReadonlyMap<string, readonly number[]>;
  /** How many events each actor takes part in. */
  totals: ReadonlyMap<string, number>;
};

/** A filter and what it gave, to narrow from on the next keystroke. */
type FilterResult = { filter: EventFilter; shown: readonly TimelineEvent[] };

/** Each index's latest result (a cache: dropping it changes nothing but speed). */
const latest = new WeakMap<FilterIndex, FilterResult>();

/** Builds the index for `events` (in the order results should keep). */
export function indexForFiltering(events: readonly TimelineEvent[], actors: ReadonlyMap<string, Actor>): FilterIndex {
  const positions = new Map<string, number[]>();
  events.forEach((event, at) =>
    event.actors.forEach((id, nth) => {
      // An actor named twice in one event still has the event once.
      if (event.actors.indexOf(id) !== nth) return;
      const list = positions.get(id);
      if (list) list.push(at);
      else positions.set(id, [at]);
    }),
  );
  const totals = new Map([...positions].map(([id, list]) => [id, list.length]));
  return { events, actors, positions, totals };
}

/** The events that pass the actor part of `filter`, in index order. */
function actorMatches(index: FilterIndex, filter: EventFilter): readonly TimelineEvent[] {
  const chosen = [...new Set(filter.actors)];
  if (chosen.length === 0) return index.events;
  const lists = chosen.map((id) => index.positions.get(id) ?? []);
  if (lists.length === 1) return (lists[0] ?? []).map((at) => index.events[at] as TimelineEvent);
  // Count how many chosen actors each event has: any of them is a count of 1 or more, all of them is every list.
  const needed = filter.mode === 'all' ? lists.length : 1;
  const hits = new Uint16Array(index.events.length);
  for (const list of lists) for (const at of list) hits[at] = (hits[at] ?? 0) + 1;
  const found: TimelineEvent[] = [];
  hits.forEach((count, at) => {
    if (count >= needed) found.push(index.events[at] as TimelineEvent);
  });
  return found;
}

/** Whether every event matching `next` also matches `previous`: same actors, and a query that only grew. */
function narrows(previous: EventFilter, next: EventFilter): boolean {
  return (
    previous.mode === next.mode &&
    previous.actors.length === next.actors.length &&
    previous.actors.every((id, at) => next.actors[at] === id) &&
    // Every term of the shorter query is a term of the longer one, or (the last) the start of one.
    normalise(next.query).startsWith(normalise(previous.query))
  );
}

/**
 * The events that pass `filter`, the same as `filterEvents(index.events, filter, index.actors)`.
 * With no filter it is `index.events` itself; when the query only grew since the index's
 * last call, the last result is narrowed instead of starting from every event.
 */
export function filterIndexed(index: FilterIndex, filter: EventFilter): readonly TimelineEvent[] {
  const shown = filterFrom(index, filter, latest.get(index));
  latest.set(index, { filter, shown });
  return shown;
}

function filterFrom(index: FilterIndex, filter: EventFilter, previous: FilterResult | undefined): readonly TimelineEvent[] {
  const terms = queryTerms(filter.query);
  if (filter.actors.length === 0 && terms.length === 0) return index.events;
  const candidates = previous && narrows(previous.filter, filter) ? previous.shown : actorMatches(index, filter);
  if (terms.length === 0) return candidates;
  return candidates.filter((event) => {
    const haystack = haystackOf(event, index.actors);
    return terms.every((term) => haystack.includes(term));
  });
}

/** How long one slice of background work may run when the browser cannot say how long it is idle. */
const SLICE_MS = 8;

/** Runs `work` when the page is idle, giving it the milliseconds it may take; returns a cancel function. */
export type IdleScheduler = (work: (timeLeft: () => number) => void) => () => void;

/** requestIdleCallback where the browser has it (not Safari, not jsdom), else a zero timeout and a fixed budget. */
const whenIdle: IdleScheduler = (work) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback((deadline) => work(() => deadline.timeRemaining()), { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(() => {
    const until = performance.now() + SLICE_MS;
    work(() => until - performance.now());
  }, 0);
  return () => clearTimeout(handle);
};

/**
 * Builds every event's search text while the page is idle, a few milliseconds at a time, so
 * the first search keystroke finds it ready. Returns a function that stops the work (the
 * index changed, the view unmounted); a search before the end builds what it needs itself.
 */
export function prepareSearch(index: FilterIndex, schedule: IdleScheduler = whenIdle): () => void {
  let next = 0;
  let cancel = () => {};
  const slice = (timeLeft: () => number) => {
    // At least a few events per slice, so the work ends even on a page that is never idle.
    const least = Math.min(next + 50, index.events.length);
    while (next < index.events.length && (next < least || timeLeft() > 1)) {
      haystackOf(index.events[next] as TimelineEvent, index.actors);
      next += 1;
    }
    if (next < index.events.length) cancel = schedule(slice);
  };
  cancel = schedule(slice);
  return () => cancel();
}
