/**
 * Stage `events`: sentences and their resolved times → candidate events, one per
 * clause with a resolvable time and one per mention of a named event. A named event
 * takes its date from any mention that has one in the same article: from its own
 * clause ("…the 57th SCM in Seoul on Nov. 4") or from the neighbouring sentence that
 * dates the same kind of happening ("…set to hold their annual security talks … on
 * Tuesday." then "…will hold the 57th SCM…"); a mention with no date of its own adds a
 * passage, and takes its participants only from the words that lead up to the name.
 * Passages are offsets into the cleaned text.
 */
import type { Span } from '../model/quote';
import type { Status } from '../model/schema';
import type { Segmentation } from './segment';
import type { Reference, TimeExpression } from './time/resolveTimes';
import { datedEvents, isPageStamp, type DatedEvent } from './events/dated';
import { findNamedEvents, sameFamily, type NamedMention } from './events/namedEvents';
import { legEvents } from './events/legs';
import { mentionParticipants } from './events/mentionParticipants';

export type CandidateEvent = {
  /** Index into `Segmentation.sentences`. */
  sentence: number;
  /** The passage that states the event: a sentence or clause, offsets into the cleaned text. */
  passage: Span;
  /** Short headline: who did what. */
  title: string;
  edtf: string;
  status: Status;
  place?: string;
  /** Words that gave the date and the rule, from the time stage. */
  dateText?: string;
  dateRule?: string;
  /** Normalised name of a named event ("57th security consultative meeting"), for merging. */
  name?: string;
  /** True when the passage is a photo caption: merge folds it into the event it pictures. */
  caption?: boolean;
  /** Spans outside the passage whose actors take part too (the antecedent of "he" in "he visited …"). */
  actorSpans?: Span[];
  /**
   * When set, only actors inside these spans (and `actorSpans`) take part, not everyone in the
   * passage: a sentence that only mentions a named event dated elsewhere ("the Pentagon announced
   * Hegseth's attendance at the SCM") adds a passage, and only the words around the name add actors.
   */
  participantSpans?: Span[];
  /** True when the date is how long the event lasts ("his two-day visit"): merge then needs the same interval. */
  duration?: boolean;
};

function toCandidate(event: DatedEvent, named?: NamedMention): CandidateEvent {
  return {
    sentence: event.sentence,
    passage: event.passage,
    title: named ? named.display : event.title,
    edtf: event.edtf,
    status: event.status,
    ...(event.place ? { place: event.place } : {}),
    dateText: event.dateText,
    dateRule: event.dateRule,
    ...(named ? { name: named.name } : {}),
    ...(event.caption ? { caption: true } : {}),
    ...(event.actorSpans ? { actorSpans: event.actorSpans } : {}),
    ...(event.duration ? { duration: true } : {}),
  };
}

function within(mention: Span, span: Span): boolean {
  return mention.start >= span.start && mention.end <= span.end;
}

/** Pairs each dated event with the named event it states, if any. */
function linkNames(events: readonly DatedEvent[], mentions: readonly NamedMention[], text: string): (NamedMention | undefined)[] {
  return events.map((event) => {
    const inside =
      mentions.find((m) => within(m, event.clause) && m.kind !== 'anaphor') ?? mentions.find((m) => within(m, event.clause));
    if (inside) return inside;
    // "…set to hold their annual security talks in Seoul on Tuesday." + "…will hold the 57th SCM…"
    const clause = text.slice(event.clause.start, event.clause.end);
    return mentions.find(
      (m) =>
        m.kind === 'full' && Math.abs(m.sentence - event.sentence) === 1 && sameFamily(clause, m.display) && !dated(events, m),
    );
  });
}

function dated(events: readonly DatedEvent[], mention: NamedMention): boolean {
  return events.some((event) => within(mention, event.clause));
}

/** Extracts candidate events from one article; `reference` (the publication date) settles tense ties. */
export function extractEvents(
  text: string,
  segmentation: Segmentation,
  times: readonly TimeExpression[],
  reference?: Reference,
): CandidateEvent[] {
  const context = { text, segmentation, times, ...(reference ? { published: reference.date } : {}) };
  const events = segmentation.sentences.flatMap((_, sentence) => datedEvents(context, sentence));
  const mentions = findNamedEvents(text, segmentation).filter((m) => {
    const sentence = segmentation.sentences[m.sentence];
    return sentence !== undefined && !isPageStamp(text.slice(sentence.start, sentence.end));
  });
  const names = linkNames(events, mentions, text);
  const candidates = events.map((event, i) => toCandidate(event, names[i]));

  // Mentions without a date of their own take the date of the first dated mention of the name.
  const datedByName = new Map<string, CandidateEvent>();
  for (const candidate of candidates)
    if (candidate.name && !datedByName.has(candidate.name)) datedByName.set(candidate.name, candidate);
  const covered = new Set(candidates.filter((c) => c.name).map((c) => `${c.name}@${c.sentence}`));
  for (const mention of mentions) {
    const source = datedByName.get(mention.name);
    const sentence = segmentation.sentences[mention.sentence];
    if (!source || !sentence || mention.kind === 'anaphor' || covered.has(`${mention.name}@${mention.sentence}`)) continue;
    covered.add(`${mention.name}@${mention.sentence}`);
    candidates.push({
      sentence: mention.sentence,
      passage: sentence,
      title: mention.display,
      edtf: source.edtf,
      status: source.status,
      ...(source.place ? { place: source.place } : {}),
      ...(source.dateText ? { dateText: source.dateText } : {}),
      dateRule: `date of the ${mention.display} given elsewhere in the article${source.dateRule ? ` (${source.dateRule})` : ''}`,
      name: mention.name,
      participantSpans: [mentionParticipants(text, sentence, mention)],
    });
  }
  // "Korea is the last leg of his Asia swing": dated by the event the article reports in that leg.
  const dated = new Set(candidates.map((candidate) => candidate.sentence));
  const body = candidates.filter((candidate) => !candidate.caption);
  for (const leg of legEvents(text, segmentation, dated, body)) candidates.push({ ...leg, participantSpans: [] });
  return candidates.sort((a, b) => a.passage.start - b.passage.start || a.passage.end - b.passage.end);
}
