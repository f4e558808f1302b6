/**
 * Date arithmetic for merging: an event's EDTF as inclusive calendar bounds (open ends
 * become the ends of the calendar), containment ("last week" contains "on Wednesday")
 * and width, so the most precise reading consistent with the others can be chosen.
 */
import { daysBetween } from '../../model/calendarDate';
import { edtfBounds, parseEdtf } from '../../model/edtf';

/** Inclusive first and last day, and the number of days from one to the other. */
export type Bounds = { start: string; end: string; days: number };

const OPEN_START = '0001-01-01';
const OPEN_END = '9999-12-31';

/** Inclusive calendar bounds of an EDTF string; throws on EDTF the model rejects. */
export function boundsOf(edtf: string): Bounds {
  const parsed = parseEdtf(edtf);
  if (!parsed.ok) throw new RangeError(`merge: expected EDTF, got ${JSON.stringify(edtf)}: ${parsed.error}`);
  const bounds = edtfBounds(parsed.value);
  const start = bounds.start ?? OPEN_START;
  const end = bounds.end ?? OPEN_END;
  return { start, end, days: daysBetween(start, end) + 1 };
}

/** Whether `outer` covers every day of `inner`. */
export function contains(outer: Bounds, inner: Bounds): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Whether one reading contains the other, so both can describe the same happening. */
export function compatible(a: Bounds, b: Bounds): boolean {
  return contains(a, b) || contains(b, a);
}

/** Number of days covered. */
export function width(bounds: Bounds): number {
  return bounds.days;
}
