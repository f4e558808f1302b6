/**
 * Stage `clean`: an article body as scraped → the text a reader should see. Each source
 * line is tidied (trimmed, runs of spaces collapsed, invisible characters removed) and
 * either kept as one paragraph (hard-wrapped lines joined) or dropped as page furniture by
 * general rules: line shape and known widget phrases (`clean/lineRules.ts`,
 * `clean/boilerplate.ts`), repetition of an earlier line, and whatever follows a comment box
 * once the story is over. Paragraphs are joined by one blank line; every source offset
 * downstream points into this text, and `cleanText(cleanText(x)) === cleanText(x)`.
 */
import { foldLine } from './clean/boilerplate';
import { endsLikeSentence, lineDropReason, wordsOf, type DropReason } from './clean/lineRules';

export type { DropReason } from './clean/lineRules';

/** A line of the body (1-based; joined hard-wrapped lines count as their first) left out of the cleaned text, and why. */
export type DroppedLine = { line: number; text: string; reason: DropReason };

/** The cleaned text together with what was dropped, for `--debug` output and reports. */
export type CleanReport = { text: string; dropped: DroppedLine[] };

/** Optional knowledge about the article; `title` drops a headline repeated in the body. */
export type CleanOptions = { title?: string };

/** Caption labels some sites print before the caption itself (BBC: "Image caption, …"). */
const CAPTION_LABEL = /^(?:image caption|photo caption|caption)\s*[,:]\s+/i;

/** A line of the body, tidied; `reason` is set when a single-line rule drops it. */
type Line = { index: number; text: string; reason?: DropReason };

/** One paragraph-to-be: a kept line, or several joined when the source hard-wrapped them. */
type Unit = { index: number; text: string; joined: boolean; reason?: DropReason };

function tidyLine(raw: string): string {
  return (
    raw
      // Zero-width space, word joiner, BOM and soft hyphen are invisible yet split words for
      // search; ZWJ and ZWNJ stay because emoji sequences and some scripts need them.
      .replace(/[\u200b\u2060\ufeff\u00ad]/g, '')
      .replace(/\t/g, ' ')
      // Collapse runs only: a single no-break space ("Nov.\u00a03") is kept as written.
      .replace(/[ \u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}/g, ' ')
      .trim()
      .replace(CAPTION_LABEL, '')
  );
}

/** The form two copies of a line share: folded, with a trailing "[CREDIT]" and edge punctuation removed. */
function repetitionKey(line: string): string {
  const key = foldLine(line).replace(/\s*[[(][^\])]{1,60}[\])]$/, '');
  // Trimmed by hand: /[^\p{L}\p{N}]+$/ would rescan a long run of punctuation from every start.
  const isWordChar = (char: string) => /[\p{L}\p{N}]/u.test(char);
  let start = 0;
  let end = key.length;
  while (start < end && !isWordChar(key[start] ?? '')) start++;
  while (end > start && !isWordChar(key[end - 1] ?? '')) end--;
  return key.slice(start, end);
}

/**
 * A second copy of a line is dropped (duplicated captions, the headline printed twice) —
 * except a short sentence, which a story may legitimately repeat ("He declined to comment.").
 */
function isDroppableRepeat(line: string): boolean {
  return repetitionKey(line).length >= 40 || !endsLikeSentence(line);
}

function isSentenceLike(line: string): boolean {
  return endsLikeSentence(line) && wordsOf(line).length >= 3;
}

/**
 * Lines that survive the single-line rules become units, one paragraph each. A hard-wrapped
 * line (no closing punctuation, the next line starting in lower case right below it) is
 * joined to its continuation; the joined unit is then judged again as a whole.
 */
function unitsOf(lines: readonly Line[]): Unit[] {
  const units: Unit[] = [];
  let previousKept = false;
  for (const line of lines) {
    const kept = line.text !== '' && line.reason === undefined;
    const last = units[units.length - 1];
    if (kept && last && previousKept && /[\p{L}\p{N},]$/u.test(last.text) && /^\p{Ll}/u.test(line.text)) {
      last.text = `${last.text} ${line.text}`;
      last.joined = true;
    } else if (kept) units.push({ index: line.index, text: line.text, joined: false });
    previousKept = kept;
  }
  return units;
}

/** Drops joined units that are furniture after all, a headline equal to the title, and repeats. */
function judgeUnits(units: readonly Unit[], options: CleanOptions): void {
  const seen = new Set<string>();
  const titleKey = options.title === undefined ? '' : repetitionKey(tidyLine(options.title));
  for (const unit of units) {
    const key = repetitionKey(unit.text);
    if (unit.joined) unit.reason = lineDropReason(unit.text);
    if (unit.reason === undefined && key !== '' && key === titleKey) unit.reason = 'title';
    if (unit.reason === undefined && key !== '' && seen.has(key) && isDroppableRepeat(unit.text)) unit.reason = 'repeat';
    if (unit.reason === undefined) seen.add(key);
  }
}

/**
 * Once the last sentence of the story has passed, a comment or login box starts the page's
 * tail: every later unit is furniture (user names, "Sort by newest", counters) even when no
 * single rule knows it.
 */
function dropTail(lines: readonly Line[], units: readonly Unit[]): void {
  let lastSentence = -1;
  for (const unit of units) if (unit.reason === undefined && isSentenceLike(unit.text)) lastSentence = unit.index;
  const marker = lines.find((line) => line.index > lastSentence && line.reason === 'comments');
  if (!marker) return;
  for (const unit of units) if (unit.index > marker.index && unit.reason === undefined) unit.reason = 'tail';
}

/** Cleans an article body and reports every dropped line with its reason. */
export function explainClean(body: string, options: CleanOptions = {}): CleanReport {
  const lines: Line[] = body.split('\n').map((raw, index) => {
    const text = tidyLine(raw);
    return { index, text, ...(text === '' ? {} : { reason: lineDropReason(text) }) };
  });
  const units = unitsOf(lines);
  judgeUnits(units, options);
  dropTail(lines, units);
  const dropped = [...lines, ...units]
    .flatMap(({ index, text, reason }) => (reason === undefined ? [] : [{ line: index + 1, text, reason }]))
    .sort((a, b) => a.line - b.line);
  const kept = units.filter((unit) => unit.reason === undefined);
  return { text: kept.map((unit) => unit.text).join('\n\n'), dropped };
}

/** Returns the cleaned text of an article body: reader-facing paragraphs separated by a blank line. */
export function cleanText(body: string): string {
  return explainClean(body).text;
}
