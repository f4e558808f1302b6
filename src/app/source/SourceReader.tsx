/**
 * The "Source" region: loads an article's cleaned text on demand and shows it with the
 * opened passage in a `<mark>` scrolled into view. Other event passages in the article
 * are marked too, as links that select their event. A passage that no longer matches
 * the text (stale data) is reported rather than silently mis-highlighted.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { quoteProblem } from '../../model/quote';
import type { ArticleSummary, Source, TimelineEvent } from '../../model/schema';
import { useDataFile } from '../data/useDataFile';
import { formatPublished } from '../format/formatWhen';
import { useReturnFocus } from '../shell/focus';
import { highlight, marksForArticle, type Mark } from './highlight';

export type SourceReaderProps = {
  article: ArticleSummary;
  source: Source;
  eventId: string;
  sourceIndex: number;
  events: readonly TimelineEvent[];
  eventTitles: ReadonlyMap<string, string>;
  hrefFor: (eventId: string, sourceIndex: number) => string;
  onSelectPassage: (eventId: string, sourceIndex: number) => void;
  onClose: () => void;
};

/** The article text with its event passages marked. */
export function SourceReader(props: SourceReaderProps) {
  const { article, source, eventId, sourceIndex, events, onClose } = props;
  const file = useDataFile('article', article.text);
  const active = useRef<HTMLElement>(null);
  const region = useRef<HTMLElement>(null);
  useReturnFocus(region, null, '#details-heading');
  const text = file.status === 'ready' ? file.value : null;
  const paragraphs = useMemo(
    () => (text ? highlight(text, marksForArticle(events, article.id, { eventId, sourceIndex })) : []),
    [text, events, article.id, eventId, sourceIndex],
  );
  const problem = text ? quoteProblem(text.text, source) : undefined;

  useEffect(() => {
    // On a wide screen only the reading column scrolls; elsewhere the page does.
    active.current?.scrollIntoView?.({ block: 'center' });
  }, [paragraphs]);

  return (
    <section ref={region} className="region source" aria-labelledby="source-heading">
      <div className="details-head">
        <h2 id="source-heading">Source</h2>
        <button type="button" onClick={onClose} aria-label="Close source">
          ×
        </button>
      </div>
      <p className="source-title">
        {article.url ? (
          <a href={article.url} target="_blank" rel="noreferrer noopener">
            {article.title}
          </a>
        ) : (
          article.title
        )}
      </p>
      <p className="source-meta">
        {[article.publisher, article.wire, formatPublished(article.published)].filter(Boolean).join(' · ')}
      </p>
      {file.status === 'loading' && <p role="status">Loading the article…</p>}
      {file.status === 'error' && (
        <div role="alert" className="load-error">
          <p>The article text could not be loaded.</p>
          <pre>{file.error}</pre>
          <button type="button" onClick={file.retry}>
            Try again
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" className="load-error">
          {article.text}: the passage is not where the timeline says ({problem}); the data may be out of date.
        </p>
      )}
      <div className="article-text">
        {paragraphs.map((paragraph) => (
          <p key={paragraph.start}>
            {paragraph.segments.map((segment, index) =>
              segment.mark ? (
                <Marked key={index} text={segment.text} mark={segment.mark} activeRef={active} {...props} />
              ) : (
                segment.text
              ),
            )}
          </p>
        ))}
      </div>
    </section>
  );
}

type MarkedProps = SourceReaderProps & { text: string; mark: Mark; activeRef: RefObject<HTMLElement | null> };

function Marked({ text, mark, activeRef, eventTitles, hrefFor, onSelectPassage }: MarkedProps) {
  if (mark.active) {
    return (
      <mark ref={activeRef} className="is-active" aria-current="true">
        {text}
      </mark>
    );
  }
  return (
    <mark className="is-other">
      <a
        href={hrefFor(mark.eventId, mark.sourceIndex)}
        title={eventTitles.get(mark.eventId)}
        onClick={(event) => {
          event.preventDefault();
          onSelectPassage(mark.eventId, mark.sourceIndex);
        }}
      >
        {text}
      </a>
    </mark>
  );
}
