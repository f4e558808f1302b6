/**
 * Trips dated by one of their legs when the leg's sentence has no date of its own:
 * "Korea is the last leg of his Asia swing" ends the swing when the Korea leg ends, and the
 * article dates that leg through the event it reports there (the talks "in Seoul on Nov. 4").
 * The traveller is the nearest earlier named subject ("his" → "Hegseth"); the place that opens
 * the sentence is where the trip goes, not who takes part.
 */
import type { Span } from '../../model/quote';
import type { Segmentation } from '../segment';
import { boundsOf } from '../merge/dates';
import { segmentClauses } from './clauses';
import { ownSubject, type Subject } from './subjects';

/** The fields of a candidate event that a dated leg needs from the events around it. */
export type LegAnchor = {
  sentence: number;
  passage: Span;
  title: string;
  edtf: string;
  status: 'occurred' | 'scheduled' | 'goal';
  place?: string;
  dateText?: string;
};

export type LegEvent = {
  sentence: number;
  passage: Span;
  title: string;
  edtf: string;
  status: 'occurred' | 'scheduled';
  dateText: string;
  dateRule: string;
  /** The traveller; the place at the start of the sentence is not a participant. */
  actorSpans: Span[];
};

const LEG =
  /^([A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*)*)\s+(?:is|was|will\s+be)\s+(?:the\s+)?(final|last|first|opening)\s+(?:leg|stop)\s+of\s+(?:his|her|their)\s+((?:[A-Z][\p{L}-]*\s+)*)(swing|trip|tour|journey)\b/u;
// The passage runs to the end of the clause about the trip: a dash or semicolon starts a comment on it.
const CLAUSE_END = /\s(?:—|–|--)\s|;|—/;

/** The nearest named subject of the two sentences before `sentence`, latest clause first. */
function traveller(text: string, segmentation: Segmentation, sentence: number): Subject | undefined {
  for (let s = sentence - 1; s >= Math.max(0, sentence - 2); s--) {
    const span = segmentation.sentences[s];
    if (!span) continue;
    for (const segment of segmentClauses(text, span).reverse()) {
      const subject = ownSubject(segment);
      if (subject && !/^(?:The|A|An|This|That)\b|\band\b/.test(subject.text)) return subject;
    }
  }
  return undefined;
}

/** The dated event that marks the leg: one in the leg's place if any names it, else the latest (or earliest) placed one. */
function legAnchor(text: string, place: string, final: boolean, anchors: readonly LegAnchor[]): LegAnchor | undefined {
  const placed = anchors.filter((anchor) => anchor.place !== undefined && !anchor.edtf.includes('..'));
  const named = placed.filter(
    (anchor) => anchor.place === place || text.slice(anchor.passage.start, anchor.passage.end).includes(place),
  );
  const pool = named.length > 0 ? named : placed;
  const key = (anchor: LegAnchor) => (final ? boundsOf(anchor.edtf).end : boundsOf(anchor.edtf).start);
  return [...pool].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))[final ? pool.length - 1 : 0];
}

/** Trip events for undated "<Place> is the last leg of his <trip>" sentences. */
export function legEvents(
  text: string,
  segmentation: Segmentation,
  dated: ReadonlySet<number>,
  anchors: readonly LegAnchor[],
): LegEvent[] {
  const events: LegEvent[] = [];
  segmentation.sentences.forEach((span, sentence) => {
    const words = text.slice(span.start, span.end);
    const match = LEG.exec(words);
    if (!match || dated.has(sentence)) return;
    const [, place = '', which = '', name = '', kind = ''] = match;
    const final = /final|last/i.test(which);
    const anchor = legAnchor(text, place, final, anchors);
    const subject = traveller(text, segmentation, sentence);
    if (!anchor || !subject) return;
    const bounds = boundsOf(anchor.edtf);
    const end = CLAUSE_END.exec(words)?.index ?? words.replace(/[.!?]+$/, '').length;
    events.push({
      sentence,
      passage: { start: span.start, end: span.start + end },
      title: `${subject.text}'s ${name.trim()} ${kind}`.replace(/\s+/g, ' '),
      edtf: final ? `../${bounds.end}` : `${bounds.start}/..`,
      status: anchor.status === 'occurred' ? 'occurred' : 'scheduled',
      dateText: match[0],
      dateRule: `the trip ${final ? 'ends' : 'begins'} with its ${place} leg, dated by “${anchor.dateText ?? anchor.edtf}” (${anchor.title})`,
      actorSpans: [subject.span],
    });
  });
  return events;
}
