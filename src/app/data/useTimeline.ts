/**
 * Loads `timeline.json`, validates it against the contract and indexes it once per
 * successful load.
 */
import { useMemo } from 'react';
import { TimelineSchema } from '../../model/schema';
import { indexTimeline, type TimelineIndex } from './indexTimeline';
import { useDataFile, type DataState } from './useDataFile';

/** The indexed timeline, or its loading or error state. */
export function useTimeline(file: string): DataState<TimelineIndex> {
  const state = useDataFile(file, TimelineSchema);
  const value = state.status === 'ready' ? state.value : null;
  const index = useMemo(() => (value ? indexTimeline(value) : null), [value]);
  if (state.status !== 'ready') return state;
  return index ? { status: 'ready', value: index } : { status: 'loading' };
}
