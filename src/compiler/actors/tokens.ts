/**
 * Word tokens of cleaned text for the actors stage. Each token keeps its offsets into
 * the text (a possessive "'s" is outside them), whether it is capitalised, starts a
 * sentence or sits in a [bracketed] credit, and its name key. `nameKey` is the one
 * normalisation every name comparison uses: "Lee Jae-myung" and "Lee Jae Myung" agree.
 */
import type { Segmentation } from '../segment';

export type Token = {
  start: number;
  end: number;
  /** The words of the token, without a possessive "'s". */
  text: string;
  /** Lower-cased text, for word-list lookups. */
  lower: string;
  /** `nameKey` of the text, computed once. */
  key: string;
  possessive: boolean;
  capitalised: boolean;
  allCaps: boolean;
  sentenceStart: boolean;
  /** Inside square brackets, where photo credits such as "[YONHAP]" live. */
  bracketed: boolean;
};

/** Abbreviations whose final period belongs to the word rather than ending a sentence. */
const ABBREVIATIONS = new Set(
  `gen corp inc co ltd ltda jr sr dr mr mrs ms st mt lt col sgt gov sen rep prof capt maj adm no vs
   jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*\.?/gu;

/** The key names are compared by: case, accents, hyphens, periods and possessives ignored. */
export function nameKey(surface: string): string {
  // Most words are plain ASCII letters: skip the regular expressions for them.
  if (/^[A-Za-z]+$/.test(surface)) return surface.toLowerCase();
  return surface
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[’]/g, "'")
    .replace(/\./g, '')
    .replace(/[-‐‑–—_\s]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** A lookup of the span (from spans sorted by start, not overlapping) that contains an offset. */
export function spanLookup<S extends { start: number; end: number }>(spans: readonly S[]): (offset: number) => S | undefined {
  return (offset) => {
    let low = 0;
    let high = spans.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const span = spans[middle] as S;
      if (offset < span.start) high = middle - 1;
      else if (offset >= span.end) low = middle + 1;
      else return span;
    }
    return undefined;
  };
}

function bracketSpans(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(/\[[^\]\n]*\]/g)].map((match) => ({ start: match.index + 1, end: match.index + match[0].length - 1 }));
}

function sentenceStarts(text: string, segmentation: Segmentation): Set<number> {
  return new Set([...segmentation.sentences, ...segmentation.paragraphs].map((span) => span.start));
}

/** True when the text before `offset` ends a sentence or opens a quotation. */
function followsBoundary(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] === '\n') return true;
  const spaced = i < offset - 1;
  let mark = text[i] ?? '';
  // An opening quote, or a dash after a dateline ("SANTIAGO — Thousands of workers").
  if (/["“(]/.test(mark) || (spaced && /[—–]/.test(mark))) return true;
  if (/["”’)\]]/.test(mark)) mark = text[i - 1] ?? '';
  return spaced && /[.!?:]/.test(mark);
}

/** Splits cleaned text into word tokens with the flags the name rules need. */
export function tokenize(text: string, segmentation: Segmentation): Token[] {
  const starts = sentenceStarts(text, segmentation);
  const inBrackets = spanLookup(bracketSpans(text));
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let raw = match[0];
    if (raw.endsWith('.') && !raw.slice(0, -1).includes('.') && !ABBREVIATIONS.has(raw.slice(0, -1).toLowerCase()))
      raw = raw.slice(0, -1);
    const possessive = /['’]s$/i.test(raw) && raw.length > 2;
    const word = possessive ? raw.slice(0, -2) : raw;
    const start = match.index;
    const first = word.charAt(0);
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      lower: word.toLowerCase(),
      key: nameKey(word),
      possessive,
      capitalised: first !== first.toLowerCase(),
      allCaps: /\p{Lu}/u.test(word) && word === word.toUpperCase(),
      sentenceStart: starts.has(start) || followsBoundary(text, start),
      bracketed: inBrackets(start) !== undefined,
    });
  }
  return tokens;
}
