/**
 * Expressions dated from the last day the text gave ("the following day", "two days
 * later", "the day before", "later that day", "hours after", "upon his arrival").
 * The anchor is the most recent day-precision date before the words in document order;
 * with none, nothing is returned rather than a guess.
 */
import { addDays, startOfIsoWeek, startOfMonthOffset, parseCalendarDate } from '../../model/calendarDate';
import { edtfDayRange, edtfOf } from '../../model/edtf';
import type { Anchor, Candidate, Resolved } from './candidate';
import { COUNT, countOf, matchesOf } from './candidate';
import { describeDay, describeMonth, describeWeek, quoted } from './describe';

type Shift = { days: number } | { weeks: number } | { months: number };

const NEXT_DAY = /\bthe\s+(?:following|next)\s+day\b|\bthe\s+day\s+after\b/gi;
const PREVIOUS_DAY = /\bthe\s+(?:previous|preceding)\s+day\b|\bthe\s+day\s+before\b/gi;
const COUNTED = new RegExp(`\\b(${COUNT})\\s+(day|week)s?\\s+(later|after|earlier|before)\\b`, 'gi');
const SAME_DAY =
  /\b(?:(?:later|earlier)\s+that|that\s+same|that|the\s+same)\s+(?:day|morning|afternoon|evening|night)\b|\b(?:hours|minutes)\s+(?:later|after|earlier|before)\b|\b(?:upon|on)\s+(?:his|her|their|its)\s+arrival\b/gi;
const NEXT_PERIOD = /\bthe\s+(?:following|next)\s+(week|month)\b/gi;

function where(anchor: Anchor, sentence: number): string {
  const gap = sentence - anchor.sentence;
  const place = gap === 0 ? 'same sentence' : gap === 1 ? 'previous sentence' : `${gap} sentences earlier`;
  return `(${quoted(anchor.text)}, ${place})`;
}

function shifted(anchor: Anchor, shift: Shift): { edtf: string; words: string; day?: string } {
  if ('days' in shift) {
    const day = addDays(anchor.date, shift.days);
    return { edtf: day, words: describeDay(day), day };
  }
  if ('weeks' in shift) {
    const monday = addDays(startOfIsoWeek(anchor.date), 7 * shift.weeks);
    const sunday = addDays(monday, 6);
    return { edtf: edtfDayRange(monday, sunday), words: describeWeek(monday, sunday) };
  }
  const first = parseCalendarDate(startOfMonthOffset(anchor.date, shift.months));
  if (!first) throw new RangeError(`time: expected a calendar date, got ${JSON.stringify(anchor.date)}`);
  return { edtf: edtfOf({ year: first.year, month: first.month }), words: describeMonth(first.year, first.month) };
}

function relation(shift: Shift): string {
  if ('days' in shift) {
    if (shift.days === 0) return 'the same day as';
    const n = Math.abs(shift.days);
    const side = shift.days > 0 ? 'after' : 'before';
    return n === 1 ? `the day ${side}` : `${n} days ${side}`;
  }
  return 'weeks' in shift ? 'the week after' : 'the month after';
}

function candidate(start: number, end: number, words: string, shift: Shift): Candidate {
  return {
    start,
    end,
    resolve: ({ anchor, sentence }): Resolved | undefined => {
      if (!anchor) return undefined;
      const found = shifted(anchor, shift);
      return {
        edtf: found.edtf,
        kind: 'anaphoric',
        rule: `${quoted(words)} → ${relation(shift)} ${describeDay(anchor.date)} ${where(anchor, sentence)}: ${found.words}`,
        ...(found.day === undefined ? {} : { day: found.day }),
      };
    },
  };
}

// Cheap gate: every pattern below ends in one of these words.
const KEYWORD = /\b(?:day|days|week|weeks|month|hours|minutes|arrival|morning|afternoon|evening|night|before|after)\b/i;

/** Anchor-relative expressions in one sentence, as candidates. */
export function anaphoricCandidates(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  if (!KEYWORD.test(sentence)) return found;
  const add = (match: RegExpExecArray, shift: Shift): void => {
    found.push(candidate(match.index, match.index + match[0].length, match[0], shift));
  };
  for (const match of matchesOf(NEXT_DAY, sentence)) add(match, { days: 1 });
  for (const match of matchesOf(PREVIOUS_DAY, sentence)) add(match, { days: -1 });
  for (const match of matchesOf(SAME_DAY, sentence)) add(match, { days: 0 });
  for (const match of matchesOf(COUNTED, sentence)) {
    const count = countOf(match[1] ?? '');
    if (count === undefined) continue;
    const sign = /later|after/i.test(match[3] ?? '') ? 1 : -1;
    add(match, { days: sign * count * ((match[2] ?? '').toLowerCase() === 'week' ? 7 : 1) });
  }
  for (const match of matchesOf(NEXT_PERIOD, sentence)) {
    add(match, (match[1] ?? '').toLowerCase() === 'week' ? { weeks: 1 } : { months: 1 });
  }
  return found;
}
