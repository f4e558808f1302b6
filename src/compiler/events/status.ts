/**
 * Status of a dated clause (occurred / scheduled / goal), read from the words that
 * govern the date, or no status at all when the clause is speculation or a habit and
 * so not an event (ANNOTATION.md). The publication date breaks ties for clauses whose
 * verbs say nothing about time ("their summit on Wednesday").
 */
import type { CalendarDate } from '../../model/calendarDate';
import { edtfBounds, parseEdtf } from '../../model/edtf';
import type { Status } from '../../model/schema';
import type { TimeKind } from '../time/resolveTimes';
import { verbGroups } from './verbs';

export type StatusInput = {
  /** The clause that governs the date. */
  clause: string;
  edtf: string;
  kind: TimeKind;
  /** The publication date, when known. */
  published?: CalendarDate;
};

const HABITUAL =
  /\b(?:usually|typically|normally|generally|routinely|often|always|customarily|(?:every|each)\s+(?:year|month|week|day|spring|summer|autumn|fall|winter))\b/i;

// Forecasts and guesses are not events; "is expected to" alone is a schedule (ANNOTATION.md),
// "widely expected to" and "likely to" are speculation.
// Modals are matched case-sensitively and before a word, so the month "May 3" is no guess.
const MODAL = /\b(?:may|might|could|would)\s+(?!have\s+been\b)[a-z]/;
const SPECULATION =
  /\b(?:likely|unlikely|widely\s+expected|forecasts?|forecasted|predicts?|predicted|speculat\w*|possible|possibly|possibility|perhaps|rumou?r\w*)\b/i;

// Reported future: "said they would appeal next month" reports a plan, as "will" does in
// direct speech, so its "would" is no guess. Only right after a reporting verb and its subject.
const REPORTED_FUTURE =
  /\b(?:said|says|told\s+\w+|announced|confirmed|added)\s+(?:that\s+)?(?:he|she|it|they|we|I|(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)\s+would\s+(?!have\b|not\b|never\b|likely\b|probably\b)/u;

const GOAL = /\b(?:vow|pledg|aim|promis|commit|seek|sought|striv|strove|target|goal|determined|resolv|intend)\w*/i;

const SCHEDULED =
  /\b(?:will|shall|won't|(?:is|are|was|were|be|been|being)\s+(?:set|scheduled|slated|due|expected|poised|going)\s+to|scheduled\s+(?:to|for)|slated\s+(?:to|for)|plan(?:s|ned|ning)?\s+to|expect(?:s|ed)?\s+to|to\s+be\s+held|upcoming|forthcoming|(?:is|are)\s+to\s+(?!be\b)\w+)\b|'ll\b/i;

const PROGRESSIVE = /\b(?:is|are|am)\s+\w+ing\b/i;

function isAfter(edtf: string, published: CalendarDate | undefined): boolean {
  if (published === undefined) return false;
  const parsed = parseEdtf(edtf);
  if (!parsed.ok) return false;
  const { start } = edtfBounds(parsed.value);
  return start !== null && start > published;
}

/** The status of the event a dated clause states, or undefined when the clause states no event. */
export function statusOf({ clause, edtf, kind, published }: StatusInput): Status | undefined {
  const reported = REPORTED_FUTURE.exec(clause);
  // The modal test reads only the words after a reported "would": "said it would appeal, but could …" is still a guess.
  const hedged = reported ? MODAL.test(clause.slice(reported.index + reported[0].length)) : MODAL.test(clause);
  if (HABITUAL.test(clause) || hedged || SPECULATION.test(clause)) return undefined;
  if (reported) return GOAL.test(clause) && (kind === 'deadline' || isAfter(edtf, published)) ? 'goal' : 'scheduled';
  const future = isAfter(edtf, published);
  if (GOAL.test(clause) && (kind === 'deadline' || future)) return 'goal';
  if (SCHEDULED.test(clause)) return 'scheduled';
  const verbs = verbGroups(clause);
  if (verbs.some((verb) => verb.tense === 'PastTense' && !verb.isInfinitive)) return 'occurred';
  if (PROGRESSIVE.test(clause)) return future ? 'scheduled' : 'occurred';
  if (kind === 'deadline') return 'goal';
  return future ? 'scheduled' : 'occurred';
}
