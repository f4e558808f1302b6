/**
 * Weekday candidates from chrono results: a single weekday resolved by modifier and
 * tense (weekday.ts), or a weekday range ("Monday to Wednesday") whose start is
 * resolved that way and whose end is the first such weekday on or after the start.
 */
import type { ParsedResult } from 'chrono-node';
import { edtfDayRange } from '../../model/edtf';
import type { Candidate } from './candidate';
import { describeDay, publishedOn, quoted } from './describe';
import { tenseAround } from './tense';
import { onOrAfterWeekday, onOrBeforeWeekday, resolveWeekday, weekdayModifier } from './weekday';

/** A single weekday ("on Wednesday", "last Tuesday", "Monday afternoon"). */
export function weekdayCandidate(sentence: string, result: ParsedResult, start: number, end: number): Candidate | undefined {
  const target = result.start.get('weekday');
  if (target === null) return undefined;
  const words = sentence.slice(start, end);
  const modifier = weekdayModifier(words);
  const tense = tenseAround(sentence, start, end);
  return {
    start,
    end,
    weekday: target,
    resolve: ({ reference }) => resolveWeekday(words, target, modifier, tense, reference.date),
  };
}

/**
 * A weekday range ("from Monday to Wednesday"), kind 'span'. In the past tense the range
 * ends on or before publication ("ran from Monday to Wednesday" in a Monday story is last
 * week's); otherwise its start is resolved like a single weekday and the end follows it.
 */
export function weekdayRangeCandidate(sentence: string, result: ParsedResult, start: number, end: number): Candidate | undefined {
  const first = result.start.get('weekday');
  const last = result.end?.get('weekday') ?? null;
  if (first === null || last === null) return undefined;
  const words = sentence.slice(start, end);
  const tense = tenseAround(sentence, start, end);
  return {
    start,
    end,
    resolve: ({ reference }) => {
      const modifier = weekdayModifier(words);
      if (tense.tense === 'past' && modifier === 'none') {
        const to = onOrBeforeWeekday(reference.date, last);
        const from = onOrBeforeWeekday(to, first);
        return {
          edtf: edtfDayRange(from, to),
          kind: 'span',
          rule: `${quoted(words)} ${publishedOn(reference.date)}, past tense (“${tense.cue ?? ''}”) → ending on or before publication: ${describeDay(from)} – ${describeDay(to)}`,
        };
      }
      const from = resolveWeekday(words, first, modifier, tense, reference.date);
      if (from.day === undefined) return undefined;
      const to = onOrAfterWeekday(from.day, last);
      return {
        edtf: edtfDayRange(from.day, to),
        kind: 'span',
        rule: `${from.rule}; it runs to the first such day on or after it → ${describeDay(from.day)} – ${describeDay(to)}`,
      };
    },
  };
}
