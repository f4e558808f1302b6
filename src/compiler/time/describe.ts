/**
 * Words for the `rule` of a time expression: calendar dates, months, weeks and the
 * publication reference written the way a reader says them ("Wed 29 Oct 2025",
 * "October 2025"). Pure formatting; every date comes in as a calendar date or parts.
 */
import { type CalendarDate, MONTH_NAMES, parseCalendarDate, WEEKDAY_NAMES, weekday } from '../../model/calendarDate';

function parts(date: CalendarDate): { year: number; month: number; day: number } {
  const value = parseCalendarDate(date);
  if (!value) throw new RangeError(`describe: expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return value;
}

/** "Wed 29 Oct 2025" for 2025-10-29. */
export function describeDay(date: CalendarDate): string {
  const { year, month, day } = parts(date);
  const weekdayName = WEEKDAY_NAMES[weekday(date)] ?? '';
  const monthName = MONTH_NAMES[month - 1] ?? '';
  return `${weekdayName.slice(0, 3)} ${day} ${monthName.slice(0, 3)} ${year}`;
}

/** "October 2025" for year 2025, month 10. */
export function describeMonth(year: number, month: number): string {
  return `${MONTH_NAMES[month - 1] ?? `month ${month}`} ${year}`;
}

/** "the week Mon 27 Oct – Sun 2 Nov 2025" for the Monday–Sunday week starting `monday`. */
export function describeWeek(monday: CalendarDate, sunday: CalendarDate): string {
  return `the week ${describeDay(monday)} – ${describeDay(sunday)}`;
}

/** The words in curly quotes, as a rule cites them. */
export function quoted(words: string): string {
  return `“${words}”`;
}

/** "in an article published Tue 4 Nov 2025". */
export function publishedOn(date: CalendarDate): string {
  return `in an article published ${describeDay(date)}`;
}
