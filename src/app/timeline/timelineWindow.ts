/**
 * The conversion of vis-timeline's local instants back to calendar dates, and the toolbar's
 * zoom and pan on calendar dates for while vis-timeline is not there yet. (The extent of a
 * data set and the window to open on are in model/overview, shared with the compiler.)
 */
import { addDays, type CalendarDate, type DateRange, daysBetween, formatCalendarDate } from '../../model/calendarDate';

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

/**
 * `window` zoomed about its middle as the toolbar's buttons zoom vis-timeline (`zoomIn(0.5)`
 * halves the span, `zoomOut(0.5)` makes it half as long again), in whole days and never
 * shorter than one. Used while vis-timeline is still on its way, so the buttons move the
 * window the preview shows and vis-timeline opens on.
 */
export function zoomedWindow(window: DateRange, direction: 1 | -1): DateRange {
  const span = daysBetween(window.start, window.end);
  const next = Math.max(1, Math.round(direction > 0 ? span / 2 : span * 1.5));
  const start = addDays(window.start, Math.round((span - next) / 2));
  return { start, end: addDays(start, next) };
}

/** `window` moved a third of its span later (1) or earlier (-1), at least one day, as the pan buttons move vis-timeline. */
export function pannedWindow(window: DateRange, direction: 1 | -1): DateRange {
  const shift = Math.max(1, Math.round(daysBetween(window.start, window.end) / 3)) * direction;
  return { start: addDays(window.start, shift), end: addDays(window.end, shift) };
}
