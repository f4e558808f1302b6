/**
 * Weekday names ("on Wednesday", "Monday afternoon", "last Tuesday", "next Friday")
 * resolved against the publication date by the clause's tense: past → the most recent
 * such day before publication, future → the next one after it, and the publication's
 * own weekday → the publication day itself (same-day news: "talks in Seoul on Tuesday"
 * in a Tuesday story). With no tense cue the news default is the past. "last X" is the X
 * strictly before publication, "next X" the X strictly after, "this X" the X of the
 * publication's Monday–Sunday week.
 */
import { addDays, type CalendarDate, startOfIsoWeek, weekday as weekdayOf } from '../../model/calendarDate';
import type { Resolved } from './candidate';
import { WEEKDAY_NAMES } from '../../model/calendarDate';
import { describeDay, publishedOn, quoted } from './describe';
import type { TenseCue } from './tense';

export type WeekdayModifier = 'last' | 'next' | 'this' | 'none';

/** "last"/"next"/"this" in front of a weekday name, read from the words as written. */
export function weekdayModifier(words: string): WeekdayModifier {
  const match = /\b(last|past|previous|next|coming|this)\s+(?:mon|tue|wed|thu|fri|sat|sun)/i.exec(words);
  const word = match?.[1]?.toLowerCase();
  if (word === 'last' || word === 'past' || word === 'previous') return 'last';
  if (word === 'next' || word === 'coming') return 'next';
  return word === 'this' ? 'this' : 'none';
}

/** The first `target` weekday strictly after (`step` 1) or before (`step` −1) `from`. */
export function stepToWeekday(from: CalendarDate, target: number, step: 1 | -1): CalendarDate {
  let day = addDays(from, step);
  while (weekdayOf(day) !== target) day = addDays(day, step);
  return day;
}

/** The last `target` weekday on or before `from`. */
export function onOrBeforeWeekday(from: CalendarDate, target: number): CalendarDate {
  return weekdayOf(from) === target ? from : stepToWeekday(from, target, -1);
}

/** The first `target` weekday on or after `from`. */
export function onOrAfterWeekday(from: CalendarDate, target: number): CalendarDate {
  return weekdayOf(from) === target ? from : stepToWeekday(from, target, 1);
}

/** Resolves a weekday named in `words` against the publication date and the clause's tense. */
export function resolveWeekday(
  words: string,
  target: number,
  modifier: WeekdayModifier,
  tense: TenseCue,
  published: CalendarDate,
): Resolved {
  const name = WEEKDAY_NAMES[target] ?? 'day';
  const lead = `${quoted(words)} ${publishedOn(published)}`;
  const done = (day: CalendarDate, why: string): Resolved => ({
    edtf: day,
    day,
    kind: 'weekday',
    rule: `${lead}, ${why}: ${describeDay(day)}`,
  });
  if (modifier === 'last') return done(stepToWeekday(published, target, -1), `“last” → the ${name} before`);
  if (modifier === 'next') return done(stepToWeekday(published, target, 1), `“next” → the ${name} after`);
  if (modifier === 'this') {
    // "this Thursday" is the Thursday of the publication's Monday–Sunday week.
    const day = addDays(startOfIsoWeek(published), (target + 6) % 7);
    return done(day, `“this” → the ${name} of the publication week`);
  }
  if (weekdayOf(published) === target) return done(published, `the same weekday as publication → that day itself`);
  if (tense.tense === 'future')
    return done(stepToWeekday(published, target, 1), `future tense (“${tense.cue ?? ''}”) → the ${name} after`);
  if (tense.tense === 'past')
    return done(stepToWeekday(published, target, -1), `past tense (“${tense.cue ?? ''}”) → the ${name} before`);
  return done(stepToWeekday(published, target, -1), `no tense cue, news default past → the ${name} before`);
}
