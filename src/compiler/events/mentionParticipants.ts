/**
 * Who takes part in a named event according to a sentence that only mentions it (its date
 * comes from elsewhere). The announcer of an event is a source of information, not a
 * participant, and what follows the name is about something else ("will co-chair the SCM
 * and applaud Seoul's willingness …"), so only the words that lead up to the name count:
 * from the start of its clause, or from just after a reporting verb in that clause.
 */
import type { Span } from '../../model/quote';
import { segmentAt, segmentClauses } from './clauses';
import { REPORTING } from './vocabulary';

const REPORTING_ALL = new RegExp(REPORTING.source, 'gi');

/** The span whose actors take part in `mention`'s event, within `sentence`. */
export function mentionParticipants(text: string, sentence: Span, mention: Span): Span {
  const segments = segmentClauses(text, sentence);
  const segment = segments[segmentAt(segments, mention.start)] ?? sentence;
  const lead = text.slice(segment.start, mention.start);
  // "The ministry announced Hegseth's attendance at the SCM": the phrase after the last reporting verb.
  const reported = [...lead.matchAll(REPORTING_ALL)].pop();
  const start = reported === undefined ? segment.start : segment.start + (reported.index ?? 0) + reported[0].length;
  return { start, end: mention.end };
}
