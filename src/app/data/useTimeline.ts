/**
 * Loads `timeline.json` — and, for a large timeline, the shard files it lists, all at
 * once, in a web worker (loadShards) — validates every file against the contract, puts the shards together and
 * indexes the result once per load. A sharded timeline's index, with its overview, is
 * handed over as soon as it is valid, so the viewer draws the overview while the shards
 * are on their way.
 */
import { useMemo } from 'react';
import { TimelineSchema, type Timeline } from '../../model/schema';
import { assembleShards } from './assembleShards';
import { indexTimeline, type TimelineIndex } from './indexTimeline';
import { loadShards } from './loadShards';
import type { Parsed } from './parseTimeline';
import { fetchDataFile } from './fetchDataFile';
import { useLoaded, type DataState } from './useDataFile';

/**
 * The timeline in `file`, whole: its own events, or those of its shards in order. A
 * sharded index that has an overview goes to `early` before the shards are fetched.
 */
export async function loadTimeline(
  file: string,
  signal: AbortSignal,
  early: (index: Timeline) => void = () => {},
): Promise<Parsed<Timeline>> {
  const index = await fetchDataFile(file, TimelineSchema, signal);
  if (!index.ok || index.value.shards === undefined) return index;
  if (index.value.overview) early(index.value);
  const shards = await loadShards(index.value.shards, signal);
  const failed = shards.find((shard) => !shard.ok);
  if (failed && !failed.ok) return failed;
  return assembleShards(
    file,
    index.value,
    shards.flatMap((shard) => (shard.ok ? [shard.value] : [])),
  );
}

/** The indexed timeline, or its loading or error state. */
export function useTimeline(file: string): DataState<TimelineIndex> {
  const state = useLoaded<Timeline>(file, (signal, early) => loadTimeline(file, signal, early));
  const value = state.status === 'ready' ? state.value : null;
  const index = useMemo(() => (value ? indexTimeline(value) : null), [value]);
  if (state.status !== 'ready') return state;
  return index ? { status: 'ready', value: index } : { status: 'loading' };
}
