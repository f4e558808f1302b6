/**
 * Stage `time`: sentences of cleaned text → temporal expressions resolved to EDTF
 * against the article's publication date. Finders (chrono-backed absolute and weekday
 * dates, publication-relative words, anaphora, spans, deadlines) propose candidates per
 * sentence; the longest non-overlapping ones are resolved in document order, each day
 * becoming the anchor for "the following day" after it. Offsets index the cleaned text.
 */
import { type CalendarDate, isCalendarDate } from '../../model/calendarDate';
import type { Segmentation } from '../segment';
import { yearCandidates } from './year';
import { anaphoricCandidates } from './anaphoric';
import type { Anchor, Candidate, Resolved } from './candidate';
import { chronoCandidates } from './chronoScan';
import { asDeadline, deadlineCandidates } from './deadline';
import { relativeCandidates } from './relative';
import { joinThroughSpans, nDaySpanCandidates } from './span';

/** What relative expressions are resolved against. */
export type Reference = {
  /** The publication calendar date, in the article's own zone. */
  date: CalendarDate;
  /** `published` as written in the front matter (date or date-time with offset). */
  published: string;
  /** IANA zone of the article, when known. */
  timezone?: string;
};

export type TimeKind = 'absolute' | 'relative' | 'weekday' | 'anaphoric' | 'span' | 'deadline';

export type TimeExpression = {
  /** Offsets of the words that gave the date (`dateText`) in the cleaned text. */
  start: number;
  end: number;
  /** Index into `Segmentation.sentences`. */
  sentence: number;
  /** The words, exactly `text.slice(start, end)`. */
  text: string;
  /** The resolved date (EDTF subset of src/model/edtf). */
  edtf: string;
  /** How the date was derived, in words a reader understands. */
  rule: string;
  kind: TimeKind;
};

/** Every finder's candidates, the longest winning where they overlap, in sentence order. */
function chooseCandidates(sentence: string, published: CalendarDate): Candidate[] {
  const all = [
    ...chronoCandidates(sentence, published),
    ...yearCandidates(sentence),
    ...relativeCandidates(sentence),
    ...anaphoricCandidates(sentence),
    ...nDaySpanCandidates(sentence),
    ...deadlineCandidates(sentence),
  ].map((candidate) => asDeadline(sentence, candidate));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  for (const candidate of all) {
    const last = chosen.at(-1);
    if (last && candidate.start < last.end) continue;
    chosen.push(candidate);
  }
  return joinThroughSpans(sentence, chosen);
}

/** Finds and resolves every temporal expression in the text, in document order. */
export function resolveTimes(text: string, segmentation: Segmentation, reference: Reference): TimeExpression[] {
  if (!isCalendarDate(reference.date))
    throw new RangeError(`time: expected reference.date as a calendar date YYYY-MM-DD, got ${JSON.stringify(reference.date)}`);
  const found: TimeExpression[] = [];
  let anchor: Anchor | undefined;
  segmentation.sentences.forEach((span, index) => {
    const sentence = text.slice(span.start, span.end);
    const candidates = chooseCandidates(sentence, reference.date);
    const resolved: { candidate: Candidate; result: Resolved }[] = [];
    const sentenceDays: { anchor: Anchor; start: number }[] = [];
    for (const candidate of candidates) {
      if (candidate.needsSentenceDay) continue;
      const result = candidate.resolve({ reference, sentence: index, anchor });
      if (!result) continue;
      resolved.push({ candidate, result });
      if (result.day !== undefined) {
        anchor = { date: result.day, text: sentence.slice(candidate.start, candidate.end), sentence: index };
        sentenceDays.push({ anchor, start: candidate.start });
      }
    }
    for (const candidate of candidates) {
      if (!candidate.needsSentenceDay) continue;
      const result = candidate.resolve({ reference, sentence: index, anchor, sentenceDays });
      if (result) resolved.push({ candidate, result });
    }
    resolved.sort((a, b) => a.candidate.start - b.candidate.start);
    for (const { candidate, result } of resolved) {
      const start = span.start + candidate.start;
      const end = span.start + candidate.end;
      found.push({
        start,
        end,
        sentence: index,
        text: text.slice(start, end),
        edtf: result.edtf,
        rule: result.rule,
        kind: result.kind,
      });
    }
  });
  return found;
}
