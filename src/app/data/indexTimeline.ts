/**
 * Lookups the viewer needs over a validated timeline, built once per load: events,
 * actors and articles by id, events in chronological order, the ids a URL may name,
 * actors ordered by how often they appear, and the calendar extent of the data.
 *
 * A sharded timeline's index (shards listed, not yet loaded) is indexed as well: it has
 * no events yet, and `pending` says how many are coming and holds the overview to draw.
 */
import type { DateRange } from '../../model/calendarDate';
import { initialWindow, timelineExtent, type Overview } from '../../model/overview';
import type { Actor, ArticleSummary, Timeline, TimelineEvent } from '../../model/schema';
import { sortChronologically } from '../filter/filterEvents';
import { indexForFiltering, type FilterIndex } from '../filter/filterIndex';
import type { KnownIds } from '../url/urlState';

/** What is still on its way for a sharded timeline, and what its overview already says. */
export type Pending = {
  events: number;
  overview: Overview;
  /** Events per actor id, from the overview (null when an older compiler wrote none). */
  actorCounts: ReadonlyMap<string, number> | null;
};

export type TimelineIndex = {
  timeline: Timeline;
  events: TimelineEvent[];
  eventsById: ReadonlyMap<string, TimelineEvent>;
  actorsById: ReadonlyMap<string, Actor>;
  articlesById: ReadonlyMap<string, ArticleSummary>;
  /** Actors by number of events (most first), then by name. */
  actorsByWeight: Actor[];
  /** Each actor's events, for filtering without walking every event. */
  filtering: FilterIndex;
  known: KnownIds;
  extent: DateRange | null;
  initialWindow: DateRange | null;
  /** Set while the shards' events are loading; null once `events` is all of them. */
  pending: Pending | null;
};

/** Builds the lookups for `timeline`. */
export function indexTimeline(timeline: Timeline): TimelineIndex {
  const overview = timeline.shards ? timeline.overview : undefined;
  const pending: Pending | null = overview
    ? {
        events: (timeline.shards ?? []).reduce((sum, shard) => sum + shard.count, 0),
        overview,
        actorCounts: overview.actors ? new Map(Object.entries(overview.actors)) : null,
      }
    : null;
  const events = sortChronologically(timeline.events);
  const actorsById = new Map(timeline.actors.map((actor) => [actor.id, actor]));
  const filtering = indexForFiltering(events, actorsById);
  // While the shards load, the overview's counts give the same order the events will.
  const weights = pending?.actorCounts ?? filtering.totals;
  const actorsByWeight = [...timeline.actors].sort(
    (a, b) => (weights.get(b.id) ?? 0) - (weights.get(a.id) ?? 0) || a.name.localeCompare(b.name),
  );
  return {
    timeline,
    events,
    eventsById: new Map(events.map((event) => [event.id, event])),
    actorsById,
    articlesById: new Map(timeline.articles.map((article) => [article.id, article])),
    actorsByWeight,
    filtering,
    known: {
      eventSources: new Map(events.map((event) => [event.id, event.sources.length])),
      actors: new Set(timeline.actors.map((actor) => actor.id)),
      eventsLoaded: pending === null,
    },
    extent: pending ? pending.overview.extent : timelineExtent(events),
    initialWindow: pending ? pending.overview.window : initialWindow(events),
    pending,
  };
}
