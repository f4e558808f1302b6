/**
 * Bare years ("in 2030", "since 2017", "the 2022 election", "in about 1998"), kept apart
 * from amounts that happen to have four digits ("$2025", "2,030", "2030 troops"), from
 * numbered things ("Resolution 2231", "session 2011") and from bounds that are not an
 * event's date ("until 2030", "before 2030").
 */
import { edtfOf } from '../../model/edtf';
import type { Candidate } from './candidate';
import { matchesOf } from './candidate';
import { quoted } from './describe';
import { leadIn } from './leadIn';

// A year on its own, 1900–2099, that is not an amount ("$2025", "2,030", "2030 troops").
const BARE_YEAR =
  /\b(19\d{2}|20\d{2})\b(?![,.]?\d|%|-\d|\s*(?:percent|people|troops|soldiers|won|dollars|yen|euros|km|miles|tons|votes|units|times)\b)/g;
const NOT_A_YEAR_BEFORE = /(?:[$€£¥#№]|\d[,.]?|\bNo\.\s?|\b(?:before|after|until|till|some|(?:more|less|fewer)\s+than)\s+)$/i;
// A noun that numbers things makes the number a label, not a year: "Resolution 2231", "session 2011", "Flight 2019".
const NUMBERED_BY =
  /\b(?:session|resolution|article|bill|act|flight|room|route|highway|page|chapter|section|paragraph|clause|annex|model|unit|gate|platform|bus|line|form|item|case|docket|lot|ticket|district|precinct|suite|building|block|exit|channel|division|battalion|regiment|squadron|brigade|volume|version|episode|patch|rule|number)\s+$/i;

/** Bare years ("in 2030", "since 2017", "the 2022 election") as candidates. */
export function yearCandidates(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of matchesOf(BARE_YEAR, sentence)) {
    const before = sentence.slice(0, match.index);
    if (NOT_A_YEAR_BEFORE.test(before) || NUMBERED_BY.test(before)) continue;
    const year = Number(match[1]);
    const end = match.index + match[0].length;
    const lead = leadIn(sentence, match.index);
    const words = sentence.slice(lead.start, end);
    found.push({
      start: lead.start,
      end,
      resolve: () => ({
        edtf: edtfOf({ year }, { approximate: lead.approximate }),
        kind: 'absolute',
        rule: `${quoted(words)}: the year ${year}${lead.approximate ? ', approximately' : ''}${
          lead.part === undefined ? '' : ` (“${lead.part}” keeps it within the year)`
        }`,
      }),
    });
  }
  return found;
}
