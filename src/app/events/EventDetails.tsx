/**
 * The "Event details" region: title, the date as resolved and as written (with the
 * rule that resolved it), status, actors (each a one-click filter), place, every
 * source passage with its article, publisher and date, and conflicting readings.
 */
import { useRef } from 'react';
import type { Actor, ArticleSummary, TimelineEvent } from '../../model/schema';
import { formatPublished, formatWhen, vaguenessOf } from '../format/formatWhen';
import { useReturnFocus } from '../shell/focus';

export type EventDetailsProps = {
  event: TimelineEvent | null;
  actors: ReadonlyMap<string, Actor>;
  articles: ReadonlyMap<string, ArticleSummary>;
  openSource: number | null;
  onFilterActor: (actorId: string) => void;
  onOpenSource: (sourceIndex: number) => void;
  onClose: () => void;
};

const STATUS_WORDS: Record<TimelineEvent['status'], string> = {
  occurred: 'Occurred',
  scheduled: 'Scheduled',
  goal: 'Goal',
};

function articleLine(article: ArticleSummary | undefined, id: string): string {
  if (!article) return id;
  return [article.publisher ?? article.wire, formatPublished(article.published)].filter(Boolean).join(' · ');
}

/** Everything known about the selected event. */
export function EventDetails({ event, actors, articles, openSource, onFilterActor, onOpenSource, onClose }: EventDetailsProps) {
  const region = useRef<HTMLElement>(null);
  // Closing the details (Escape, ×) returns focus to the event in the list.
  useReturnFocus(region, event?.id, event ? `button[data-event-id="${event.id}"]` : 'body');
  if (!event) {
    return (
      <section ref={region} className="region details" aria-label="Event details">
        <p className="muted">Select an event on the timeline or in the list to see its details and sources.</p>
      </section>
    );
  }
  const vague = vaguenessOf(event.when);
  return (
    <section ref={region} className="region details" aria-label="Event details">
      <div className="details-head">
        <h2 id="details-heading" tabIndex={-1}>
          {event.title}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close event details">
          ×
        </button>
      </div>
      <dl className="facts">
        <dt>Date</dt>
        <dd>
          {formatWhen(event.when)} <code className="edtf">{event.when.edtf}</code>
          {vague.vague && <span className="vague-note"> — not an exact day ({vague.reasons.join(', ')})</span>}
        </dd>
        <dt>Status</dt>
        <dd>
          <span className={`status status-${event.status}`}>{STATUS_WORDS[event.status]}</span>
        </dd>
        {event.place && (
          <>
            <dt>Place</dt>
            <dd>{event.place}</dd>
          </>
        )}
        {event.actors.length > 0 && (
          <>
            <dt>Actors</dt>
            <dd>
              <ul className="chips">
                {event.actors.map((id) => (
                  <li key={id}>
                    <button type="button" className="chip" onClick={() => onFilterActor(id)}>
                      {actors.get(id)?.name ?? id}
                      <span className="visually-hidden"> (show only this actor’s events)</span>
                    </button>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <h3>Sources</h3>
      <ol className="sources">
        {event.sources.map((source, index) => {
          const article = articles.get(source.article);
          return (
            <li key={`${source.article}:${source.start}`} className={openSource === index ? 'is-open' : undefined}>
              <blockquote>{source.quote}</blockquote>
              <p className="source-meta">
                <cite>{article?.title ?? source.article}</cite> — {articleLine(article, source.article)}
              </p>
              {(source.dateRule ?? source.dateText) && (
                <p className="date-written">Date as written: {source.dateRule ?? `“${source.dateText ?? ''}”`}</p>
              )}
              <button type="button" onClick={() => onOpenSource(index)} aria-pressed={openSource === index}>
                Read in source<span className="visually-hidden">: {article?.title ?? source.article}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {event.conflicts && event.conflicts.length > 0 && (
        <>
          <h3>Conflicting dates</h3>
          <ul className="conflicts">
            {event.conflicts.map((conflict, index) => (
              <li key={`${conflict.article}:${index}`}>
                {formatWhen(conflict.when)} according to <cite>{articles.get(conflict.article)?.title ?? conflict.article}</cite>
                {conflict.dateText && <> (“{conflict.dateText}”)</>}
                {conflict.dateRule && <> — {conflict.dateRule}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
