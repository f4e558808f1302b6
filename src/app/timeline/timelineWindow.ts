/**
 * Calendar-date windows for the timeline: the extent of a data set, a sensible first
 * window (the closed dates, padded, so a far-off deadline does not squash the rest),
 * and the conversion of vis-timeline's local instants back to calendar dates.
 */
import { addDays, daysBetween, type CalendarDate, formatCalendarDate } from '../../model/calendarDate';
import type { TimelineEvent } from '../../model/schema';
import type { DateRange } from './toTimelineItems';

/** First and last day any event covers, or null for no dated events. */
export function timelineExtent(events: readonly TimelineEvent[]): DateRange | null {
  const days = events.flatMap((event) => [event.when.start, event.when.end]).filter((day): day is string => day !== null);
  if (days.length === 0) return null;
  days.sort();
  return { start: days[0] as CalendarDate, end: days[days.length - 1] as CalendarDate };
}

/**
 * The window to open on: the starts of the events dated to a day or a month (all events
 * when none are), padded by a tenth (at least three days) before and three quarters (at least
 * two weeks) after, where point labels run to the right: a label is about as wide as a
 * third of the canvas, so less room cuts off the titles of the last days. A year-long band
 * or a far deadline would otherwise squash the days a reader came to see.
 */
export function initialWindow(events: readonly TimelineEvent[]): DateRange | null {
  const precise = events.filter((event) => event.when.precision !== 'year' && event.when.start !== null);
  const starts = (precise.length > 0 ? precise : events)
    .map((event) => event.when.start)
    .filter((day): day is string => day !== null);
  const days = starts.length > 0 ? starts : events.map((event) => event.when.end).filter((d): d is string => d !== null);
  if (days.length === 0) return null;
  days.sort();
  const first = days[0] as CalendarDate;
  const last = days[days.length - 1] as CalendarDate;
  const span = daysBetween(first, last);
  return {
    start: addDays(first, -Math.max(3, Math.ceil(span / 10))),
    end: addDays(last, Math.max(14, Math.ceil((span * 3) / 4)) + 1),
  };
}

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
