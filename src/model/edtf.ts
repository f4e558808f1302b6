/**
 * The EDTF subset Dateline uses (ISO 8601-2 levels 0 and 1): `2025`, `2025-10`,
 * `2025-11-04`, each optionally qualified `?` (uncertain), `~` (approximate) or `%`
 * (both), and intervals `a/b` whose ends may be open (`..`). Parsing derives the
 * inclusive calendar bounds and precision; formatting gives back the same string.
 * Bounds are calendar dates, never instants, so they do not depend on the time zone.
 */
import { type CalendarDate, daysInMonth, formatCalendarDate, isValidParts } from './calendarDate';

export type Precision = 'day' | 'month' | 'year';

export type EdtfDate = {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
  uncertain: boolean;
  approximate: boolean;
};

/** An interval end: a date, or open (`..`, no bound). */
export type EdtfEnd = EdtfDate | { open: true };

export type Edtf = { kind: 'date'; date: EdtfDate } | { kind: 'interval'; start: EdtfEnd; end: EdtfEnd };

export type EdtfBounds = {
  /** First day covered, or null for an open start. */
  start: CalendarDate | null;
  /** Last day covered (inclusive), or null for an open end. */
  end: CalendarDate | null;
  /** The coarsest precision of the closed ends. */
  precision: Precision;
  approximate: boolean;
  uncertain: boolean;
};

export type EdtfResult = { ok: true; value: Edtf } | { ok: false; error: string };

const DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([?~%])?$/;

function parseDate(text: string): EdtfDate | string {
  const match = DATE.exec(text);
  if (!match) return `expected YYYY, YYYY-MM or YYYY-MM-DD with an optional ?, ~ or %, got ${JSON.stringify(text)}`;
  const [, y, m, d, qualifier] = match;
  const year = Number(y);
  const month = m === undefined ? undefined : Number(m);
  const day = d === undefined ? undefined : Number(d);
  if (month !== undefined && (month < 1 || month > 12)) return `expected a month 01–12, got ${m} in ${JSON.stringify(text)}`;
  if (day !== undefined && !isValidParts({ year, month: month ?? 1, day }))
    return `expected a day that exists, got ${JSON.stringify(text)}`;
  return {
    year,
    ...(month === undefined ? {} : { month }),
    ...(day === undefined ? {} : { day }),
    precision: day !== undefined ? 'day' : month !== undefined ? 'month' : 'year',
    uncertain: qualifier === '?' || qualifier === '%',
    approximate: qualifier === '~' || qualifier === '%',
  };
}

/** Parses an EDTF string of the supported subset, with a readable error when it is not one. */
export function parseEdtf(text: string): EdtfResult {
  const parts = text.split('/');
  if (parts.length === 1) {
    const date = parseDate(text);
    return typeof date === 'string' ? { ok: false, error: date } : { ok: true, value: { kind: 'date', date } };
  }
  if (parts.length !== 2) return { ok: false, error: `expected at most one "/" in an interval, got ${JSON.stringify(text)}` };
  const ends: EdtfEnd[] = [];
  for (const part of parts) {
    if (part === '..') {
      ends.push({ open: true });
      continue;
    }
    const date = parseDate(part);
    if (typeof date === 'string') return { ok: false, error: date };
    ends.push(date);
  }
  const [start, end] = ends as [EdtfEnd, EdtfEnd];
  if ('open' in start && 'open' in end)
    return { ok: false, error: `expected at least one closed end, got ${JSON.stringify(text)}` };
  const value: Edtf = { kind: 'interval', start, end };
  const bounds = edtfBounds(value);
  if (bounds.start !== null && bounds.end !== null && bounds.start > bounds.end)
    return { ok: false, error: `expected the interval start before its end, got ${JSON.stringify(text)}` };
  return { ok: true, value };
}

/** Whether `text` is an EDTF string of the supported subset. */
export function isEdtf(text: string): boolean {
  return parseEdtf(text).ok;
}

function firstDay(date: EdtfDate): CalendarDate {
  return formatCalendarDate({ year: date.year, month: date.month ?? 1, day: date.day ?? 1 });
}

function lastDay(date: EdtfDate): CalendarDate {
  const month = date.month ?? 12;
  return formatCalendarDate({ year: date.year, month, day: date.day ?? daysInMonth(date.year, month) });
}

const COARSENESS: Record<Precision, number> = { day: 0, month: 1, year: 2 };

/** Inclusive calendar bounds, precision and qualifiers of a parsed EDTF value. */
export function edtfBounds(value: Edtf): EdtfBounds {
  if (value.kind === 'date') {
    const { date } = value;
    return {
      start: firstDay(date),
      end: lastDay(date),
      precision: date.precision,
      approximate: date.approximate,
      uncertain: date.uncertain,
    };
  }
  const closed = [value.start, value.end].filter((end): end is EdtfDate => !('open' in end));
  const precision = closed.reduce<Precision>(
    (coarsest, end) => (COARSENESS[end.precision] > COARSENESS[coarsest] ? end.precision : coarsest),
    'day',
  );
  return {
    start: 'open' in value.start ? null : firstDay(value.start),
    end: 'open' in value.end ? null : lastDay(value.end),
    precision,
    approximate: closed.some((end) => end.approximate),
    uncertain: closed.some((end) => end.uncertain),
  };
}

function formatDate(date: EdtfDate): string {
  let text = String(date.year).padStart(4, '0');
  if (date.month !== undefined) text += `-${String(date.month).padStart(2, '0')}`;
  if (date.month !== undefined && date.day !== undefined) text += `-${String(date.day).padStart(2, '0')}`;
  if (date.uncertain && date.approximate) text += '%';
  else if (date.uncertain) text += '?';
  else if (date.approximate) text += '~';
  return text;
}

/** Formats a parsed EDTF value back to its canonical string. */
export function formatEdtf(value: Edtf): string {
  if (value.kind === 'date') return formatDate(value.date);
  const end = (e: EdtfEnd): string => ('open' in e ? '..' : formatDate(e));
  return `${end(value.start)}/${end(value.end)}`;
}

/** Builds the EDTF string for a day, month or year, with optional qualifiers. */
export function edtfOf(
  date: { year: number; month?: number; day?: number },
  qualifiers: { approximate?: boolean; uncertain?: boolean } = {},
): string {
  const precision: Precision = date.day !== undefined ? 'day' : date.month !== undefined ? 'month' : 'year';
  return formatDate({
    ...date,
    precision,
    approximate: qualifiers.approximate ?? false,
    uncertain: qualifiers.uncertain ?? false,
  });
}

/** The EDTF interval covering two calendar dates, or the single day when they are equal. */
export function edtfDayRange(start: CalendarDate, end: CalendarDate): string {
  return start === end ? start : `${start}/${end}`;
}
