/**
 * Who a clause is about. A clause's own subject is the capitalised phrase before its
 * first finite verb; a clause without one ("disclosing the new missile …") or with a
 * pronoun ("he visited …") borrows the nearest earlier subject: from an earlier clause
 * of the sentence, a bare name between commas, or the first clause of the previous
 * sentences. The span lets the actors of the antecedent count for the event.
 */
import type { Span } from '../../model/quote';
import type { Segmentation } from '../segment';
import { segmentClauses, type Segment } from './clauses';
import { stripRoles } from './title';
import { verbGroups } from './verbs';
import { PRONOUNS } from './vocabulary';

export type Subject = {
  /** The subject with titles and roles dropped ("Pete Hegseth"). */
  text: string;
  /** Where the subject is written in the cleaned text. */
  span: Span;
  /** Start of the clause the subject was taken from. */
  clauseStart: number;
};

const LEADING = /^(?:and|but|as|while|when|after|before|since|that|which|meanwhile|also)\b[\s,]*/i;
const TRAILING = /\s+(?:will|would|has|have|had|is|are|was|were|also)\s*$/i;

/** The words before a clause's first finite verb, after the last comma (`undefined`: no finite verb). */
function subjectWords(segment: Segment): { words: string; start: number } | undefined {
  const lead = LEADING.exec(segment.text)?.[0].length ?? 0;
  const text = segment.text.slice(lead);
  const verb = verbGroups(text).find((v) => !v.isInfinitive);
  if (!verb) return undefined;
  // Only the words after the last comma before the verb: "Upon his arrival, he visited" → "he".
  const before = text.slice(0, verb.start);
  const from = Math.max(before.lastIndexOf(',') + 1, before.lastIndexOf(';') + 1);
  const raw = before.slice(from).replace(TRAILING, '');
  return { words: raw.trim(), start: segment.start + lead + from + (raw.length - raw.trimStart().length) };
}

/**
 * Whether a subject is or holds a pronoun: "He", "They both", "the following day he". Past
 * the first word only a pronoun written in lower case counts, so "World War I" holds none.
 */
function holdsPronoun(subject: string): boolean {
  const [first, ...rest] = subject.split(/\s+/);
  return (first !== undefined && PRONOUNS.has(first.toLowerCase())) || rest.some((word) => PRONOUNS.has(word));
}

/** The subject a clause states itself, if it is a capitalised phrase (not a pronoun). */
export function ownSubject(segment: Segment): Subject | undefined {
  const found = subjectWords(segment);
  if (!found) return undefined;
  const { words: subject, start } = found;
  if (subject.length === 0 || holdsPronoun(subject) || !/^[A-Z]/.test(subject)) return undefined;
  return { text: stripRoles(subject), span: { start, end: start + subject.length }, clauseStart: segment.start };
}

// Words before a verb that are no subject: "then flew to Busan", "later met Ahn".
const NOT_SUBJECTS = new Set('then later also again now soon subsequently reportedly meanwhile still first and but'.split(' '));

/**
 * Whether a clause names who acts itself, by name or not ("Lee met …", "lawmakers in Kekrania
 * approved …", "the ministry said …"). Only a clause that does not (a participle, "then
 * flew …") or whose subject holds a pronoun ("they both took office", "the following day he
 * visited …") borrows an earlier subject: "lawmakers" did the approving, not the person the
 * sentence before named.
 */
export function namesItsSubject(segment: Segment): boolean {
  const subject = subjectWords(segment)?.words ?? '';
  return (
    subject.length > 0 &&
    !holdsPronoun(subject) &&
    subject
      .toLowerCase()
      .split(/\s+/)
      .some((word) => !NOT_SUBJECTS.has(word))
  );
}

function hasVerb(text: string): boolean {
  return verbGroups(text).length > 0;
}

/** The nearest earlier subject for a clause that has none of its own; `before` is the clause's segment index. */
export function borrowedSubject(
  text: string,
  segmentation: Segmentation,
  sentence: number,
  segments: readonly Segment[],
  before: number,
): (Subject & { sameSentence: boolean }) | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const segment = segments[i];
    if (!segment) continue;
    const subject = ownSubject(segment);
    if (subject) return { ...subject, sameSentence: true };
    // A bare name between commas is the subject of what follows ("Pete Hegseth, right, shakes hands").
    if (!hasVerb(segment.text) && /^(?:[A-Z][\p{L}'’.-]*\s*){2,}$/u.test(segment.text))
      return { text: stripRoles(segment.text), span: segment, clauseStart: segment.start, sameSentence: true };
    // An age between commas follows its bearer, even a lone surname: "Whitaker, 61, must report".
    const bearer = segments[i - 1];
    if (
      /^\s*\d{1,3}\s*$/.test(segment.text) &&
      bearer &&
      !hasVerb(bearer.text) &&
      /^(?:[A-Z][\p{L}'’.-]*\s*)+$/u.test(bearer.text)
    )
      return { text: stripRoles(bearer.text), span: bearer, clauseStart: bearer.start, sameSentence: true };
  }
  for (let s = sentence - 1; s >= Math.max(0, sentence - 2); s--) {
    const span = segmentation.sentences[s];
    const first = span ? segmentClauses(text, span)[0] : undefined;
    const subject = first ? ownSubject(first) : undefined;
    if (subject) return { ...subject, sameSentence: false };
  }
  return undefined;
}

const NAME_AFTER_VERB = /^\s*(?:[a-z]+ly\s+)?[a-z]+\s+((?:[A-Z][\p{L}'’.-]*)(?:\s+[A-Z][\p{L}'’.-]*)*)/u;

/** The two named parties of a clause like "Lee openly asked Trump …": its subject and a name right after the verb. */
export function namedParties(segment: Segment): string[] {
  const subject = ownSubject(segment);
  if (!subject || /^(?:The|A|An)\b/.test(subject.text)) return [];
  const object = NAME_AFTER_VERB.exec(segment.text.slice(subject.span.end - segment.start))?.[1];
  return object === undefined ? [] : [subject.text, stripRoles(object)];
}
