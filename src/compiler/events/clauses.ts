/**
 * Clause boundaries inside one sentence. A sentence is cut at commas, semicolons,
 * colons and dashes, and before subordinating words ("that", "while", "following"…),
 * never inside parentheses or inside a time expression. Segments are offsets into the
 * cleaned text, so a clause found here can be quoted verbatim.
 */
import type { Span } from '../../model/quote';

/** A piece of a sentence between two clause boundaries. */
export type Segment = Span & { text: string };

// Words that open a subordinate clause or phrase: the date in "…, disclosing X during
// a parade last month" belongs to that phrase, not to the main verb before it.
const SUBORDINATORS =
  /\b(?:that|which|who|whom|whose|while|whereas|although|though|because|after|before|following|since|when|until|(?<!such\s)(?<!well\s)as(?!\s+well)|amid|saying|according to|in what|so that)\b/gi;

// A comma inside a number ("200,000") is no boundary; a spaced dash or "--" is.
const PUNCTUATION = /\s*(?:[,;:](?!\d)|\s(?:--|[—–-])\s|—)\s*/g;

function insideAny(position: number, spans: readonly Span[]): boolean {
  return spans.some((span) => position > span.start && position < span.end);
}

function parenthesesOf(text: string, sentence: Span): Span[] {
  const spans: Span[] = [];
  const pattern = /\([^()]*\)|\[[^[\]]*\]|"[^"]*"|“[^”]*”/g;
  const slice = text.slice(sentence.start, sentence.end);
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice))
    spans.push({ start: sentence.start + match.index, end: sentence.start + match.index + match[0].length });
  return spans;
}

/** Splits a sentence into clause segments; `protect` spans (time expressions) are never cut. */
export function segmentClauses(text: string, sentence: Span, protect: readonly Span[] = []): Segment[] {
  const slice = text.slice(sentence.start, sentence.end);
  const guarded = [...protect, ...parenthesesOf(text, sentence)];
  const cuts = new Set<number>();
  const ends = new Map<number, number>();
  for (let match = PUNCTUATION.exec(slice); match; match = PUNCTUATION.exec(slice)) {
    const at = sentence.start + match.index;
    if (insideAny(at, guarded)) continue;
    cuts.add(at);
    ends.set(at, at + match[0].length);
  }
  for (let match = SUBORDINATORS.exec(slice); match; match = SUBORDINATORS.exec(slice)) {
    const at = sentence.start + match.index;
    if (match.index === 0 || insideAny(at, guarded) || protect.some((span) => at === span.start)) continue;
    cuts.add(at);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let start = sentence.start;
  for (const point of points) {
    if (point > start) segments.push(makeSegment(text, start, point));
    start = Math.max(start, ends.get(point) ?? point);
  }
  if (sentence.end > start) segments.push(makeSegment(text, start, sentence.end));
  return segments.filter((segment) => segment.text.length > 0);
}

function makeSegment(text: string, start: number, end: number): Segment {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s,;:.!?—–]/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e, text: text.slice(s, e) };
}

/** Index of the segment that contains `position`, or -1. */
export function segmentAt(segments: readonly Segment[], position: number): number {
  return segments.findIndex((segment) => position >= segment.start && position < segment.end);
}
