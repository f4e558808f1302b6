/**
 * Test helpers for the time stage: resolve one string as a single sentence (or as the
 * segmenter splits it) against a publication date, and pick the fields tables compare.
 */
import type { Segmentation } from '../../../src/compiler/segment';
import { resolveTimes, type TimeExpression } from '../../../src/compiler/time/resolveTimes';

/** One sentence spanning the whole string. */
export function oneSentence(text: string): Segmentation {
  return { paragraphs: [{ start: 0, end: text.length }], sentences: [{ start: 0, end: text.length, paragraph: 0 }] };
}

/** Sentences given as separate strings, joined by a space, each its own sentence. */
export function sentences(parts: string[]): { text: string; segmentation: Segmentation } {
  const spans: Segmentation['sentences'] = [];
  let text = '';
  for (const part of parts) {
    if (text) text += ' ';
    spans.push({ start: text.length, end: text.length + part.length, paragraph: 0 });
    text += part;
  }
  return { text, segmentation: { paragraphs: [{ start: 0, end: text.length }], sentences: spans } };
}

/** Every expression in `text` (one sentence) published on `date`. */
export function timesIn(text: string, date: string): TimeExpression[] {
  return resolveTimes(text, oneSentence(text), { date, published: date });
}

/** [dateText, edtf] pairs, the shape most tables compare. */
export function pairs(found: TimeExpression[]): [string, string][] {
  return found.map((time) => [time.text, time.edtf]);
}
