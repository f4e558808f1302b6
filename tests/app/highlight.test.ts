import { describe, expect, it } from 'vitest';
import { highlight, marksForArticle, type Mark } from '../../src/app/source/highlight';
import { makeArticleText, makeEvent, sourceIn } from '../fixtures/timeline/builders';

const article = makeArticleText('a1', [
  'The council met on Monday.',
  'A storm closed the harbour on Friday, and the ferry stopped.',
  'Talks resume next week.',
]);

const mark = (quote: string, eventId: string, active = false, sourceIndex = 0): Mark => {
  const source = sourceIn(article, quote);
  return { start: source.start, end: source.end, eventId, sourceIndex, active };
};

const render = (marks: Mark[]) =>
  highlight(article, marks).map((paragraph) =>
    paragraph.segments
      .map((segment) =>
        segment.mark ? `[${segment.mark.eventId}${segment.mark.active ? '*' : ''}:${segment.text}]` : segment.text,
      )
      .join(''),
  );

describe('highlight', () => {
  it('returns the paragraphs as plain text without marks', () => {
    expect(render([])).toEqual([
      'The council met on Monday.',
      'A storm closed the harbour on Friday, and the ferry stopped.',
      'Talks resume next week.',
    ]);
  });

  it('marks the active passage and every other event passage', () => {
    expect(
      render([mark('A storm closed the harbour on Friday', 'storm', true), mark('Talks resume next week', 'talks')]),
    ).toEqual([
      'The council met on Monday.',
      '[storm*:A storm closed the harbour on Friday], and the ferry stopped.',
      '[talks:Talks resume next week].',
    ]);
  });

  it('keeps the active passage whole where passages overlap', () => {
    const active = mark('closed the harbour on Friday, and the ferry', 'ferry', true);
    const other = mark('A storm closed the harbour', 'storm');
    expect(render([active, other])).toEqual([
      'The council met on Monday.',
      '[storm:A storm ][ferry*:closed the harbour on Friday, and the ferry] stopped.',
      'Talks resume next week.',
    ]);
  });

  it('splits a passage that crosses paragraphs, leaving out the text between them', () => {
    const across = {
      start: article.text.indexOf('Monday'),
      end: article.text.indexOf(' closed'),
      eventId: 'x',
      sourceIndex: 0,
      active: true,
    };
    expect(render([across])).toEqual([
      'The council met on [x*:Monday.]',
      '[x*:A storm] closed the harbour on Friday, and the ferry stopped.',
      'Talks resume next week.',
    ]);
  });

  it('treats a text without paragraphs as one paragraph', () => {
    const result = highlight({ id: 'b', text: 'One line only.', paragraphs: [] }, []);
    expect(result).toEqual([{ start: 0, segments: [{ text: 'One line only.' }] }]);
  });
});

describe('marksForArticle', () => {
  it('lists the passages of every event in the article and flags the opened one', () => {
    const events = [
      makeEvent({ id: 'storm', sources: [sourceIn(article, 'A storm'), { article: 'a9', start: 0, end: 1, quote: 'x' }] }),
      makeEvent({ id: 'talks', sources: [sourceIn(article, 'Talks resume'), sourceIn(article, 'next week')] }),
    ];
    const marks = marksForArticle(events, 'a1', { eventId: 'talks', sourceIndex: 1 });
    expect(marks.map((m) => [m.eventId, m.sourceIndex, m.active])).toEqual([
      ['storm', 0, false],
      ['talks', 0, false],
      ['talks', 1, true],
    ]);
    expect(marksForArticle(events, 'a1', null).some((m) => m.active)).toBe(false);
  });
});
