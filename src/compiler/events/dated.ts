/**
 * One candidate event per dated clause: finds the clause that a time expression
 * belongs to (a verbless "Upon his arrival," leans on the next clause; "during their
 * summit … on Wednesday" is a noun event of its own), its subject (borrowed from an
 * earlier clause or sentence when missing or a pronoun), status, headline and place.
 * The passage is the event's own clause: a participial clause (", disclosing …") stands
 * alone, a reduced relative (", run by …") joins it, a trailing ", saying …" does not.
 */
import type { CalendarDate } from '../../model/calendarDate';
import type { Span } from '../../model/quote';
import type { Status } from '../../model/schema';
import type { Segmentation } from '../segment';
import type { TimeExpression } from '../time/resolveTimes';
import { segmentAt, segmentClauses, type Segment } from './clauses';
import { borrowedSubject, namedParties, namesItsSubject, ownSubject } from './subjects';
import { placeOf } from './place';
import { statusOf } from './status';
import { titleOf } from './title';
import { verbGroups } from './verbs';
import { EVENT_NOUNS, REPORTING } from './vocabulary';

/** A dated clause turned into an event, before named events are linked. */
export type DatedEvent = {
  sentence: number;
  passage: Span;
  /** The clause that governs the date (used to link named events). */
  clause: Span;
  title: string;
  edtf: string;
  status: Status;
  place?: string;
  dateText: string;
  dateRule: string;
  time: TimeExpression;
  caption: boolean;
  /** Spans outside the passage whose actors take part (a pronoun's antecedent). */
  actorSpans?: Span[];
  /** The date is how long the event lasts ("his two-day visit"), not a vague pointer to a day. */
  duration?: boolean;
};

