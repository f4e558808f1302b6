/**
 * Stage `time`: sentences of cleaned text → temporal expressions resolved to EDTF
 * against the article's publication date. (Placeholder until the time stage lands:
 * finds nothing, so no date is ever invented.)
 */
import type { CalendarDate } from '../../model/calendarDate';
import type { Segmentation } from '../segment';

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

/** Finds and resolves every temporal expression in the text, in document order. */
export function resolveTimes(_text: string, _segmentation: Segmentation, _reference: Reference): TimeExpression[] {
  return [];
}
