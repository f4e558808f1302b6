/**
 * Test builders for the events and merge stages: an article built from sentences (so
 * the segmentation is known without the segment stage) and time expressions placed
 * by their words (so no test depends on the time stage).
 */
import type { Segmentation } from '../../../src/compiler/segment';
import type { Reference, TimeExpression, TimeKind } from '../../../src/compiler/time/resolveTimes';

export type BuiltArticle = { text: string; segmentation: Segmentation };

/** Joins paragraphs (arrays of sentences) into text, one paragraph per line. */
export function makeArticle(paragraphs: readonly (readonly string[])[]): BuiltArticle {
  const segmentation: Segmentation = { paragraphs: [], sentences: [] };
  let text = '';
  paragraphs.forEach((sentences, paragraph) => {
    if (paragraph > 0) text += '\n';
    const start = text.length;
    sentences.forEach((sentence, i) => {
      if (i > 0) text += ' ';
      segmentation.sentences.push({ start: text.length, end: text.length + sentence.length, paragraph });
      text += sentence;
    });
    segmentation.paragraphs.push({ start, end: text.length });
  });
  return { text, segmentation };
}

/** A time expression for the `occurrence`-th appearance of `words` in the article. */
export function makeTime(
  article: BuiltArticle,
  words: string,
  edtf: string,
  overrides: Partial<TimeExpression> & { kind?: TimeKind; occurrence?: number } = {},
): TimeExpression {
  let start = -1;
  for (let n = 0; n <= (overrides.occurrence ?? 0); n++) start = article.text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`makeTime: expected ${JSON.stringify(words)} in the article, got no match`);
  const sentence = article.segmentation.sentences.findIndex((s) => start >= s.start && start < s.end);
  const { occurrence: _occurrence, ...rest } = overrides;
  return {
    start,
    end: start + words.length,
    sentence,
    text: words,
    edtf,
    rule: `test rule for ${words}`,
    kind: 'absolute',
    ...rest,
  };
}

/** A reference for a publication date. */
export function makeReference(date: string): Reference {
  return { date, published: date };
}
