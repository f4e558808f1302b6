/**
 * Calendar dates: a day with no time of day and no time zone, written `YYYY-MM-DD`.
 * All arithmetic is done on day numbers (days since 1970-01-01 in the proleptic
 * Gregorian calendar), so no function here ever builds a `Date` instant and no result
 * can shift with the machine's time zone.
 */

export type CalendarDate = string;

/** A span of calendar days; where it is used says whether `end` is the last day or the one after. */
export type DateRange = { start: CalendarDate; end: CalendarDate };

/** English month names, January first; index with `month - 1`. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** English weekday names, Sunday first, matching `weekday()`. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export type CalendarParts = { year: number; month: number; day: number };

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `year` is a leap year in the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether the parts name a real day (e.g. not 2025-02-29). */
export function isValidParts({ year, month, day }: CalendarParts): boolean {
  return (
    Number.isInteger(year) &&
    year >= 0 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Splits `YYYY-MM-DD` into parts, or returns undefined when it is not a real day. */
export function parseCalendarDate(value: string): CalendarParts | undefined {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return undefined;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidParts(parts) ? parts : undefined;
}

/** Whether `value` is a `YYYY-MM-DD` string naming a real day. */
export function isCalendarDate(value: string): value is CalendarDate {
  return parseCalendarDate(value) !== undefined;
}

/** Formats parts as `YYYY-MM-DD`. */
export function formatCalendarDate({ year, month, day }: CalendarParts): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function requireParts(date: CalendarDate): CalendarParts {
  const parts = parseCalendarDate(date);
  if (!parts) throw new RangeError(`expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return parts;
}

// Day-number conversion after Howard Hinnant's days_from_civil / civil_from_days.
/** Days since 1970-01-01 for a calendar date. */
export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = requireParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date `dayNumber` days after 1970-01-01. */
export function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatCalendarDate({ year, month, day });
}

/** The date `days` days after (or before, when negative) `date`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Negative, zero or positive as `a` is before, the same as, or after `b`. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Monday of the ISO week that contains `date`. */
export function startOfIsoWeek(date: CalendarDate): CalendarDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** First day of the month `months` months after the month of `date`. */
export function startOfMonthOffset(date: CalendarDate, months = 0): CalendarDate {
  const { year, month } = requireParts(date);
  const index = year * 12 + (month - 1) + months;
  return formatCalendarDate({ year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 });
}

/** Last day of the month of `date`. */
export function endOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = requireParts(date);
  return formatCalendarDate({ year, month, day: daysInMonth(year, month) });
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(b) - toDayNumber(a);
}
