/**
 * The conversion of vis-timeline's local instants back to calendar dates. (The extent of
 * a data set and the window to open on are in model/overview, shared with the compiler.)
 */
import { addDays, type CalendarDate, type DateRange, formatCalendarDate } from '../../model/calendarDate';

/** The calendar date of an instant as the browser's local clock reads it. */
export function localCalendarDate(instant: Date): CalendarDate {
  return formatCalendarDate({ year: instant.getFullYear(), month: instant.getMonth() + 1, day: instant.getDate() });
}

/** A vis-timeline window (local instants) as calendar dates; the end rounds up to a whole day. */
export function windowOf(start: Date, end: Date): DateRange {
  const endDay = localCalendarDate(end);
  const exact = end.getHours() === 0 && end.getMinutes() === 0 && end.getSeconds() === 0;
  const rounded = exact ? endDay : addDays(endDay, 1);
  const startDay = localCalendarDate(start);
  return { start: startDay, end: rounded > startDay ? rounded : addDays(startDay, 1) };
}
