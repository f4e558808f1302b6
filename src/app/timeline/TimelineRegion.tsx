/**
 * The "Timeline" region: zoom, pan, fit-all and lane controls around the lazily loaded
 * vis-timeline wrapper, so the list and filters show before vis-timeline arrives.
 * The canvas takes arrow keys (previous/next event), + and − (zoom), Shift+arrows (pan)
 * and Enter (go to the details).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TimelineHandle, TimelineViewProps } from './TimelineView';
import { fitWindow, sortedFor } from './itemsInWindow';
import { pannedWindow, zoomedWindow } from './timelineWindow';
import type { DateRange } from '../../model/calendarDate';
import { afterNextPaint } from '../shell/afterNextPaint';
import { TimelinePreview } from './TimelinePreview';
import type { LaneMode } from './toTimelineItems';

type TimelineModule = typeof import('./TimelineView');

let loading: Promise<TimelineModule> | null = null;
let loaded: TimelineModule | null = null;

/** The vis-timeline chunk, fetched once; a failed fetch is forgotten, so "Try again" asks for it anew. */
function loadTimelineView(): Promise<TimelineModule> {
  loading ??= import('./TimelineView').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The timeline component once its chunk is in, else null; a failed load is thrown to the
 * region's error boundary. The chunk (vis-timeline, 115 KiB gzipped) is asked for once the
 * region's first frame is on screen: the list, filters and preview painted in that frame
 * need only the main bundle and the data, and on a slow link they no longer share it with
 * the chunk, nor wait while the chunk is evaluated. Not React.lazy: React holds a Suspense
 * boundary's content back for up to 300 ms after its fallback showed (to batch reveals),
 * which delayed the first drawn events by that much although the chunk had arrived.
 */
function useTimelineModule(): TimelineModule | null {
  const [state, setState] = useState<{ module: TimelineModule | null; error?: unknown }>(() => ({ module: loaded }));
  useEffect(() => {
    if (state.module) return;
    let live = true;
    const cancel = afterNextPaint(() =>
      loadTimelineView().then(
        (module) => live && setState({ module }),
        (error: unknown) => live && setState({ module: null, error }),
      ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [state.module]);
  if (state.error !== undefined) throw state.error;
  return state.module;
}

/** vis-timeline once its chunk is in; until then, a preview of the events in the window. */
function LoadedTimelineView(props: TimelineViewProps) {
  const loadedModule = useTimelineModule();
  if (!loadedModule) return <TimelinePreview sorted={sortedFor(props.items, props.loading)} window={props.window} />;
  return <loadedModule.TimelineView {...props} />;
}

export type TimelineRegionProps = Omit<TimelineViewProps, 'ref'> & {
  /** Whether events of the window (with its margins) are still on their way. */
  windowLoading: boolean;
  lanes: LaneMode;
  onLanesChange: (lanes: LaneMode) => void;
  onStep: (delta: 1 | -1) => void;
  onEnter: () => void;
};

const LANE_LABELS: Record<LaneMode, string> = { none: 'None', actor: 'By actor', article: 'By article' };

/** The timeline with its controls. */
export function TimelineRegion({ windowLoading, lanes, onLanesChange, onStep, onEnter, ...view }: TimelineRegionProps) {
  const handle = useRef<TimelineHandle>(null);
  // Until vis-timeline is built (its chunk may still be coming), the moves act on the window
  // itself: the preview shows it, the URL keeps it and vis-timeline opens on it.
  const moveWindow = (next: DateRange | null) => {
    if (next) view.onWindowChange(next);
  };
  const zoom = (direction: 1 | -1) => {
    if (!handle.current?.zoom(direction) && view.window) moveWindow(zoomedWindow(view.window, direction));
  };
  const pan = (direction: 1 | -1) => {
    if (!handle.current?.pan(direction) && view.window) moveWindow(pannedWindow(view.window, direction));
  };
  const fit = () => {
    if (!handle.current?.fit()) moveWindow(fitWindow(sortedFor(view.items, view.loading), view.loading));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => (event.shiftKey ? pan(-1) : onStep(-1)),
      ArrowRight: () => (event.shiftKey ? pan(1) : onStep(1)),
      '+': () => zoom(1),
      '=': () => zoom(1),
      '-': () => zoom(-1),
      '0': () => fit(),
      Enter: onEnter,
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <section className="region timeline-region" aria-labelledby="timeline-heading" aria-busy={windowLoading}>
      <div className="timeline-toolbar">
        <h2 id="timeline-heading">Timeline</h2>
        {/* Counts stand in for the events of the window until they arrive. */}
        {windowLoading && <span className="timeline-loading-note">Loading events in view…</span>}
        <div className="toolbar-buttons" role="toolbar" aria-label="Timeline controls">
          <button type="button" onClick={() => zoom(1)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoom(-1)} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={() => pan(-1)} aria-label="Earlier">
            ◀
          </button>
          <button type="button" onClick={() => pan(1)} aria-label="Later">
            ▶
          </button>
          <button type="button" onClick={fit}>
            Fit all
          </button>
        </div>
        <label className="lanes-control">
          Lanes{' '}
          <select value={lanes} onChange={(event) => onLanesChange(event.target.value as LaneMode)}>
            {(Object.keys(LANE_LABELS) as LaneMode[]).map((mode) => (
              <option key={mode} value={mode}>
                {LANE_LABELS[mode]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* vis-timeline draws items that cannot take focus, so the frame is the one keyboard
          widget for the canvas (role application: it handles its own arrow keys). */}
      {/* eslint-disable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */}
      <div
        className="timeline-frame"
        role="application"
        tabIndex={0}
        aria-roledescription="timeline"
        aria-label="Timeline canvas. Left and right arrows: previous or next event; plus and minus: zoom; Shift with arrows: pan; 0: fit all; Enter: event details"
        onKeyDown={onKeyDown}
      >
        <LoadedTimelineView {...view} ref={handle} />
      </div>
      {/* eslint-enable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */}
      <p className="timeline-legend" aria-hidden="true">
        <span className="legend-point" /> exact day <span className="legend-span" /> span <span className="legend-vague" /> vague
        date
      </p>
    </section>
  );
}
