/**
 * The one component that owns vis-timeline (loaded lazily, with its CSS, in its own
 * chunk). It is given every item but hands vis-timeline only those near the window (or
 * count bands when they are too many, or an overview's bands while the events load), updated by id on each settled window change; it
 * mirrors the selected event and the window given as props and reports user selections
 * and window changes back as calendar dates.
 */
import { useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type DataGroup, type DataItem, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { itemIdsOf, type DateRange, type TimelineGroup, type TimelineItem } from './toTimelineItems';
import { compareCodePoints } from '../filter/filterEvents';
import { windowOf } from './timelineWindow';
import { BAND_CLASS, fitWindow, itemsInWindow, sortedFor, WINDOW_MARGIN, type SortedItems, type Unloaded } from './itemsInWindow';
import { redrawOnResize } from './redrawOnResize';
import { afterNextPaint } from '../shell/afterNextPaint';

/** The toolbar's moves; each returns false (and does nothing) while vis-timeline is not built yet. */
export type TimelineHandle = {
  fit: () => boolean;
  zoom: (direction: 1 | -1) => boolean;
  pan: (direction: 1 | -1) => boolean;
};

export type TimelineViewProps = {
  items: readonly TimelineItem[];
  /** While a sharded timeline's events load: its overview, drawn where the items are not all in, and the shards still coming. */
  loading: Unloaded | null;
  groups: readonly TimelineGroup[] | null;
  selectedEventId: string | null;
  window: DateRange | null;
  compact: boolean;
  onSelect: (eventId: string | null) => void;
  onWindowChange: (window: DateRange) => void;
  ref?: Ref<TimelineHandle>;
};

const DAY = 24 * 60 * 60 * 1000;

/** vis-timeline lays out every item it holds on each redraw; more than this many become count bands. */
export const ITEM_CAP = 300;

/** Exact days stack on top, then exact spans, then vague bands, so long bands never bury days. */
function stackRank(item: DataItem): number {
  if (item.type === 'point') return 0;
  return item.className?.includes('is-vague') ? 2 : 1;
}

function stackOrder(a: DataItem, b: DataItem): number {
  return stackRank(a) - stackRank(b) || compareCodePoints(String(a.start), String(b.start));
}

const OPTIONS: TimelineOptions = {
  height: '100%',
  stack: true,
  selectable: true,
  multiselect: false,
  showCurrentTime: false,
  zoomMin: DAY / 4,
  zoomMax: 40 * 365 * DAY,
  orientation: { axis: 'top', item: 'top' },
  margin: { item: { horizontal: 6, vertical: 6 }, axis: 6 },
  verticalScroll: true,
  // Off: redrawOnResize redraws on real size changes instead of polling every second.
  autoResize: false,
  // Given `start` and `end`, vis-timeline keeps its root hidden after the first draw until a
  // later redraw follows a range change, which only its one-second resize poll brought
  // (visjs/vis-timeline#1340). A rolling mode that does not follow the clock skips that
  // wait (the workaround in visjs/vis-timeline#876) and changes nothing else here.
  rollingMode: { follow: false },
  groupOrder: 'order',
  order: stackOrder,
  // xss stays at its default (enabled): content is escaped text, filtered once more.
};

/** The phone strip has no room for the year row; the minor labels still name months or days. */
function compactOptions(compact: boolean): TimelineOptions {
  return {
    showMajorLabels: !compact,
    margin: { item: { horizontal: compact ? 2 : 6, vertical: compact ? 3 : 6 }, axis: 4 },
  };
}

function sameWindow(a: DateRange | null, b: DateRange | null): boolean {
  return a !== null && b !== null && a.start === b.start && a.end === b.end;
}

/** vis-timeline, driven by plain props. */
export function TimelineView({
  items,
  loading,
  groups,
  selectedEventId,
  window,
  compact,
  onSelect,
  onWindowChange,
  ref,
}: TimelineViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const dataset = useRef<DataSet<DataItem> | null>(null);
  const sorted = useMemo(() => sortedFor(items, loading), [items, loading]);
  const latest = useRef({ items, sorted, loading, groups, window, compact, selectedEventId, onSelect, onWindowChange });
  const reported = useRef<DateRange | null>(null);
  /** What the instance was last given, so an effect does not hand it the same again (each hand-over is a redraw). */
  const given = useRef<{ sorted: SortedItems; groups: readonly TimelineGroup[] | null; compact: boolean } | null>(null);

  useEffect(() => {
    latest.current = { items, sorted, loading, groups, window, compact, selectedEventId, onSelect, onWindowChange };
  });

  /** The items the DataSet holds, by id: the very objects `itemsInWindow` gave (the DataSet has copies). */
  const held = useRef(new Map<string, TimelineItem>());

  /**
   * Puts into the DataSet exactly what `itemsInWindow` gives for the current window. An id
   * given the very same item object again is left alone (items are built once per event,
   * so a filter change keeps what stays drawn); a changed one (a new count, another lane)
   * is replaced, and the rest are removed or added.
   */
  const sync = useRef((source: SortedItems) => {
    const data = dataset.current;
    const instance = timeline.current;
    if (!data || !instance) return;
    const { start, end } = instance.getWindow();
    const content = itemsInWindow(source, windowOf(start, end), WINDOW_MARGIN, ITEM_CAP);
    const next = new Map(content.items.map((item) => [item.id, item]));
    const stale = [...held.current].filter(([id, item]) => next.get(id) !== item).map(([id]) => id);
    if (stale.length > 0) {
      data.remove(stale);
      for (const id of stale) held.current.delete(id);
    }
    const fresh = content.items.filter((item) => !held.current.has(item.id));
    if (fresh.length > 0) {
      data.add(fresh.map((item) => ({ ...item })));
      for (const item of fresh) held.current.set(item.id, item);
    }
    instance.setSelection(itemIdsOf(content.items, latest.current.selectedEventId));
  });

  /** Selects the selected event's items, first moving the window to the event if it is out of view. */
  const showSelection = useRef(() => {
    const instance = timeline.current;
    if (!instance) return;
    const { items, selectedEventId } = latest.current;
    const ids = itemIdsOf(items, selectedEventId);
    const first = items.find((item) => item.id === ids[0]);
    const { start, end } = instance.getWindow();
    if (first) {
      const itemStart = new Date(`${first.start}T00:00`);
      const itemEnd = first.end ? new Date(`${first.end}T00:00`) : itemStart;
      // Moving fires rangechanged, whose sync draws the item and selects it.
      if (itemEnd < start || itemStart > end) instance.moveTo(first.start, { animation: false });
    }
    instance.setSelection(ids.filter((id) => dataset.current?.get(id)));
  });

  /**
   * Builds the instance in `element` from the latest props and fills it after the next paint;
   * returns what tears it down. The work comes in three tasks, each a fraction of the ~150 ms
   * (here; four times that on a phone) that one task of all of it held the page for: the
   * constructor, given the window, groups and options (set one by one afterwards, each would
   * draw again) but no items, only builds; vis-timeline draws the empty axis in the next
   * animation frame; the items follow after that frame is painted, and vis-timeline draws
   * and measures each added item on its own.
   */
  const build = useRef((element: HTMLElement) => {
    const initial = latest.current;
    const data = new DataSet<DataItem>();
    held.current = new Map();
    const options: TimelineOptions = {
      ...OPTIONS,
      ...compactOptions(initial.compact),
      ...(initial.window ? { start: initial.window.start, end: initial.window.end } : {}),
    };
    // vis-timeline's types demand items, but its constructor takes none (`if (items) setItems`);
    // given even an empty DataSet, it draws three times over before it returns.
    const noItems = undefined as unknown as DataSet<DataItem>;
    const instance = initial.groups
      ? new Timeline(element, noItems, new DataSet<DataGroup>(initial.groups.map((group) => ({ ...group }))), options)
      : new Timeline(element, noItems, options);
    timeline.current = instance;
    dataset.current = data;
    given.current = { sorted: initial.sorted, groups: initial.groups, compact: initial.compact };
    reported.current = initial.window;
    const cancelFill = afterNextPaint(() => {
      instance.setItems(data);
      sync.current(latest.current.sorted);
      showSelection.current();
    });
    const stopResizing = redrawOnResize(element, () => instance.redraw());
    instance.on('select', (properties: { items: (string | number)[] }) => {
      const first = properties.items[0];
      const band = first === undefined ? null : data.get(first);
      if (band && band.className === BAND_CLASS && band.end !== undefined) {
        // A count band stands for many events: choosing it zooms in on them.
        instance.setSelection([]);
        instance.setWindow(band.start, band.end, { animation: false });
        return;
      }
      const item = latest.current.items.find((candidate) => candidate.id === first);
      latest.current.onSelect(item ? item.eventId : null);
    });
    // vis-timeline reports a settled window only 200 ms after a wheel zoom or drag stops; the
    // items for the new window are swapped in on the next frame of the move itself.
    let frame = 0;
    instance.on('rangechange', () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        sync.current(latest.current.sorted);
      });
    });
    instance.on('rangechanged', (properties: { start: Date; end: Date; byUser: boolean }) => {
      sync.current(latest.current.sorted);
      const next = windowOf(properties.start, properties.end);
      // The echo of a window set from props is not news; reporting it would write the
      // initial window into the URL before the reader has moved anything.
      if (sameWindow(next, reported.current)) return;
      reported.current = next;
      latest.current.onWindowChange(next);
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelFill();
      stopResizing();
      instance.destroy();
      timeline.current = null;
      dataset.current = null;
      held.current = new Map();
      given.current = null;
      // A remount (React StrictMode) gets a fresh instance that must be given the window again.
      reported.current = null;
    };
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // Built once the frame that mounted the container is on screen, in a task of its own: the
    // list and details React committed with it paint first, and the first of the layouts
    // vis-timeline forces (it reads sizes between writes, ~30 times while it draws) no longer
    // lays out everything React has just committed as well.
    let teardown: (() => void) | null = null;
    const cancel = afterNextPaint(() => {
      teardown = build.current(element);
    });
    return () => {
      cancel();
      teardown?.();
    };
  }, []);

  useEffect(() => {
    const data = dataset.current;
    const instance = timeline.current;
    if (!data || !instance) return;
    const before = given.current;
    if (!before || (before.sorted === sorted && before.groups === groups)) return;
    if (before.groups !== groups)
      instance.setGroups(groups ? new DataSet<DataGroup>(groups.map((group) => ({ ...group }))) : undefined);
    given.current = { ...before, sorted, groups };
    sync.current(sorted);
  }, [sorted, groups]);

  useEffect(() => showSelection.current(), [items, selectedEventId]);

  useEffect(() => {
    const instance = timeline.current;
    if (!instance || window === null || sameWindow(window, reported.current)) return;
    reported.current = window;
    instance.setWindow(window.start, window.end, { animation: false });
    sync.current(latest.current.sorted);
  }, [window]);

  useEffect(() => {
    const before = given.current;
    if (!timeline.current || !before || before.compact === compact) return;
    given.current = { ...before, compact };
    timeline.current.setOptions(compactOptions(compact));
  }, [compact]);

  useImperativeHandle(
    ref,
    () => ({
      fit: () => {
        const instance = timeline.current;
        if (!instance) return false;
        const fitted = fitWindow(latest.current.sorted, latest.current.loading);
        if (fitted) instance.setWindow(fitted.start, fitted.end, { animation: false });
        return true;
      },
      zoom: (direction) => {
        const instance = timeline.current;
        if (!instance) return false;
        if (direction > 0) instance.zoomIn(0.5);
        else instance.zoomOut(0.5);
        return true;
      },
      pan: (direction) => {
        const instance = timeline.current;
        if (!instance) return false;
        const { start, end } = instance.getWindow();
        const shift = ((end.getTime() - start.getTime()) / 3) * direction;
        instance.setWindow(start.getTime() + shift, end.getTime() + shift, { animation: false });
        return true;
      },
    }),
    [],
  );

  return <div ref={container} className="timeline-canvas" data-testid="timeline-canvas" />;
}
