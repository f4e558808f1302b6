/**
 * The "Events" list: the filtered events in chronological order, the accessible and
 * mobile view of the timeline. One button per event with a roving tab stop: Up/Down,
 * Home/End move between events, Enter or Space selects (opens the details).
 */
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import type { Actor, TimelineEvent } from '../../model/schema';
import { formatWhen, vaguenessOf } from '../format/formatWhen';

export type EventListProps = {
  events: readonly TimelineEvent[];
  actors: ReadonlyMap<string, Actor>;
  selectedId: string | null;
  onSelect: (eventId: string) => void;
};

const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (i, last) => Math.min(i + 1, last),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, last) => last,
};

/**
 * Chronological list of events, in step with the timeline's selection. Memoised: a pan or
 * zoom changes the URL's window, which must not re-render thousands of rows.
 */
export const EventList = memo(function EventList({ events, actors, selectedId, onSelect }: EventListProps) {
  const list = useRef<HTMLOListElement>(null);
  const selectedIndex = events.findIndex((event) => event.id === selectedId);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;

  useEffect(() => {
    // Keep the selection made elsewhere (timeline, source reader, URL) in sight.
    const button = list.current?.querySelector<HTMLButtonElement>('button[aria-current="true"]');
    button?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const move = MOVES[event.key];
    const buttons = list.current ? [...list.current.querySelectorAll<HTMLButtonElement>('button.event-button')] : [];
    const index = buttons.findIndex((button) => button === document.activeElement);
    if (!move || index < 0) return;
    event.preventDefault();
    buttons[move(index, buttons.length - 1)]?.focus();
  };

  return (
    // The list takes arrow keys for the buttons inside it; it is not itself interactive.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <ol ref={list} className="event-list" aria-label="Events" onKeyDown={onKeyDown}>
      {events.map((event, index) => {
        const vague = vaguenessOf(event.when);
        const names = event.actors.map((id) => actors.get(id)?.name ?? id);
        const selected = event.id === selectedId;
        return (
          <li key={event.id} className={selected ? 'is-selected' : undefined}>
            <button
              type="button"
              className="event-button"
              tabIndex={index === tabStop ? 0 : -1}
              aria-current={selected ? 'true' : undefined}
              data-event-id={event.id}
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
      })}
    </ol>
  );
});
