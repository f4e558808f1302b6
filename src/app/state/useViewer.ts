/**
 * The viewer's state in one place: the URL-held view (selection, filters, search,
 * window, lanes), what follows from it (the events shown, actor counts, timeline items,
 * the open passage, the live-region sentence) and the actions regions call. App.tsx
 * only hands these to the regions.
 */
import { useCallback, useEffect, useMemo } from 'react';
import type { TimelineIndex } from '../data/indexTimeline';
import { shardMeets } from '../data/shardOrder';
import {
  countActors,
  describeLoading,
  describeResults,
  isFiltering,
  type ActorMode,
  type EventFilter,
} from '../filter/filterEvents';
import { filterIndexed, prepareSearch } from '../filter/filterIndex';
import type { DateRange } from '../../model/calendarDate';
import { NO_EXTENT } from '../../model/overview';
import type { TimelineEvent } from '../../model/schema';
import type { Unloaded } from '../timeline/itemsInWindow';
import { toTimelineItems, type LaneMode } from '../timeline/toTimelineItems';
import { serializeUrlState } from '../url/urlState';
import { useUrlState } from '../url/useUrlState';

type Drawn = ReturnType<typeof toTimelineItems>;

/** The items of every event per lane mode, kept per load: clearing a filter hands the timeline the same arrays again. */
const unfiltered = new WeakMap<TimelineIndex, Map<LaneMode, Drawn>>();

const NO_TITLES: ReadonlyMap<string, string> = new Map();

function drawnItems(index: TimelineIndex, shown: readonly TimelineEvent[], lanes: LaneMode): Drawn {
  const all = shown === index.events;
  const cached = all ? unfiltered.get(index)?.get(lanes) : undefined;
  if (cached) return cached;
  const options = { lanes, actors: index.actorsById, articles: index.articlesById, extent: index.extent ?? NO_EXTENT };
  const drawn = toTimelineItems(shown, options);
  if (all) unfiltered.set(index, (unfiltered.get(index) ?? new Map<LaneMode, Drawn>()).set(lanes, drawn));
  return drawn;
}

/** State, derived data and actions for a loaded timeline. */
export function useViewer(index: TimelineIndex) {
  const [view, update] = useUrlState(index.known);
  const filter: EventFilter = useMemo(
    () => ({ actors: view.actors, mode: view.mode, query: view.query }),
    [view.actors, view.mode, view.query],
  );
  const shown = useMemo(() => filterIndexed(index.filtering, filter), [index, filter]);
  const filtering = isFiltering(filter);
  const counts = useMemo(() => {
    // While the events load, the overview counts all of them; a filtered view counts those in so far.
    if (index.pending && !filtering) return index.pending.actorCounts;
    return shown === index.events ? index.filtering.totals : countActors(shown);
  }, [shown, index, filtering]);
  // Search text for every event, built while the page is idle, before the first keystroke needs it.
  useEffect(() => (index.pending ? undefined : prepareSearch(index.filtering)), [index]);
  const drawn = useMemo(() => drawnItems(index, shown, view.lanes), [shown, view.lanes, index]);
  const selected = view.event === null ? null : (index.eventsById.get(view.event) ?? null);
  const openSource = selected && view.source !== null ? (selected.sources[view.source] ?? null) : null;
  const openArticle = openSource ? (index.articlesById.get(openSource.article) ?? null) : null;
  // Only the source reader needs the titles: not built again for every arrival of shards while it is closed.
  const readerOpen = openArticle !== null;
  const eventTitles = useMemo(
    () => (readerOpen ? new Map(index.events.map((event) => [event.id, event.title])) : NO_TITLES),
    [index, readerOpen],
  );
  const window = view.window ?? index.initialWindow;
  // What the timeline draws while shards load; the overview's counts only fit the unfiltered view.
  const loading: Unloaded | null = useMemo(
    () => (index.pending ? { overview: filtering ? null : index.pending.overview, waiting: index.pending.waiting } : null),
    [index, filtering],
  );
  const windowLoading =
    index.pending !== null && (window === null || index.pending.waiting.some((shard) => shardMeets(shard, window)));

  const selectEvent = useCallback((eventId: string | null) => update({ event: eventId, source: null }), [update]);
  const openPassage = useCallback((eventId: string, source: number) => update({ event: eventId, source }), [update]);
  const closeSource = useCallback(() => update({ source: null }), [update]);
  const setActors = useCallback((actors: string[]) => update({ actors }), [update]);
  const setMode = useCallback((mode: ActorMode) => update({ mode }), [update]);
  const setQuery = useCallback((query: string) => update({ query }), [update]);
  const setLanes = useCallback((lanes: LaneMode) => update({ lanes }), [update]);
  const setWindow = useCallback((window: DateRange) => update({ window }), [update]);
  const clearFilters = useCallback(() => update({ actors: [], query: '' }), [update]);
  const filterActor = useCallback((actorId: string) => update({ actors: [actorId] }), [update]);
  const openSelectedSource = useCallback(
    (source: number) => {
      if (view.event !== null) update({ source });
    },
    [update, view.event],
  );
  const closeDetails = useCallback(() => update({ event: null }), [update]);
  const hrefFor = useCallback(
    (eventId: string, source: number) => serializeUrlState({ ...view, event: eventId, source }) || '?',
    [view],
  );

  const step = useCallback(
    (delta: 1 | -1) => {
      if (shown.length === 0) return;
      const at = shown.findIndex((event) => event.id === view.event);
      const next = at < 0 ? (delta > 0 ? 0 : shown.length - 1) : Math.min(Math.max(at + delta, 0), shown.length - 1);
      const target = shown[next];
      if (target && target.id !== view.event) selectEvent(target.id);
    },
    [shown, view.event, selectEvent],
  );

  const closeInnermost = useCallback(() => {
    if (view.source !== null) closeSource();
    else if (view.event !== null) selectEvent(null);
  }, [view.source, view.event, closeSource, selectEvent]);

  return {
    view,
    filter,
    shown,
    counts,
    drawn,
    eventTitles,
    selected,
    openSource,
    openArticle,
    window,
    loading,
    windowLoading,
    announcement: index.pending
      ? describeLoading(shown.length, index.pending.loaded, index.pending.events, filter)
      : describeResults(shown.length, index.events.length, filter, index.missing),
    actions: {
      selectEvent,
      openPassage,
      closeSource,
      setActors,
      setMode,
      setQuery,
      setLanes,
      setWindow,
      clearFilters,
      filterActor,
      openSelectedSource,
      closeDetails,
      hrefFor,
      step,
      closeInnermost,
    },
  };
}
