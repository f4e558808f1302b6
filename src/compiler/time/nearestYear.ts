/**
 * The year of a date written without one ("Nov. 3", "in March"): the year that puts it
 * nearest the publication date (a December story's "Jan. 5" is next January), unless
 * the clause's tense points the other way and the date is more than a month off
 * ("was held in March" in a November story is the March before).
 */
import { type CalendarDate, daysBetween, formatCalendarDate, isValidParts, parseCalendarDate } from '../../model/calendarDate';
import type { Tense } from './tense';

const MONTH_SLACK_DAYS = 31;

function distanceDays(published: CalendarDate, year: number, month: number, day: number | undefined): number | undefined {
  // A month without a day counts from its middle, so "October" in a November story is near.
  const parts = { year, month, day: day ?? 15 };
  if (!isValidParts(parts)) return undefined;
  return daysBetween(published, formatCalendarDate(parts));
}

/** The year for a month (and optional day) written without a year, as seen from `published`. */
export function nearestYear(published: CalendarDate, month: number, day: number | undefined, tense: Tense): number | undefined {
  const base = parseCalendarDate(published)?.year;
  if (base === undefined) return undefined;
  let best: { year: number; distance: number } | undefined;
  for (const year of [base - 1, base, base + 1]) {
    const distance = distanceDays(published, year, month, day);
    if (distance === undefined) continue;
    if (!best || Math.abs(distance) < Math.abs(best.distance)) best = { year, distance };
  }
  if (!best) return undefined;
  const slack = day === undefined ? MONTH_SLACK_DAYS / 2 : MONTH_SLACK_DAYS;
  const shift = tense === 'past' && best.distance > slack ? -1 : tense === 'future' && best.distance < -slack ? 1 : 0;
  const year = best.year + shift;
  return distanceDays(published, year, month, day) === undefined ? best.year : year;
}