const PAGE_STAMP = /^\s*(?:published|updated|modified|posted|written|last updated|copyright|©)\b|all rights reserved/i;
const CAPTION = /^\s*(?:in\s+)?(?:this|the|a)\s+(?:composite\s+|file\s+)?(?:photo|picture|image)\b|\[[A-Z][A-Z .,&/'-]+\]\s*$/;
const DATELINE_BEFORE = /^(?:[A-Z][A-Z .'-]+,\s*)?$/;
const DATELINE_AFTER = /^\s*(?:\([^)]*\)\s*)?(?:--|[—–-])\s/;
// A reduced relative clause after an object belongs to the clause: "…at a Philadelphia shipyard, run by Hanwha Ocean".
const REDUCED_RELATIVE =
  /^(?:[a-z]+ed|run|led|built|held|made|owned|known|founded|won|set|kept|sold|bought|brought|taught|written|given|taken|chosen|driven|shown|seen)\s+(?:by|in|for|under)\b/;
// Prepositions that end in -ing, which the tagger may read as verbs ("following the talks").
const ING_PREPOSITIONS =
  'during|following|according|including|regarding|concerning|considering|excluding|pending|notwithstanding';
const ING_PREPOSITION = new RegExp(`^(?:${ING_PREPOSITIONS})$`, 'i');
// A participle that opens a clause ("disclosing the new missile …").
const PARTICIPLE = new RegExp(`^(?!(?:${ING_PREPOSITIONS})\\b)[a-z]+ing\\b`);
// A noun event that names its own parties: "discussions between Lee and Trump", "a visit by the Pope".
const OWN_PARTIES = /\b(?:between|among|by|with)\s+(?:the\s+)?[A-Z]/;
const FUNCTION_WORDS =
  /\b(?:upon|on|in|at|during|after|before|since|by|from|to|until|the|a|an|his|her|their|its|our|this|that|of|and|for|meanwhile|also|earlier|later)\b/gi;

/** Whether a sentence is a page stamp ("Published: 27 Oct. 2025") rather than article text. */
export function isPageStamp(sentence: string): boolean {
  return PAGE_STAMP.test(sentence);
}

/** Whether a sentence is a photo caption. */
export function isCaption(sentence: string): boolean {
  return CAPTION.test(sentence);
}

function hasVerb(text: string): boolean {
  return verbGroups(text).some((group) => !ING_PREPOSITION.test(group.text));
}

type Context = { text: string; segmentation: Segmentation; published?: CalendarDate; times: readonly TimeExpression[] };

function timesWithin(times: readonly TimeExpression[], span: Span): TimeExpression[] {
  return times.filter((time) => time.start >= span.start && time.end <= span.end);
}

/** The clause a time belongs to: its own, or the next one when it is a bare adverbial ("Upon his arrival,"). */
function governingClause(text: string, segments: readonly Segment[], index: number, time: TimeExpression) {
  const segment = segments[index] as Segment;
  const withoutTime = segment.text.replace(time.text, ' ');
  const contentless = withoutTime.replace(FUNCTION_WORDS, ' ').trim().length === 0;
  const verbless = !hasVerb(withoutTime);
  let clause: Span = segment;
  let last = index;
  const nominal = !contentless && verbless && EVENT_NOUNS.test(withoutTime);
  if (contentless || (verbless && !nominal)) {
    const neighbour = segments[index + 1] ?? segments[index - 1];
    if (neighbour) {
      clause = { start: Math.min(segment.start, neighbour.start), end: Math.max(segment.end, neighbour.end) };
      last = Math.max(index, segments.indexOf(neighbour));
    }
  }
  // A reporting verb's date covers what was reported: "said … the following day that he has given …".
  let end = clause.end;
  let next = last + 1;
  if (REPORTING.test(text.slice(clause.start, clause.end)))
    for (; next < segments.length && /^that\b/i.test(segments[next]?.text ?? ''); next++) end = segments[next]?.end ?? end;
  for (; next < segments.length && REDUCED_RELATIVE.test(segments[next]?.text ?? ''); next++) end = segments[next]?.end ?? end;
  return { clause: { start: clause.start, end }, nominal, next };
}

const LEG =
  /\b(?:the\s+)?(final|last|first|opening)\s+(?:leg|stop)\s+of\s+(?:his|her|their|its)\s+((?:[A-Z][\p{L}-]*\s+)*)(swing|trip|tour|journey)\b/u;

/** "…for his two-day visit, the final leg of his Asia swing" → the trip, open at its other end. */
function tripEvent(text: string, sentence: Span, visit: DatedEvent, subject: string | undefined): DatedEvent | undefined {
  const match = LEG.exec(text.slice(sentence.start, sentence.end));
  const [start, end] = visit.edtf.split('/');
  if (!match || start === undefined || end === undefined || subject === undefined) return undefined;
  const final = /final|last/i.test(match[1] ?? '');
  const { place: _place, ...rest } = visit;
  return {
    ...rest,
    passage: { start: sentence.start, end: sentence.end },
    title: `${subject}'s ${(match[2] ?? '').trim()} ${match[3] ?? ''}`.replace(/\s+/g, ' '),
    edtf: final ? `../${end}` : `${start}/..`,
    dateText: match[0],
    dateRule: `the trip ${final ? 'ends' : 'begins'} with ${JSON.stringify(visit.time.text)} (${visit.time.rule})`,
  };
}

/**
 * The passage of a verbless noun event: the phrase itself, from the word that introduces it to
 * its date ("following discussions between Lee and Trump in their summit talks last week"),
 * plus the clause after it when that clause names the parties ("during their summit …, Lee asked Trump …").
 */
function nominalPassage(phrase: string, governing: Span, after: Segment | undefined): Span {
  if (OWN_PARTIES.test(phrase) || after === undefined) return governing;
  return { start: governing.start, end: after.end };
}

/** The named parties of the clause after a noun event ("during their summit …, Lee asked Trump …"). */
function partiesAfter(segments: readonly Segment[], clause: Span): string[] {
  const next = segments.find((segment) => segment.start >= clause.end);
  return next ? namedParties(next) : [];
}

/** Candidate events for the times of one sentence. */
export function datedEvents(context: Context, sentence: number): DatedEvent[] {
  const { text } = context;
  const span = context.segmentation.sentences[sentence];
  if (!span || isPageStamp(text.slice(span.start, span.end))) return [];
  // "This year's meeting" names an event dated elsewhere; the possessive dates nothing itself,
  // and a dateline ("SEOUL, Nov. 5 (Yonhap) --") dates the report, not an event.
  const times = context.times.filter(
    (time) =>
      time.sentence === sentence &&
      !/^['’]s\b/.test(text.slice(time.end, time.end + 3)) &&
      !(DATELINE_BEFORE.test(text.slice(span.start, time.start)) && DATELINE_AFTER.test(text.slice(time.end, time.end + 60))),
  );
  if (times.length === 0) return [];
  const segments = segmentClauses(text, span, times);
  const caption = isCaption(text.slice(span.start, span.end));
  const events: DatedEvent[] = [];
  const usedClauses = new Set<number>();
  for (const time of times) {
    const index = segmentAt(segments, time.start);
    if (index < 0) continue;
    const { clause: governing, nominal, next } = governingClause(text, segments, index, time);
    const inClause = timesWithin(times, governing);
    const spanTime = time.kind === 'span' && inClause.some((other) => other !== time && other.kind !== 'span');
    if (!spanTime) {
      if (usedClauses.has(governing.start)) continue;
      usedClauses.add(governing.start);
    }
    const words = text.slice(governing.start, governing.end);
    const own = ownSubject({ ...governing, text: words });
    const borrowed =
      own || nominal || namesItsSubject({ ...governing, text: words })
        ? undefined
        : borrowedSubject(text, context.segmentation, sentence, segments, segmentAt(segments, governing.start));
    const subject = (own ?? borrowed)?.text;
    const published = context.published === undefined ? {} : { published: context.published };
    const status = statusOf({ clause: words, edtf: time.edtf, kind: time.kind, ...published });
    if (status === undefined) continue;
    const place = placeOf(
      words,
      inClause.map((t) => t.text),
    );
    const title = spanTime
      ? `${subject ?? ''}'s ${time.text.replace(/^(?:his|her|their|its|the|a)\s+/i, '')}${place ? ` to ${place}` : ''}`
      : titleOf({
          clause: words,
          remove: inClause.map((t) => t.text),
          ...(subject ? { subject } : {}),
          ...(nominal ? { participants: partiesAfter(segments, governing) } : {}),
          status,
        });
    // A headline of one word ("Takes") means the clause was not understood: no event.
    if (title === undefined || !/\S\s+\S/.test(title)) continue;
    // A participial clause ("…, disclosing X during a parade last month") is an event clause of its
    // own: its passage is that clause, and only the subject it borrows takes part, not the main clause's objects.
    const participial = borrowed?.sameSentence === true && PARTICIPLE.test(words);
    const start = borrowed?.sameSentence && !participial ? borrowed.clauseStart : governing.start;
    const actorSpans = borrowed && (!borrowed.sameSentence || participial) ? [borrowed.span] : undefined;
    const event: DatedEvent = {
      sentence,
      passage: nominal ? nominalPassage(words, governing, segments[next]) : { start, end: governing.end },
      clause: governing,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      edtf: time.edtf,
      status,
      ...(place ? { place } : {}),
      dateText: time.text,
      dateRule: time.rule,
      time,
      caption,
      // "Upon his arrival, he visited …": the antecedent of "he" takes part too.
      ...(actorSpans ? { actorSpans } : {}),
      ...(time.kind === 'span' ? { duration: true } : {}),
    };
    events.push(event);
    if (spanTime) {
      const trip = tripEvent(text, span, event, subject);
      if (trip) events.push(trip);
    }
  }
  return events;
}
