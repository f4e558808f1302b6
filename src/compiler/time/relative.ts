/**
 * Expressions relative to the publication day: "today", "yesterday", "tomorrow",
 * "last/this/next week" (the Monday–Sunday week as an interval), "last/this/next month",
 * "earlier/later this month" (that month), "last/this/next year", "earlier/later this
 * year", and "N days/weeks/months/years ago". Each keeps the precision of its words.
 */
import { addDays, type CalendarDate, parseCalendarDate, startOfIsoWeek, startOfMonthOffset } from '../../model/calendarDate';
import { edtfDayRange, edtfOf } from '../../model/edtf';
import type { Candidate, Resolved } from './candidate';
import { COUNT, countOf, matchesOf } from './candidate';
import { describeDay, describeMonth, describeWeek, publishedOn, quoted } from './describe';
import { leadIn } from './leadIn';

type Unit = 'day' | 'week' | 'month' | 'year';

const DAY_WORDS: Record<string, number> = {
  today: 0,
  tonight: 0,
  'this morning': 0,
  'this afternoon': 0,
  'this evening': 0,
  yesterday: -1,
  'last night': -1,
  'the day before yesterday': -2,
  tomorrow: 1,
  'the day after tomorrow': 2,
};

const DAY_WORD =
  /\b(the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))\b/gi;
const NAMED_PERIOD = /\b(?:(earlier|later)\s+)?(this|last|next|previous)\s+(week|month|year)\b/gi;
const AGO = new RegExp(`\\b(${COUNT})\\s+(day|week|month|year)s?\\s+ago\\b`, 'gi');

/** The period `offset` units away from the one containing `published`. */
function period(published: CalendarDate, unit: Unit, offset: number): { edtf: string; words: string; day?: CalendarDate } {
  if (unit === 'day') {
    const day = addDays(published, offset);
    return { edtf: day, words: describeDay(day), day };
  }
  if (unit === 'week') {
    const monday = addDays(startOfIsoWeek(published), 7 * offset);
    const sunday = addDays(monday, 6);
    return { edtf: edtfDayRange(monday, sunday), words: describeWeek(monday, sunday) };
  }
  const first = parseCalendarDate(startOfMonthOffset(published, unit === 'month' ? offset : 0));
  if (!first) throw new RangeError(`time: expected a calendar date, got ${JSON.stringify(published)}`);
  if (unit === 'month')
    return { edtf: edtfOf({ year: first.year, month: first.month }), words: describeMonth(first.year, first.month) };
  const year = first.year + offset;
  return { edtf: edtfOf({ year }), words: `the year ${year}` };
}

function candidate(sentence: string, start: number, end: number, unit: Unit, offset: number, why: string): Candidate {
  const lead = leadIn(sentence, start, false);
  const words = sentence.slice(lead.start, end);
  return {
    start: lead.start,
    end,
    resolve: ({ reference }): Resolved => {
      const found = period(reference.date, unit, offset);
      const part = lead.part === undefined ? '' : ` (“${lead.part}” keeps it within that ${unit})`;
      return {
        edtf: found.edtf,
        kind: 'relative',
        rule: `${quoted(words)} ${publishedOn(reference.date)} → ${why}: ${found.words}${part}`,
        ...(found.day === undefined ? {} : { day: found.day }),
      };
    },
  };
}

/** Publication-relative expressions in one sentence, as candidates. */
export function relativeCandidates(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of matchesOf(DAY_WORD, sentence)) {
    const word = (match[1] ?? '').toLowerCase();
    const offset = DAY_WORDS[word] ?? 0;
    const why =
      offset === 0
        ? 'the publication day'
        : `${Math.abs(offset)} day${Math.abs(offset) > 1 ? 's' : ''} ${offset < 0 ? 'before' : 'after'} publication`;
    found.push(candidate(sentence, match.index, match.index + match[0].length, 'day', offset, why));
  }
  for (const match of matchesOf(NAMED_PERIOD, sentence)) {
    const side = match[1]?.toLowerCase();
    const which = (match[2] ?? '').toLowerCase();
    const unit = (match[3] ?? 'year').toLowerCase() as Unit;
    const offset = which === 'last' || which === 'previous' ? -1 : which === 'next' ? 1 : 0;
    const why =
      offset === 0
        ? `${side === undefined ? '' : `“${side}” within `}the ${unit} of publication`
        : `the ${unit} ${offset < 0 ? 'before' : 'after'} publication`;
    found.push(candidate(sentence, match.index, match.index + match[0].length, unit, offset, why));
  }
  for (const match of matchesOf(AGO, sentence)) {
    const count = countOf(match[1] ?? '');
    const unit = (match[2] ?? 'day').toLowerCase() as Unit;
    if (count === undefined) continue;
    const why = `${count} ${unit}${count > 1 ? 's' : ''} before publication`;
    found.push(candidate(sentence, match.index, match.index + match[0].length, unit, -count, why));
  }
  return found;
}
