/**
 * Stage `segment`: cleaned text → paragraphs and sentences as offsets into that text.
 * Paragraphs are runs of non-blank lines; sentences are found within paragraphs.
 */
import type { Span } from '../model/quote';

export type Sentence = Span & { paragraph: number };

export type Segmentation = { paragraphs: Span[]; sentences: Sentence[] };

/** Splits cleaned text into paragraphs (one per non-empty line) and sentences. */
export function segmentText(text: string): Segmentation {
  const paragraphs: Span[] = [];
  const line = /[^\n]+/g;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    const start = match.index + (match[0].length - match[0].trimStart().length);
    const end = match.index + match[0].trimEnd().length;
    if (end > start) paragraphs.push({ start, end });
  }
  const sentences = paragraphs.map((span, paragraph) => ({ ...span, paragraph }));
  return { paragraphs, sentences };
}
