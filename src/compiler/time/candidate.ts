/**
 * The shape shared by the finders of the time stage: a candidate is a span of one
 * sentence (offsets local to that sentence) plus a resolver that turns it into EDTF once
 * the context — the publication date and the last day the text named — is known.
 */
import type { CalendarDate } from '../../model/calendarDate';
import type { Reference, TimeKind } from './resolveTimes';

/** The most recent day-precision date the text gave, for "the following day" and kin. */
export type Anchor = { date: CalendarDate; text: string; sentence: number };

/** What a resolver may look at. */
export type ResolveContext = {
  reference: Reference;
  sentence: number;
  anchor: Anchor | undefined;
  /** The single days this sentence named, with their local start, for "his two-day visit" (second pass). */
  sentenceDays?: { anchor: Anchor; start: number }[];
};

/** A resolved expression; `day` is set when it names exactly one day (it can anchor what follows). */
export type Resolved = { edtf: string; rule: string; kind: TimeKind; day?: CalendarDate };

/** A found expression whose date is not worked out yet. */
export type Candidate = {
  start: number;
  end: number;
  /** When the words name a weekday, 0 = Sunday … 6 = Saturday (for "Sunday … through Tuesday"). */
  weekday?: number;
  /** Resolved after the sentence's other expressions, because it needs `sentenceDays`. */
  needsSentenceDay?: boolean;
  resolve: (context: ResolveContext) => Resolved | undefined;
};

/** Word numbers news copy spells out. */
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/** Regex source matching a count: digits or a spelled-out number. */
export const COUNT = `(?:\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;

/** The value of a count matched by `COUNT`, or undefined. */
export function countOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  return NUMBER_WORDS[lower];
}

/** Every match of a global regex in `text`, as an array. */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let match = global.exec(text); match; match = global.exec(text)) {
    found.push(match);
    if (match[0].length === 0) global.lastIndex += 1;
  }
  return found;
}
