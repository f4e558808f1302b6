/**
 * Deadlines: "by 2030", "no later than Nov. 30", "by the end of the year", "within …
 * five-year term that ends in 2030" → an interval with an open start ending at the
 * deadline (`../2030`). The date inside is read by the other finders; this module adds
 * the marker and turns the date into the end of an open interval.
 */
import { parseCalendarDate } from '../../model/calendarDate';
import { edtfOf } from '../../model/edtf';
import type { Candidate, Resolved } from './candidate';
import { COUNT, matchesOf } from './candidate';
import { publishedOn, quoted } from './describe';

const MARKER = /\b(?:by|no\s+later\s+than|not\s+later\s+than)\s+$/i;
const TERM_ENDS = new RegExp(
  `\\b(?:${COUNT}-year\\s+)?(?:term|tenure|presidency|mandate)\\b,?\\s+(?:that|which)\\s+(?:ends|expires|runs\\s+out|concludes|will\\s+end)\\s+in\\s+((?:19|20)\\d{2})\\b`,
  'gi',
);
const END_OF_PERIOD = /\bby\s+(?:the\s+end\s+of\s+(?:the|this)\s+(year|month)|(year|month)[-\s]end|(year|month)'s\s+end)\b/gi;

function openEnded(words: string, end: string, why: string): Resolved {
  return { edtf: `../${end}`, kind: 'deadline', rule: `${quoted(words)} → a deadline: no later than ${end} (${why})` };
}

/** Wraps a candidate preceded by "by" / "no later than" into a deadline; otherwise returns it unchanged. */
export function asDeadline(sentence: string, candidate: Candidate): Candidate {
  const marker = MARKER.exec(sentence.slice(0, candidate.start));
  if (!marker) return candidate;
  const words = sentence.slice(marker.index, candidate.end);
  return {
    start: marker.index,
    end: candidate.end,
    resolve: (context) => {
      const inner = candidate.resolve(context);
      if (!inner) return undefined;
      const end = inner.edtf.split('/').at(-1) ?? inner.edtf;
      return openEnded(words, end, inner.rule);
    },
  };
}

/** Deadlines spelled in full ("term that ends in 2030", "by the end of the year"), as candidates. */
export function deadlineCandidates(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  // Cheap gate: both patterns need one of these words.
  if (!/\b(?:term|tenure|presidency|mandate|by)\b/i.test(sentence)) return found;
  for (const match of matchesOf(TERM_ENDS, sentence)) {
    const year = Number(match[1]);
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      resolve: () => openEnded(match[0], String(year), `the term ends in ${year}`),
    });
  }
  for (const match of matchesOf(END_OF_PERIOD, sentence)) {
    const unit = (match[1] ?? match[2] ?? match[3] ?? 'year').toLowerCase();
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      resolve: ({ reference }) => {
        const parts = parseCalendarDate(reference.date);
        if (!parts) return undefined;
        const end = unit === 'month' ? edtfOf({ year: parts.year, month: parts.month }) : edtfOf({ year: parts.year });
        return openEnded(match[0], end, `the end of the ${unit} of publication, ${publishedOn(reference.date)}`);
      },
    });
  }
  return found;
}
