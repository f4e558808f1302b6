/**
 * Loads `timeline.json` and validates it in the data worker: in the built page the head's
 * script (headStart.js) has asked for it before this code runs; otherwise it is fetched
 * here, where the page's preload of it is. A one-file timeline is indexed whole. A sharded
 * one is ready at once with its overview, and its shard files follow (loadShards: a few at
 * a time, those meeting the reader's window first, each validated in the data worker too);
 * the events of the shards in so far are indexed again as they arrive. Arrivals are taken
 * in once per animation frame, and never while React still renders the previous ones, with
 * at least as long between two as the last one took to render: at 250,000 events each
 * pass over the events in so far costs a noticeable slice of the main thread.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DateRange } from '../../model/calendarDate';
import type { Timeline } from '../../model/schema';
import { loadDataFile, takeHeadTimeline } from './dataFiles';
import { fetchText } from './fetchText';
import { indexShards, indexTimeline, type TimelineIndex } from './indexTimeline';
import { startShardLoad, type ShardArrival, type ShardLoad } from './loadShards';
import { addShards, retryShards, startProgress, waitingShards, type ShardProgress } from './shardProgress';
import { useLoaded, type DataState } from './useDataFile';

/** What the viewer tells the loading of a sharded timeline's shards. */
export type ShardControls = {
  /** The reader looks at `window` (with its margins): the shards meeting it go first. */
  focus: (window: DateRange | null) => void;
  /** Asks again for the shards that failed. */
  retry: () => void;
};

/** Calls `work` in the next animation frame (or task, where there are no frames); returns a cancel function. */
function nextFrame(work: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(work);
  return () => cancelAnimationFrame(frame);
}

/**
 * Loads the shards of `index` (when it has any) and gives the progress in so far: at first
 * nothing loaded, then the arrivals, batched. `committed` must be called once the viewer
 * has rendered a given progress.
 */
function useShardProgress(file: string, index: Timeline | null) {
  const initial = useMemo(() => (index?.shards ? startProgress(file, index) : null), [file, index]);
  const [published, setPublished] = useState<ShardProgress | null>(null);
  const focused = useRef<DateRange | null>(null);
  const load = useRef<ShardLoad | null>(null);
  const onCommit = useRef<() => void>(() => {});
  const retryFailed = useRef<() => void>(() => {});

  useEffect(() => {
    if (!initial) return;
    const refs = initial.index.shards ?? [];
    let progress = initial;
    let arrivals: ShardArrival[] = [];
    let rendering = false;
    let publishedAt = 0;
    let notBefore = 0;
    let cancel: (() => void) | null = null;

    const publish = () => {
      cancel = null;
      if (rendering || arrivals.length === 0) return;
      progress = addShards(progress, arrivals);
      arrivals = [];
      rendering = true;
      publishedAt = performance.now();
      const next = progress;
      startTransition(() => setPublished(next));
    };
    const schedule = () => {
      if (cancel || rendering) return;
      const wait = notBefore - performance.now();
      if (wait <= 0) {
        cancel = nextFrame(publish);
        return;
      }
      const timer = setTimeout(() => (cancel = nextFrame(publish)), wait);
      cancel = () => clearTimeout(timer);
    };
    onCommit.current = () => {
      if (!rendering) return;
      rendering = false;
      const now = performance.now();
      notBefore = now + (now - publishedAt);
      schedule();
    };
    retryFailed.current = () => {
      const failed = [...progress.failed.keys()];
      if (failed.length === 0) return;
      progress = retryShards(progress, failed);
      const next = progress;
      startTransition(() => setPublished(next));
      load.current?.retry(failed);
    };
    load.current = startShardLoad(refs, focused.current ?? initial.index.overview?.window ?? null, (arrival) => {
      arrivals.push(arrival);
      schedule();
    });
    return () => {
      cancel?.();
      load.current?.stop();
      load.current = null;
      onCommit.current = () => {};
    };
  }, [initial]);

  const focus = useCallback((window: DateRange | null) => {
    focused.current = window;
    load.current?.focus(window);
  }, []);
  const retry = useCallback(() => retryFailed.current(), []);
  const committed = useCallback(() => onCommit.current(), []);
  const progress = published && published.index === initial?.index ? published : initial;
  return { progress, controls: useMemo(() => ({ focus, retry }), [focus, retry]), committed };
}

/** The indexed timeline, or its loading or error state, and the controls of its shards' loading. */
export function useTimeline(file: string): [DataState<TimelineIndex>, ShardControls] {
  // In the built page the head's script has asked for it already; otherwise (or when that
  // failed) it is fetched here, where the page's preload of it is, and validated in the data worker.
  const state = useLoaded(file, async (signal) => {
    const early = await takeHeadTimeline(file);
    if (early) return early;
    const text = await fetchText(file, signal);
    return text.ok ? loadDataFile('timeline', file, signal, { text: text.value }) : text;
  });
  const timeline = state.status === 'ready' ? state.value : null;
  const { progress, controls, committed } = useShardProgress(file, timeline);
  const index = useMemo(
    () => (progress ? indexShards(progress) : timeline ? indexTimeline(timeline) : null),
    [progress, timeline],
  );
  useEffect(committed, [index, committed]);
  if (state.status !== 'ready') return [state, controls];
  // Without an overview there is nothing to show until every shard is in.
  const waitingForAll = progress !== null && !progress.index.overview && waitingShards(progress).length > 0;
  return [index && !waitingForAll ? { status: 'ready', value: index } : { status: 'loading' }, controls];
}
