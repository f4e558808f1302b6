/**
 * Stage `segment`: cleaned text → paragraphs and sentences as offsets into that text.
 * Paragraphs are blocks between blank lines; sentences are found line by line inside
 * them (a line break always ends a sentence, so a caption never runs into the next
 * line). Every span is trimmed: `text.slice(start, end)` is exactly the paragraph or
 * sentence. Offsets are JavaScript string indices (astral characters count as two).
 */
import type { Span } from '../model/quote';

export type Sentence = Span & { paragraph: number };

export type Segmentation = { paragraphs: Span[]; sentences: Sentence[] };

/** Titles and abbreviations that are always followed by more of the same sentence. */
const NEVER_FINAL = new Set(
  'Mr Mrs Ms Mx Dr Prof Gen Lt Col Capt Cpt Sgt Maj Adm Cmdr Brig Gov Sen Rep Rev Hon Pres Supt Insp Amb Gens St Mt Ft Messrs vs v cf approx e.g i.e Vol Fig Sec'
    .split(' ')
    .map((word) => `${word}.`),
);

/** "No." is an abbreviation only before a number ("No. 2"); otherwise it is the word no. */
const BEFORE_NUMBER = new Set(['No.', 'Nos.', 'no.', 'Art.', 'p.', 'pp.']);

/**
 * Abbreviations that may end a sentence as well as sit inside one. After them a sentence
 * ends only when the next word is a typical sentence opener (`OPENERS`) or a quote opens:
 * "…talks with the U.S. The talks…" splits, "U.S. Defense Secretary" does not.
 */
const AMBIGUOUS = new Set(
  'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Corp Co Ltd Bros Jr Sr Ave Blvd Rd Dept Univ Assn etc al'
    .split(' ')
    .map((word) => `${word}.`),
);

/** Capitalised words that usually open a sentence rather than continue a name. */
const OPENERS = new Set(
  (
    'The A An It Its He She They We I You This That These Those There Here His Her Their Our My Your ' +
    'But And Or So Yet In On At For As If When While After Before Since During Until Despite Although Though ' +
    'Meanwhile However Also Still Then Now Both Some Many Most All Each Such Other Another No Neither ' +
    'What Why How Who Where Which Last Earlier Later According Mr Mrs Ms Dr'
  ).split(' '),
);

