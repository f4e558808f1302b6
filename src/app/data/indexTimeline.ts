/**
 * Lookups the viewer needs over a validated timeline: events, actors and articles by id,
 * events in chronological order, the ids a URL may name, actors ordered by how often they
 * appear, and the calendar extent of the data.
 *
 * A sharded timeline is indexed again as its shards arrive (`indexShards`): the events in
 * so far, and `pending` says how many are still coming, which dates they cover and holds
 * the overview to draw meanwhile. What does not change between arrivals (actors, articles,
 * their order) is built once per index file, so each arrival costs about one pass over
 * the events in so far.
 */
import type { DateRange } from '../../model/calendarDate';
import { initialWindow, timelineExtent, type Overview } from '../../model/overview';
import type { Actor, ArticleSummary, ShardRef, Timeline, TimelineEvent } from '../../model/schema';
import { sortChronologically } from '../filter/filterEvents';
import { indexForFiltering, type FilterIndex } from '../filter/filterIndex';
import type { KnownIds } from '../url/urlState';
import { startProgress, waitingShards, type ShardProgress } from './shardProgress';

/** What is still on its way for a sharded timeline, and what its overview already says. */
export type Pending = {
  /** Events the index lists in all. */
  events: number;
  /** Events in so far. */
  loaded: number;
  overview: Overview;
  /** Events per actor id, from the overview (null when an older compiler wrote none). */
  actorCounts: ReadonlyMap<string, number> | null;
  /** The shards still expected (neither in nor failed), with the dates they cover. */
  waiting: readonly ShardRef[];
};

/** Events by id: a Map, or for a sharded timeline one per shard in so far. */
export type EventLookup = { get: (id: string) => TimelineEvent | undefined };

export type TimelineIndex = {
  timeline: Timeline;
  events: readonly TimelineEvent[];
  eventsById: EventLookup;
  actorsById: ReadonlyMap<string, Actor>;
  articlesById: ReadonlyMap<string, ArticleSummary>;
  /** Actors by number of events (most first), then by name. */
  actorsByWeight: Actor[];
  /** Each actor's events, for filtering without walking every event. */
  filtering: FilterIndex;
  known: KnownIds;
  extent: DateRange | null;
  initialWindow: DateRange | null;
  /** Set while shards' events are still coming; null once `events` is all there will be. */
  pending: Pending | null;
  /** One message per shard file that could not be used, naming it; its events are missing. */
  failures: readonly string[];
  /** How many listed events are missing because their shard failed. */
  missing: number;
};

type Lookups = Pick<TimelineIndex, 'actorsById' | 'articlesById'>;

function lookupsOf(timeline: Timeline): Lookups {
  return {
    actorsById: new Map(timeline.actors.map((actor) => [actor.id, actor])),
    articlesById: new Map(timeline.articles.map((article) => [article.id, article])),
  };
}

function byWeight(actors: readonly Actor[], weights: ReadonlyMap<string, number>): Actor[] {
  return [...actors].sort((a, b) => (weights.get(b.id) ?? 0) - (weights.get(a.id) ?? 0) || a.name.localeCompare(b.name));
}

function knownIds(timeline: Timeline, events: readonly TimelineEvent[] | null): KnownIds {
  return {
    eventSources: new Map((events ?? []).map((event) => [event.id, event.sources.length])),
    actors: new Set(timeline.actors.map((actor) => actor.id)),
    eventsLoaded: events !== null,
  };
}

/** Builds the lookups for a one-file `timeline` (or a sharded index with none of its shards). */
export function indexTimeline(timeline: Timeline): TimelineIndex {
  if (timeline.shards) return indexShards(startProgress('timeline.json', timeline));
  const events = sortChronologically(timeline.events);
  const lookups = lookupsOf(timeline);
  const filtering = indexForFiltering(events, lookups.actorsById);
  return {
    timeline,
    events,
    eventsById: new Map(events.map((event) => [event.id, event])),
    ...lookups,
    actorsByWeight: byWeight(timeline.actors, filtering.totals),
    filtering,
    known: knownIds(timeline, events),
    extent: timelineExtent(events),
    initialWindow: initialWindow(events),
    pending: null,
    failures: [],
    missing: 0,
  };
}

/** What stays the same for every arrival of one index file's shards. */
type Fixed = Lookups & { actorsByWeight: Actor[]; loadingKnown: KnownIds; actorCounts: ReadonlyMap<string, number> | null };

const fixedParts = new WeakMap<Timeline, Fixed>();

function fixedFor(timeline: Timeline): Fixed {
  let fixed = fixedParts.get(timeline);
  if (fixed) return fixed;
  const lookups = lookupsOf(timeline);
  const counts = timeline.overview?.actors;
  const actorCounts = counts ? new Map(Object.entries(counts)) : null;
  // The overview's counts give, from the first view on, the order the events will give once in.
  const weights = actorCounts ?? new Map<string, number>();
  fixed = { ...lookups, actorsByWeight: byWeight(timeline.actors, weights), loadingKnown: knownIds(timeline, null), actorCounts };
  fixedParts.set(timeline, fixed);
  return fixed;
}

/**
 * Builds the lookups for a sharded timeline's shards in so far. Without an overview (an
 * older compiler) there is nothing to draw meanwhile: `pending` stays null, and the caller
 * waits for every shard.
 */
export function indexShards(progress: ShardProgress): TimelineIndex {
  const timeline = progress.index;
  const refs = timeline.shards ?? [];
  const fixed = fixedFor(timeline);
  const waiting = waitingShards(progress).map((at) => refs[at] as ShardRef);
  const events = progress.events;
  const overview = timeline.overview;
  const total = refs.reduce((sum, ref) => sum + ref.count, 0);
  const pending: Pending | null =
    waiting.length > 0 && overview
      ? { events: total, loaded: events.length, overview, actorCounts: fixed.actorCounts, waiting }
      : null;
  const byShard = progress.byShard;
  return {
    timeline,
    events,
    eventsById: {
      get: (id) => {
        for (const shard of byShard) {
          const event = shard.get(id);
          if (event) return event;
        }
        return undefined;
      },
    },
    actorsById: fixed.actorsById,
    articlesById: fixed.articlesById,
    actorsByWeight: fixed.actorsByWeight,
    filtering: indexForFiltering(events, fixed.actorsById),
    known: waiting.length > 0 ? fixed.loadingKnown : knownIds(timeline, events),
    // The overview's extent while loading and after: the same days, and items built for it stay valid.
    extent: overview ? overview.extent : timelineExtent(events),
    initialWindow: overview ? overview.window : initialWindow(events),
    pending,
    failures: [...progress.failed.values()],
    missing: [...progress.failed.keys()].reduce((sum, at) => sum + (refs[at]?.count ?? 0), 0),
  };
}
