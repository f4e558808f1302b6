/**
 * Narrowing events by actor ("any of" or "all of" the chosen actors) and by a search
 * over titles, actor names and aliases, places and source passages; counting actors
 * over what remains; and the chronological order the list and the keyboard follow.
 * Pure: the same inputs always give the same, newly built arrays.
 */
import { countByActor } from '../../model/overview';
import type { Actor, TimelineEvent } from '../../model/schema';

export type ActorMode = 'any' | 'all';

export type EventFilter = { actors: readonly string[]; mode: ActorMode; query: string };

export const NO_FILTER: EventFilter = { actors: [], mode: 'any', query: '' };

// Without the u flag this also matches each half of a surrogate pair, i.e. any character past ASCII.
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-cases and strips accents, so "Gyeongju" matches "gyeongju" and "é" matches "e". */
export function normalise(text: string): string {
  // Plain ASCII has nothing to decompose or strip: most of an English archive skips the slow path.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search query; every one must occur for an event to match. */
export function queryTerms(query: string): string[] {
  return normalise(query).split(/\s+/).filter(Boolean);
}

/** Search text per event, built on first search and kept per actor table (one per timeline load). */
const haystacks = new WeakMap<ReadonlyMap<string, Actor>, WeakMap<TimelineEvent, string>>();

/** The normalised text a search looks in for `event`: title, place, actor names and aliases, passages. */
export function haystackOf(event: TimelineEvent, actors: ReadonlyMap<string, Actor>): string {
  let forActors = haystacks.get(actors);
  if (!forActors) haystacks.set(actors, (forActors = new WeakMap()));
  let text = forActors.get(event);
  if (text === undefined) forActors.set(event, (text = buildHaystack(event, actors)));
  return text;
}

function buildHaystack(event: TimelineEvent, actors: ReadonlyMap<string, Actor>): string {
  const names = event.actors.flatMap((id) => {
    const actor = actors.get(id);
    return actor ? [actor.name, ...actor.aliases] : [id];
  });
  return normalise([event.title, event.place ?? '', ...names, ...event.sources.map((source) => source.quote)].join('\n'));
}

/** Whether `event` passes the actor filter. */
export function matchesActors(event: TimelineEvent, chosen: readonly string[], mode: ActorMode): boolean {
  if (chosen.length === 0) return true;
  return mode === 'all' ? chosen.every((id) => event.actors.includes(id)) : chosen.some((id) => event.actors.includes(id));
}

/** The events that pass both the actor filter and the search, in their given order. */
export function filterEvents(
  events: readonly TimelineEvent[],
  filter: EventFilter,
  actors: ReadonlyMap<string, Actor>,
): TimelineEvent[] {
  const terms = queryTerms(filter.query);
  return events.filter((event) => {
    if (!matchesActors(event, filter.actors, filter.mode)) return false;
    if (terms.length === 0) return true;
    const haystack = haystackOf(event, actors);
    return terms.every((term) => haystack.includes(term));
  });
}

/** How many of `events` each actor takes part in. */
export function countActors(events: readonly TimelineEvent[]): Map<string, number> {
  return new Map(Object.entries(countByActor(events)));
}

/** Whether any filter is set. */
export function isFiltering(filter: EventFilter): boolean {
  return filter.actors.length > 0 || queryTerms(filter.query).length > 0;
}

/** Code-point order, for calendar dates and ids: the same as the calendar for `YYYY-MM-DD`, and cheap. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Titles in a reader's order; one collator, which is far cheaper than `localeCompare` per pair. */
const titleOrder = new Intl.Collator('en');

function sortKey(event: TimelineEvent): string {
  // Open starts sort by their end, so "by 2030" sits with 2030 rather than first.
  return event.when.start ?? event.when.end ?? '';
}

/** Events by start date, then by end (shorter first), then title and id for a stable order. */
export function compareChronologically(a: TimelineEvent, b: TimelineEvent): number {
  return (
    compareCodePoints(sortKey(a), sortKey(b)) ||
    compareCodePoints(a.when.end ?? '9999', b.when.end ?? '9999') ||
    titleOrder.compare(a.title, b.title) ||
    compareCodePoints(a.id, b.id)
  );
}

/** `events` in chronological order (compareChronologically). */
export function sortChronologically(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].sort(compareChronologically);
}

/**
 * The sentence the live region reads after the filters change; `missing` events (of shard
 * files that could not be loaded) are said to be left out.
 */
export function describeResults(shown: number, total: number, filter: EventFilter, missing = 0): string {
  const left = missing > 0 ? `; ${missing} more could not be loaded` : '';
  if (!isFiltering(filter)) return `${total} ${total === 1 ? 'event' : 'events'}${left}`;
  if (shown === 0) return `No events match the filters (of ${total})${left}`;
  return `${shown} of ${total} ${total === 1 ? 'event' : 'events'} match${left}`;
}

/**
 * The same while a sharded timeline's events arrive: how many are in so far of the
 * `total`, and how many of those match. Always starts with "Loading".
 */
export function describeLoading(shown: number, loaded: number, total: number, filter: EventFilter): string {
  if (loaded === 0) return `Loading ${total} events…`;
  const progress = `${loaded} of ${total} events loaded`;
  if (!isFiltering(filter)) return `Loading… ${progress}`;
  return `Loading… ${shown} ${shown === 1 ? 'matches' : 'match'} among ${progress}`;
}