const TERMINAL = /[.!?…。！？]/u;
const CLOSERS = /["'”’)\]»」』】]/u;
/**
 * Emoji right after a sentence end belong to that sentence: a reaction follows what it
 * reacts to. One emoji is a pictograph or flag letter, then variation selectors, skin tones
 * or ZWJ-joined pictographs; no two parts can match the same character (linear time).
 */
const TRAILING_EMOJI =
  /(?:[^\S\n]*(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\ufe0f|\p{Emoji_Modifier}|\u200d\p{Extended_Pictographic})*)+(?=\s|$)/uy;
/** Quote length above which sentences inside a quotation are split after all. */
const MAX_INTACT_QUOTE = 400;
/** Longest trailing photo credit kept with its sentence. */
const MAX_CREDIT = 200;

/** The whole character (one or two code units) at index `i`. */
function charAt(text: string, i: number): string {
  const code = text.codePointAt(i);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** Paragraph spans: blocks of text between blank (or white-space-only) lines, trimmed. */
function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const blank = /\n[^\S\n]*\n\s*/g;
  let from = 0;
  for (let match = blank.exec(text); ; match = blank.exec(text)) {
    const span = trimSpan(text, from, match ? match.index : text.length);
    if (span.end > span.start) spans.push(span);
    if (!match) return spans;
    from = match.index + match[0].length;
  }
}

/** Spans of double-quoted passages that open and close within [start, end). */
function quoteSpans(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = start; i < end; i++) {
    const char = text[i];
    const opens = char === '“' || (char === '"' && (i === start || /[\s([{—–/-]/.test(text[i - 1] ?? '')));
    const closes = char === '”' || (char === '"' && !opens);
    if (opens && open < 0) open = i;
    else if (closes && open >= 0) {
      spans.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return spans;
}

/** The word that ends at `dot` inclusive, without opening punctuation or a hyphenated prefix. */
function tokenBefore(text: string, dot: number, lineStart: number): string {
  let from = dot;
  while (from > lineStart && !/[\s("“‘'[/—–-]/.test(text[from - 1] ?? '')) from--;
  return text.slice(from, dot + 1);
}

/** Whether an ambiguous abbreviation before `next` closes its sentence. */
function opensSentence(text: string, next: number): boolean {
  if (/["“‘(]/.test(text[next] ?? '')) return true;
  const word = /^[\p{L}]+/u.exec(text.slice(next, next + 20))?.[0] ?? '';
  return OPENERS.has(word);
}

/** Whether a full stop (not ? or !) at `dot` ends the sentence whose next word starts at `next`. */
function periodEnds(text: string, dot: number, next: number, lineStart: number): boolean {
  const token = tokenBefore(text, dot, lineStart);
  if (NEVER_FINAL.has(token)) return false;
  if (BEFORE_NUMBER.has(token)) return !/\p{N}/u.test(charAt(text, next));
  const ambiguous = AMBIGUOUS.has(token) || /^(?:\p{L}\.){2,}$/u.test(token) || /^\p{Lu}\.$/u.test(token);
  if (ambiguous) return opensSentence(text, next);
  return !/\p{Ll}/u.test(charAt(text, next));
}

/**
 * A candidate sentence end: terminal punctuation `run` at `stop`, closers included up to
 * `after`, the next word at `next`; `quoted` when it lies inside a quotation closed later.
 */
type Candidate = { stop: number; after: number; next: number; run: string; quoted: boolean };

/** A photo credit or parenthesis closing the line stays with its sentence: "…on Nov. 3. [YONHAP]". */
const TRAILING_CREDIT = /^(?:\[[^\]]*\]|\([^)]*[^.!?)]\))$/;

/** Whether the candidate really ends a sentence of the line [start, end). */
function endsSentence(text: string, { stop, after, next, run, quoted }: Candidate, start: number, end: number): boolean {
  const cjk = /[。！？]/u.test(run);
  if (next >= end || (next === after && !cjk)) return false;
  // Inside a quotation that closes on this line the quote stays whole: “It is over. We lost.”
  if (quoted) return false;
  if (end - next <= MAX_CREDIT && TRAILING_CREDIT.test(text.slice(next, end))) return false;
  if (run === '.') return periodEnds(text, stop, next, start);
  // "?", "!", "…" and runs of them end a sentence unless the text goes on in lower case ("Why?" he asked).
  return cjk || !/\p{Ll}/u.test(charAt(text, next));
}

/** Sentence spans of one line [start, end), which holds no line break. */
function lineSentences(text: string, start: number, end: number): Span[] {
  const quotes = quoteSpans(text, start, end).filter((quote) => quote.end - quote.start <= MAX_INTACT_QUOTE);
  const spans: Span[] = [];
  let from = start;
  let quote = 0; // quotes are sorted and disjoint: the first one not yet closed is the only candidate
  for (let stop = start; stop < end; stop++) {
    if (!TERMINAL.test(text[stop] ?? '')) continue;
    let after = stop;
    while (after < end && TERMINAL.test(text[after] ?? '')) after++;
    const run = text.slice(stop, after);
    while (after < end && CLOSERS.test(text[after] ?? '')) after++;
    TRAILING_EMOJI.lastIndex = after;
    const emoji = TRAILING_EMOJI.exec(text);
    if (emoji && after + emoji[0].length <= end) after += emoji[0].length;
    let next = after;
    while (next < end && /\s/.test(text[next] ?? '')) next++;
    while ((quotes[quote]?.end ?? Infinity) <= after) quote++;
    const quoted = (quotes[quote]?.start ?? Infinity) < stop;
    if (endsSentence(text, { stop, after, next, run, quoted }, start, end)) {
      spans.push(trimSpan(text, from, after));
      from = next;
    }
    stop = after - 1;
  }
  const last = trimSpan(text, from, end);
  if (last.end > last.start) spans.push(last);
  return spans;
}

/** Splits cleaned text into paragraphs (blocks between blank lines) and sentences with offsets. */
export function segmentText(text: string): Segmentation {
  const paragraphs = paragraphSpans(text);
  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    const line = /[^\n]+/g;
    const block = text.slice(paragraph.start, paragraph.end);
    for (let match = line.exec(block); match; match = line.exec(block)) {
      const from = paragraph.start + match.index;
      for (const span of lineSentences(text, from, from + match[0].length)) sentences.push({ ...span, paragraph: index });
    }
  });
  return { paragraphs, sentences };
}
