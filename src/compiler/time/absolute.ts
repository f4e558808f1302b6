/**
 * Dates written with a month name or in numbers ("Nov. 4", "27 Oct. 2025",
 * "October 2017", "Aug. 22–Sept. 1", "the week of Nov. 10", "2025-11-04").
 * chrono-node finds and reads them; this module keeps only the components chrono marks
 * certain (the words as written) and supplies a missing year by the nearest-year rule,
 * so the result never depends on chrono's reference instant or the machine's zone.
 */
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { addDays, formatCalendarDate, isValidParts, startOfIsoWeek } from '../../model/calendarDate';
import { edtfDayRange, edtfOf } from '../../model/edtf';
import type { Candidate, Resolved, ResolveContext } from './candidate';
import { describeDay, describeMonth, describeWeek, publishedOn, quoted } from './describe';
import { leadIn } from './leadIn';
import { nearestYear } from './nearestYear';
import { tenseAround } from './tense';

type Parts = { year?: number; month: number; day?: number };
type Dated = { year: number; month: number; day?: number };

// A month name as news copy writes it: capitalised, abbreviations with their period.
export const MONTH_WORDS =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|Sept)(?![a-z])/;
const NUMERIC_DATE = /\d{4}-\d{2}-\d{2}|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

/** Whether chrono's words really spell a calendar date (not "may" the verb, not "this month"). */
export function spellsCalendarDate(words: string): boolean {
  return MONTH_WORDS.test(words) || NUMERIC_DATE.test(words);
}

const WEEK_OF = /\bthe\s+week\s+of\s+$/i;
const MONTH_ONLY_BEFORE = /\b(?:by|until|till|before|after|from|through|of|last|next|this)\s+$/i;

function certainParts(components: ParsedComponents): Parts | undefined {
  const month = components.isCertain('month') ? components.get('month') : null;
  if (month === null) return undefined;
  const year = components.isCertain('year') ? components.get('year') : null;
  const day = components.isCertain('day') ? components.get('day') : null;
  return { month, ...(year === null ? {} : { year }), ...(day === null ? {} : { day }) };
}

function fillYear(parts: Parts, year: number): Dated | undefined {
  const filled = { ...parts, year: parts.year ?? year };
  if (filled.day !== undefined && !isValidParts({ year: filled.year, month: filled.month, day: filled.day })) return undefined;
  return filled;
}

function describeParts(parts: Dated): string {
  return parts.day === undefined
    ? describeMonth(parts.year, parts.month)
    : describeDay(formatCalendarDate({ year: parts.year, month: parts.month, day: parts.day }));
}

/** What the words say beyond the date itself. */
type Wording = { words: string; yearNote: string; approximate: boolean; part?: string | undefined; weekOf: boolean };

function rangeResult(from: Dated, second: Parts, wording: Wording): Resolved | undefined {
  // "Aug. 22–Sept. 1": the end takes the start's year, or the next if it would run backwards.
  let to = fillYear(second, from.year);
  if (to && (to.month < from.month || (to.month === from.month && (to.day ?? 0) < (from.day ?? 0))))
    to = fillYear(second, from.year + 1);
  if (!to) return undefined;
  const qualifiers = { approximate: wording.approximate };
  return {
    edtf: `${edtfOf(from, qualifiers)}/${edtfOf(to, qualifiers)}`,
    kind: 'span',
    rule: `${quoted(wording.words)}${wording.yearNote}${wording.approximate ? ', approximately' : ''} → from ${describeParts(from)} to ${describeParts(to)}`,
  };
}

function singleResult(from: Dated, wording: Wording): Resolved {
  const day = from.day === undefined ? undefined : formatCalendarDate({ ...from, day: from.day });
  if (wording.weekOf && day !== undefined) {
    // "the week of Nov. 10" is that day's Monday–Sunday week.
    const monday = startOfIsoWeek(day);
    const sunday = addDays(monday, 6);
    return {
      edtf: edtfDayRange(monday, sunday),
      kind: 'span',
      rule: `${quoted(wording.words)}${wording.yearNote}: ${describeWeek(monday, sunday)}`,
    };
  }
  const approx = wording.approximate ? ', approximately' : '';
  const part = wording.part === undefined ? '' : ` (“${wording.part}” keeps it within the period)`;
  return {
    edtf: edtfOf(from, { approximate: wording.approximate }),
    kind: 'absolute',
    rule: `${quoted(wording.words)}${wording.yearNote}${approx}${part}: ${describeParts(from)}`,
    // An approximate day ("around Aug. 3") is no anchor for "the following day".
    ...(day === undefined || wording.approximate ? {} : { day }),
  };
}

/** A chrono result that names a month (with or without day, year, or a second date) as a candidate. */
export function absoluteCandidate(sentence: string, result: ParsedResult, start: number, end: number): Candidate | undefined {
  const first = certainParts(result.start);
  if (!first) return undefined;
  const second = result.end ? certainParts(result.end) : undefined;
  const lead = leadIn(sentence, start);
  const monthAlone = first.day === undefined && first.year === undefined && !second;
  // A month name alone is a date only after a preposition: "in March", not "April Ryan said".
  if (monthAlone && lead.start === start && !MONTH_ONLY_BEFORE.test(sentence.slice(0, start))) return undefined;
  const weekOf = first.day !== undefined && !second ? WEEK_OF.exec(sentence.slice(0, lead.start)) : null;
  const begin = weekOf ? weekOf.index : lead.start;
  const tense = tenseAround(sentence, begin, end).tense;
  // "Dec. 24–Jan. 2, 2026": a year written on the end dates the start too.
  const endYear = second?.year;
  const yearFromEnd = endYear === undefined ? undefined : endYear - (second !== undefined && second.month < first.month ? 1 : 0);
  const resolve = ({ reference }: ResolveContext): Resolved | undefined => {
    const implied = yearFromEnd ?? nearestYear(reference.date, first.month, first.day, tense);
    const from = implied === undefined ? undefined : fillYear(first, implied);
    if (!from) return undefined;
    const wording: Wording = {
      words: sentence.slice(begin, end),
      yearNote:
        first.year !== undefined || endYear !== undefined
          ? ' as written'
          : `, no year given, ${publishedOn(reference.date)} → the nearest such date`,
      approximate: lead.approximate,
      part: lead.part,
      weekOf: weekOf !== null,
    };
    return second ? rangeResult(from, second, wording) : singleResult(from, wording);
  };
  return { start: begin, end, resolve };
}
