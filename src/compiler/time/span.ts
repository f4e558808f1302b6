/**
 * Spans of days: "his two-day visit" / "a three-day trip" in a sentence that also names
 * a day D → D/D+(N−1) (with no such day, nothing: the span alone is a duration), and
 * "commenced Sunday … runs through Tuesday" → from the first day to the first such
 * weekday on or after it.
 */
import { addDays } from '../../model/calendarDate';
import { edtfDayRange } from '../../model/edtf';
import type { Candidate, Resolved, ResolveContext } from './candidate';
import { COUNT, countOf, matchesOf } from './candidate';
import { describeDay, quoted } from './describe';
import { onOrAfterWeekday } from './weekday';

const N_DAY = new RegExp(
  `\\b(${COUNT})-day\\s+(?:state\\s+|official\\s+|working\\s+)?(?:visit|trip|tour|stay|summit|meeting|conference|festival|fair|talks|journey|swing|session|hearing|trial|tournament|exercises?|drills?|strike|walkout|ceremony|celebration|forum|event|retreat|cleanup|operation|mission|campaign)\\b`,
  'gi',
);
// "a three-day cleanup that starts on Jan. 6": a day introduced like this is the span's start.
const STARTS_AT =
  /^\s*(?:(?:that|which)\s+)?(?:starts|starting|started|begins|beginning|began|opens|opening|opened|from)\s+(?:on\s+)?$/i;
const THROUGH_GAP = /^(?:[^.;!?]{0,60}?\s)?(?:through|thru|until|till)\s+(?:on\s+)?$/i;

/** "two-day visit" and kin, dated from the day said to start it, or else the sentence's first single day. */
export function nDaySpanCandidates(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of matchesOf(N_DAY, sentence)) {
    const days = countOf(match[1] ?? '');
    if (days === undefined || days < 2) continue;
    const words = match[0];
    found.push({
      start: match.index,
      end: match.index + words.length,
      needsSentenceDay: true,
      resolve: ({ sentenceDays = [] }): Resolved | undefined => {
        const end = match.index + words.length;
        const sentenceDay = (
          sentenceDays.find(({ start }) => start >= end && STARTS_AT.test(sentence.slice(end, start))) ?? sentenceDays[0]
        )?.anchor;
        if (!sentenceDay) return undefined;
        const last = addDays(sentenceDay.date, days - 1);
        return {
          edtf: edtfDayRange(sentenceDay.date, last),
          kind: 'span',
          rule: `${quoted(words)} starting ${describeDay(sentenceDay.date)} (${quoted(sentenceDay.text)}, same sentence) → ${days} days: ${describeDay(sentenceDay.date)} – ${describeDay(last)}`,
        };
      },
    });
  }
  return found;
}

/** Joins "Sunday … through Tuesday" pairs of chosen candidates (sorted, non-overlapping) into spans. */
export function joinThroughSpans(sentence: string, chosen: Candidate[]): Candidate[] {
  const joined: Candidate[] = [];
  for (const candidate of chosen) {
    const previous = joined.at(-1);
    const target = candidate.weekday;
    if (!previous || target === undefined || !THROUGH_GAP.test(sentence.slice(previous.end, candidate.start))) {
      joined.push(candidate);
      continue;
    }
    const words = sentence.slice(previous.start, candidate.end);
    joined[joined.length - 1] = {
      start: previous.start,
      end: candidate.end,
      resolve: (context: ResolveContext): Resolved | undefined => {
        const from = previous.resolve(context);
        if (from?.day === undefined) return undefined;
        const to = onOrAfterWeekday(from.day, target);
        return {
          edtf: edtfDayRange(from.day, to),
          kind: 'span',
          rule: `${quoted(words)}: from ${describeDay(from.day)} (${from.rule}) through the first such weekday on or after it, ${describeDay(to)}`,
        };
      },
    };
  }
  return joined;
}
