/**
 * Reader-facing words for calendar dates and `when` values: "Tue 4 Nov 2025",
 * "October 2025", "by 2030", with what makes a date vague (month or year precision,
 * `~`, `?`, an open end). Works on `YYYY-MM-DD` strings only — never on instants — so
 * every reader in every time zone sees the same words.
 */
import { MONTH_NAMES, parseCalendarDate, WEEKDAY_NAMES, weekday, type CalendarDate } from '../../model/calendarDate';
import { edtfBounds, parseEdtf, type EdtfDate, type EdtfEnd } from '../../model/edtf';
import type { When } from '../../model/schema';

const MONTHS = MONTH_NAMES;
const WEEKDAYS = WEEKDAY_NAMES.map((name) => name.slice(0, 3));

/** "Tue 4 Nov 2025" for a calendar date; the input unchanged when it is not one. */
export function formatDay(date: CalendarDate): string {
  const parts = parseCalendarDate(date);
  if (!parts) return date;
  const month = (MONTHS[parts.month - 1] ?? '').slice(0, 3);
  return `${WEEKDAYS[weekday(date)] ?? ''} ${parts.day} ${month} ${parts.year}`;
}

function formatEdtfDate(date: EdtfDate): string {
  let text: string;
  if (date.day !== undefined && date.month !== undefined) {
    const iso = `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
    text = formatDay(iso);
  } else if (date.month !== undefined) text = `${MONTHS[date.month - 1] ?? ''} ${date.year}`;
  else text = String(date.year);
  if (date.approximate) text = `about ${text}`;
  if (date.uncertain) text = `${text}?`;
  return text;
}

const isOpen = (end: EdtfEnd): end is { open: true } => 'open' in end;

/** The resolved date of `when` in words: "Tue 4 Nov 2025", "about October 2025", "by 2030". */
export function formatWhen(when: When): string {
  const parsed = parseEdtf(when.edtf);
  if (!parsed.ok) return when.edtf;
  const value = parsed.value;
  if (value.kind === 'date') return formatEdtfDate(value.date);
  if (isOpen(value.start) && !isOpen(value.end)) return `by ${formatEdtfDate(value.end)}`;
  if (!isOpen(value.start) && isOpen(value.end)) return `from ${formatEdtfDate(value.start)}`;
  if (isOpen(value.start) || isOpen(value.end)) return when.edtf;
  return `${formatEdtfDate(value.start)} – ${formatEdtfDate(value.end)}`;
}

export type Vagueness = {
  /** True when a reader must not take the drawn position as an exact day or span. */
  vague: boolean;
  /** Short words for why, e.g. "month", "approximate", "open start"; empty when exact. */
  reasons: string[];
};

/** Why the date of `when` is not exact, if it is not. */
export function vaguenessOf(when: When): Vagueness {
  const reasons: string[] = [];
  if (when.precision !== 'day') reasons.push(when.precision);
  const parsed = parseEdtf(when.edtf);
  if (parsed.ok) {
    const bounds = edtfBounds(parsed.value);
    if (bounds.approximate) reasons.push('approximate');
    if (bounds.uncertain) reasons.push('uncertain');
  }
  if (when.start === null) reasons.push('open start');
  if (when.end === null) reasons.push('open end');
  return { vague: reasons.length > 0, reasons };
}

/** Whether `when` is one exact day. */
export function isExactDay(when: When): boolean {
  return !vaguenessOf(when).vague && when.start !== null && when.start === when.end;
}

/** The publication date of an article in words, whatever time of day it carries. */
export function formatPublished(published: string): string {
  const day = published.slice(0, 10);
  return parseCalendarDate(day) ? formatDay(day) : published;
}
