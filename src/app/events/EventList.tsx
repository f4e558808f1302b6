/**
 * The "Events" list: the filtered events in chronological order, the accessible and
 * mobile view of the timeline. One button per event with a roving tab stop: Up/Down,
 * Home/End move between events, Enter or Space selects (opens the details).
 *
 * Short lists render every row. Long ones are virtualised (@tanstack/react-virtual):
 * only the rows in view, plus a few on each side, are in the DOM, each row says its
 * place in the whole list (aria-posinset / aria-setsize), and the keys and the
 * selection scroll the list so the row they reach exists before it takes focus.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { Actor, TimelineEvent } from '../../model/schema';
import { formatWhen, vaguenessOf } from '../format/formatWhen';

export type EventListProps = {
  events: readonly TimelineEvent[];
  actors: ReadonlyMap<string, Actor>;
  selectedId: string | null;
  onSelect: (eventId: string) => void;
};

/** Lists longer than this are virtualised; shorter ones keep every row in the DOM. */
export const VIRTUALISE_ABOVE = 300;
/** A row's height before it is measured (date, one-line title, status line). */
const ROW_ESTIMATE_PX = 78;
/** Rows kept rendered beyond each edge of the visible part of the list. */
const OVERSCAN_ROWS = 10;

const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (i, last) => Math.min(i + 1, last),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, last) => last,
};

/**
 * Chronological list of events, in step with the timeline's selection. Memoised: a pan or
 * zoom changes the URL's window, which must not re-render the list.
 */
export const EventList = memo(function EventList(props: EventListProps) {
  return props.events.length > VIRTUALISE_ABOVE ? <VirtualEventList {...props} /> : <FullEventList {...props} />;
});

function FullEventList({ events, actors, selectedId, onSelect }: EventListProps) {
  const list = useRef<HTMLOListElement>(null);
  const selectedIndex = events.findIndex((event) => event.id === selectedId);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;

  useEffect(() => {
    // Keep the selection made elsewhere (timeline, source reader, URL) in sight.
    const button = list.current?.querySelector<HTMLButtonElement>('button[aria-current="true"]');
    button?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const from = focusedRowIndex(list.current);
    const move = MOVES[event.key];
    if (!move || from === null) return;
    event.preventDefault();
    rowButton(list.current, move(from, events.length - 1))?.focus();
  };

  return (
    <div className="event-scroller">
      {/* The list takes arrow keys for the buttons inside it; it is not itself interactive. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <ol ref={list} className="event-list" aria-label="Events" onKeyDown={onKeyDown}>
        {events.map((event, index) => (
          <EventRow
            key={event.id}
            event={event}
            index={index}
            actors={actors}
            selected={event.id === selectedId}
            tabbable={index === tabStop}
            onSelect={onSelect}
          />
        ))}
      </ol>
    </div>
  );
}

function VirtualEventList({ events, actors, selectedId, onSelect }: EventListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  /** A row that should take focus as soon as it is rendered (after a key scrolled to it). */
  const pendingFocus = useRef<number | null>(null);
  const selectedIndex = events.findIndex((event) => event.id === selectedId);
  // The virtualizer is a mutable object; nothing here is memoised on it except the rows,
  // which take only its stable measureElement, so the React Compiler's warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => events[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  // The tab stop stays on the selected row while it is rendered, else on the first row in view.
  const rendered = new Set(rows.map((row) => row.index));
  const tabStop = rendered.has(selectedIndex) ? selectedIndex : (rows[0]?.index ?? -1);

  useEffect(() => {
    // Keep the selection made elsewhere (timeline, source reader, URL) in sight. On the first
    // render the virtualizer has not measured its scroll box yet, so wait a frame for it.
    if (selectedIndex < 0) return;
    const frame = requestAnimationFrame(() => virtualizer.scrollToIndex(selectedIndex, { align: 'auto' }));
    return () => cancelAnimationFrame(frame);
    // Only a new selection scrolls; re-renders while the reader scrolls must not pull back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const button = rowButton(list.current, pendingFocus.current);
    if (!button) return;
    pendingFocus.current = null;
    button.focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const from = focusedRowIndex(list.current);
    const move = MOVES[event.key];
    if (!move || from === null) return;
    event.preventDefault();
    const to = move(from, events.length - 1);
    const button = rowButton(list.current, to);
    if (button) {
      button.focus();
      button.scrollIntoView?.({ block: 'nearest' });
    } else {
      pendingFocus.current = to;
      virtualizer.scrollToIndex(to, { align: to > from ? 'end' : 'start' });
    }
  };

  const first = rows[0];
  const last = rows[rows.length - 1];
  // Padding stands in for the rows not rendered, so the list stays an <ol> of <li>s. It sits on
  // the list inside the scroll box: padding on the scroll box itself would set its least height.
  // Before the first measurement no row is rendered, and the padding alone gives the list its height.
  const paddingTop = first?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (last?.end ?? 0);

  return (
    <div ref={scroller} className="event-scroller is-virtual">
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <ol ref={list} className="event-list" aria-label="Events" onKeyDown={onKeyDown} style={{ paddingTop, paddingBottom }}>
        {rows.map((row) => {
          const event = events[row.index];
          if (!event) return null;
          return (
            <EventRow
              key={row.key}
              event={event}
              index={row.index}
              setSize={events.length}
              actors={actors}
              selected={event.id === selectedId}
              tabbable={row.index === tabStop}
              onSelect={onSelect}
              measure={virtualizer.measureElement}
            />
          );
        })}
      </ol>
    </div>
  );
}

type EventRowProps = {
  event: TimelineEvent;
  index: number;
  /** The length of the whole list, when only part of it is rendered. */
  setSize?: number;
  actors: ReadonlyMap<string, Actor>;
  selected: boolean;
  tabbable: boolean;
  onSelect: (eventId: string) => void;
  measure?: (element: HTMLLIElement | null) => void;
};

const EventRow = memo(function EventRow({ event, index, setSize, actors, selected, tabbable, onSelect, measure }: EventRowProps) {
  const vague = vaguenessOf(event.when);
  const names = event.actors.map((id) => actors.get(id)?.name ?? id);
  return (
    <li
      ref={measure}
      data-index={index}
      className={selected ? 'is-selected' : undefined}
      aria-setsize={setSize}
      aria-posinset={setSize === undefined ? undefined : index + 1}
    >
      <button
        type="button"
        className="event-button"
        tabIndex={tabbable ? 0 : -1}
        aria-current={selected ? 'true' : undefined}
        data-event-id={event.id}
        data-row={index}
        onClick={() => onSelect(event.id)}
      >
        <span className={`event-date${vague.vague ? ' is-vague' : ''}`}>
          {formatWhen(event.when)}
          {vague.vague && <span className="visually-hidden"> (not an exact day: {vague.reasons.join(', ')})</span>}
        </span>
        <span className="event-title">{event.title}</span>
        <span className="event-meta">
          <span className={`status status-${event.status}`}>{event.status}</span>
          {names.length > 0 && <span className="event-actors">{names.join(', ')}</span>}
        </span>
      </button>
    </li>
  );
});

/** The list position of the event button of `list` that has focus, if one has. */
function focusedRowIndex(list: HTMLOListElement | null): number | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLButtonElement) || !active.classList.contains('event-button') || !list?.contains(active)) {
    return null;
  }
  const row = Number(active.dataset.row);
  return Number.isInteger(row) ? row : null;
}

function rowButton(list: HTMLOListElement | null, index: number): HTMLButtonElement | null {
  return list?.querySelector<HTMLButtonElement>(`button.event-button[data-row="${index}"]`) ?? null;
}
