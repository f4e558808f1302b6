/**
 * Date expressions for the synthetic corpus, each with the gold EDTF a careful reader
 * derives from it and the publication date (the rules of ANNOTATION.md: weekdays by
 * tense, "last week" as a Monday–Sunday interval, vague phrases at month or year
 * precision, "the following day" from the event just mentioned).
 */
import {
  addDays,
  daysBetween,
  parseCalendarDate,
  startOfIsoWeek,
  startOfMonthOffset,
  weekday,
  type CalendarDate,
} from '../src/model/calendarDate';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../src/model/calendarDate';
import { edtfDayRange } from '../src/model/edtf';
import type { Prng } from './prng';

export type Tense = 'past' | 'future' | 'goal';

export type DateExpression = {
  /** The words that carry the date, exactly as they appear in the sentence. */
  text: string;
  edtf: string;
  tense: Tense;
  /** The day this expression pins down, when it pins one down (an anchor for "the following day"). */
  day?: CalendarDate;
};

export type DateKind =
  | 'monthDay'
  | 'weekday'
  | 'lastWeek'
  | 'nextWeek'
  | 'earlierThisMonth'
  | 'lastMonth'
  | 'earlierThisYear'
  | 'monthYear'
  | 'deadlineYear';

const MONTHS_AP = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const MONTHS = MONTH_NAMES;
const WEEKDAYS = WEEKDAY_NAMES;
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five'];

function parts(date: CalendarDate): { year: number; month: number; day: number } {
  const value = parseCalendarDate(date);
  if (!value) throw new RangeError(`dateExpressions: expected a calendar date, got ${JSON.stringify(date)}`);
  return value;
}

const monthOf = (date: CalendarDate): string => date.slice(0, 7);

/** A date expression of `kind` relative to the publication day, or undefined when it does not fit that day. */
export function dateExpression(kind: DateKind, published: CalendarDate, rng: Prng): DateExpression | undefined {
  const { year, month, day } = parts(published);
  switch (kind) {
    case 'monthDay': {
      const future = rng.chance(0.35);
      const target = addDays(published, future ? rng.int(2, 60) : -rng.int(1, 40));
      const p = parts(target);
      return { text: `on ${MONTHS_AP[p.month - 1]} ${p.day}`, edtf: target, tense: future ? 'future' : 'past', day: target };
    }
    case 'weekday': {
      // The latest such day on or before publication for the past, the next on or after it for the future.
      const future = rng.chance(0.3);
      const target = addDays(published, future ? rng.int(0, 6) : -rng.int(0, 6));
      return { text: `on ${WEEKDAYS[weekday(target)]}`, edtf: target, tense: future ? 'future' : 'past', day: target };
    }
    case 'lastWeek': {
      const monday = addDays(startOfIsoWeek(published), -7);
      return { text: 'last week', edtf: edtfDayRange(monday, addDays(monday, 6)), tense: 'past' };
    }
    case 'nextWeek': {
      const monday = addDays(startOfIsoWeek(published), 7);
      return { text: 'next week', edtf: edtfDayRange(monday, addDays(monday, 6)), tense: 'future' };
    }
    case 'earlierThisMonth':
      return day >= 8 ? { text: 'earlier this month', edtf: monthOf(published), tense: 'past' } : undefined;
    case 'lastMonth':
      return { text: 'last month', edtf: monthOf(startOfMonthOffset(published, -1)), tense: 'past' };
    case 'earlierThisYear':
      return month >= 3 ? { text: 'earlier this year', edtf: String(year), tense: 'past' } : undefined;
    case 'monthYear': {
      const back = startOfMonthOffset(published, -rng.int(14, 120));
      const p = parts(back);
      return { text: `in ${MONTHS[p.month - 1]} ${p.year}`, edtf: monthOf(back), tense: 'past' };
    }
    case 'deadlineYear': {
      const target = year + rng.int(2, 8);
      return { text: `${rng.chance(0.5) ? 'by' : 'in'} ${target}`, edtf: String(target), tense: 'goal' };
    }
  }
}

/**
 * How a report published on `published` names the past day `target` (on or before it): by
 * its weekday within the last six days, when `rng` so chooses, else by month and day.
 */
export function expressionOn(target: CalendarDate, published: CalendarDate, rng: Prng): DateExpression {
  const back = daysBetween(target, published);
  if (back < 0) throw new RangeError(`expressionOn: expected a day on or before ${published}, got ${target}`);
  const p = parts(target);
  const text = back <= 6 && rng.chance(0.6) ? `on ${WEEKDAYS[weekday(target)]}` : `on ${MONTHS_AP[p.month - 1]} ${p.day}`;
  return { text, edtf: target, tense: 'past', day: target };
}

/** "the following day" / "two days later" after an anchor day; past only, so the result is never after publication. */
export function relativeToAnchor(anchor: CalendarDate, published: CalendarDate, rng: Prng): DateExpression | undefined {
  const offset = rng.int(1, 3);
  const target = addDays(anchor, offset);
  if (target > published) return undefined;
  const text = offset === 1 ? rng.pick(['the following day', 'a day later']) : `${NUMBERS[offset]} days later`;
  return { text, edtf: target, tense: 'past', day: target };
}
