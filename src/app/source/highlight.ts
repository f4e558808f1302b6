/**
 * Splits an article's cleaned text into paragraphs of plain and marked segments for
 * the source reader. Every event passage in the article is a mark; where passages
 * overlap, the active one (the passage the reader opened) wins whole and the others
 * keep what is left. Offsets are JavaScript string indices, as in the data contract.
 */
import type { ArticleText, TimelineEvent } from '../../model/schema';

export type Mark = { start: number; end: number; eventId: string; sourceIndex: number; active: boolean };

export type Segment = { text: string; mark?: Mark };

export type HighlightedParagraph = { start: number; segments: Segment[] };

/** The marks for every passage of `events` in `articleId`; `active` names the one opened. */
export function marksForArticle(
  events: readonly TimelineEvent[],
  articleId: string,
  active: { eventId: string; sourceIndex: number } | null,
): Mark[] {
  return events.flatMap((event) =>
    event.sources.flatMap((source, sourceIndex) =>
      source.article === articleId
        ? [
            {
              start: source.start,
              end: source.end,
              eventId: event.id,
              sourceIndex,
              active: active !== null && active.eventId === event.id && active.sourceIndex === sourceIndex,
            },
          ]
        : [],
    ),
  );
}

/** Paragraphs of `article` with `marks` laid over them; text outside paragraphs is left out. */
export function highlight(article: ArticleText, marks: readonly Mark[]): HighlightedParagraph[] {
  const { text } = article;
  // One owner per character: later marks overwrite earlier ones, and the active mark goes last.
  const owner = new Array<Mark | undefined>(text.length).fill(undefined);
  const ordered = [...marks].sort((a, b) => Number(a.active) - Number(b.active) || b.end - b.start - (a.end - a.start));
  for (const mark of ordered) {
    for (let i = Math.max(0, mark.start); i < Math.min(text.length, mark.end); i++) owner[i] = mark;
  }
  const spans: [number, number][] = article.paragraphs.length > 0 ? article.paragraphs : [[0, text.length]];
  return spans
    .filter(([start, end]) => end > start)
    .map(([start, end]) => {
      const segments: Segment[] = [];
      let runStart = start;
      for (let i = start + 1; i <= end; i++) {
        if (i < end && owner[i] === owner[runStart]) continue;
        const mark = owner[runStart];
        segments.push(mark ? { text: text.slice(runStart, i), mark } : { text: text.slice(runStart, i) });
        runStart = i;
      }
      return { start, segments };
    });
}
