/**
 * Runs chrono-node over one sentence and keeps what it reads well: dates spelled with
 * a month ("Nov. 4", "Oct. 10, 2017", "Aug. 22–Sept. 1") and weekday names ("on
 * Wednesday", "Monday afternoon", "last Tuesday", "Monday to Wednesday"). Its casual
 * readings ("this month", "in eight years", times of day) are dropped: the news rules
 * for those live in relative.ts, and durations are not dates.
 */
import * as chrono from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';
import type { CalendarDate } from '../../model/calendarDate';
import { parseCalendarDate } from '../../model/calendarDate';
import { absoluteCandidate, MONTH_WORDS, spellsCalendarDate } from './absolute';
import type { Candidate } from './candidate';
import { weekdayCandidate, weekdayRangeCandidate } from './weekdayCandidates';

const WEEKDAY_WORD = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
// Cheap gate: chrono is the slow part, and most sentences name no month or weekday.
const WORTH_PARSING = new RegExp(`${MONTH_WORDS.source}|${WEEKDAY_WORD.source}|\\d{4}-\\d{2}-\\d{2}|\\d/\\d`);

/**
 * chrono's casual English parsers minus those whose readings this stage never keeps
 * (durations, "this month", "today", bare times of day): about four times faster.
 */
const DROPPED_PARSERS = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
  'ENRelativeDateFormatParser',
  'ENCasualDateParser',
  'ENEndOfCurrentMonthParser',
  'ENTimeExpressionParser',
]);
const NEWS_CHRONO = chrono.casual.clone();
NEWS_CHRONO.parsers = NEWS_CHRONO.parsers.filter((parser) => !DROPPED_PARSERS.has(parser.constructor.name));

/**
 * chrono needs an instant to read against. It only fills components the words leave
 * open, and this module reads only the components chrono marks certain, so the choice
 * of instant (local noon of the publication day) cannot change any result.
 */
function chronoReference(date: CalendarDate): Date {
  const parts = parseCalendarDate(date);
  if (!parts) throw new RangeError(`time: expected the publication date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return new Date(parts.year, parts.month - 1, parts.day, 12);
}

/**
 * chrono reads "Feb. 28 amid" as the time "28 am" and then drops the date, so words that
 * merely start with "am"/"pm" are masked. The mask keeps every length, so offsets hold.
 */
function maskFalseMeridiems(sentence: string): string {
  return sentence.replace(/\b([ap])(m[a-z])/gi, (_match, _letter: string, rest: string) => `x${rest}`);
}

function trimmedLength(words: string): number {
  return words.replace(/[\s,;:]+$/, '').length;
}

/**
 * chrono sometimes glues a time-of-day word to a date and loses the date ("the night on
 * Dec. 31" → "night on Dec. 31" with no month). Such a result is read again from its
 * month name, with offsets shifted back into the sentence.
 */
function withMonthRecovered(
  sentence: string,
  result: ParsedResult,
  reference: Date,
): { result: ParsedResult; start: number } | undefined {
  if (result.start.isCertain('month')) return { result, start: result.index };
  const month = MONTH_WORDS.exec(result.text);
  if (!month) return undefined;
  const offset = result.index + month.index;
  const again = NEWS_CHRONO.parse(sentence.slice(offset), reference)[0];
  if (again?.index !== 0 || !again.start.isCertain('month')) return undefined;
  return { result: again, start: offset };
}

/** Month-name and weekday candidates chrono finds in one sentence. */
export function chronoCandidates(sentence: string, published: CalendarDate): Candidate[] {
  if (!WORTH_PARSING.test(sentence)) return [];
  const found: Candidate[] = [];
  const masked = maskFalseMeridiems(sentence);
  const reference = chronoReference(published);
  for (const parsed of NEWS_CHRONO.parse(masked, reference)) {
    const words = sentence.slice(parsed.index, parsed.index + trimmedLength(parsed.text));
    if (spellsCalendarDate(words)) {
      const recovered = withMonthRecovered(masked, parsed, reference);
      if (!recovered) continue;
      const { result, start } = recovered;
      const candidate = absoluteCandidate(sentence, result, start, start + trimmedLength(result.text));
      if (candidate) found.push(candidate);
      continue;
    }
    const start = parsed.index;
    const end = start + trimmedLength(parsed.text);
    if (!WEEKDAY_WORD.test(words) || !parsed.start.isCertain('weekday')) continue;
    const candidate =
      parsed.end?.isCertain('weekday') === true
        ? weekdayRangeCandidate(sentence, parsed, start, end)
        : weekdayCandidate(sentence, parsed, start, end);
    if (candidate) found.push(candidate);
  }
  return found;
}
