/**
 * Named events in one article: full names ("the 57th Security Consultative Meeting"),
 * acronyms defined beside them ("(SCM)", later "the upcoming SCM") and noun anaphora
 * ("this year's meeting", "the summit") that point back to the latest named event of the
 * same kind. Each mention carries the normalised name used for merging.
 */
import type { Span } from '../../model/quote';
import type { Segmentation } from '../segment';
import { NOUN_FAMILIES } from './vocabulary';

export type NamedMention = Span & {
  sentence: number;
  /** Normalised name, e.g. "57th security consultative meeting". */
  name: string;
  /** The name as written, without article or acronym: "57th Security Consultative Meeting". */
  display: string;
  kind: 'full' | 'acronym' | 'anaphor';
};

const HEADS =
  'Meeting|Meetings|Summit|Conference|Dialogue|Talks|Forum|Games|Olympics|Cup|Election|Elections|Festival|Convention|Exercise|Exercises|Championship|Championships|Expo|Session|Plenum|Parade|Ceremony|Symposium|Consultations|Congress';
const ORDINAL = String.raw`(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)`;
const WORD = String.raw`[A-Z][\p{L}\d'’&.-]*`;
const FULL_NAME = new RegExp(
  String.raw`\b((?:${ORDINAL}\s+)?(?:${WORD}\s+(?:(?:of|on|for|and|the)\s+)?){1,6}(?:${HEADS}))\b(?:\s*\(([A-Z][A-Za-z&]{1,9})\))?`,
  'gu',
);
const DETERMINERS = new Set([
  'The',
  'This',
  'That',
  'These',
  'Those',
  'Their',
  'His',
  'Her',
  'Its',
  'Our',
  'A',
  'An',
  'Next',
  'Last',
]);
const ANAPHOR =
  /\b(?:this year's|last year's|next week's|the upcoming|the coming|the|this|that)\s+(meeting|summit|talks|conference|dialogue|forum|session|consultations)\b/gi;

/** Lower-cased, single-spaced form of a name used to match mentions across articles. */
export function normaliseName(display: string): string {
  return display.toLowerCase().replace(/\s+/g, ' ').trim();
}

function sentenceAt(segmentation: Segmentation, position: number): number {
  return segmentation.sentences.findIndex((s) => position >= s.start && position < s.end);
}

function familyOf(noun: string): number {
  return NOUN_FAMILIES.findIndex((family) => family.test(noun));
}

function fullNames(text: string, segmentation: Segmentation): { mentions: NamedMention[]; acronyms: Map<string, string> } {
  const mentions: NamedMention[] = [];
  const acronyms = new Map<string, string>();
  for (const match of text.matchAll(FULL_NAME)) {
    const words = (match[1] ?? '').split(/\s+/);
    while (words.length > 1 && DETERMINERS.has(words[0] ?? '')) words.shift();
    // A head noun alone ("Meeting") is not a name.
    if (words.length < 2) continue;
    const display = words.join(' ');
    const start = (match.index ?? 0) + (match[1] ?? '').lastIndexOf(display);
    const sentence = sentenceAt(segmentation, start);
    if (sentence < 0) continue;
    const name = normaliseName(display);
    mentions.push({ start, end: start + display.length, sentence, name, display, kind: 'full' });
    const acronym = match[2];
    // "(SCM)" after "57th Security Consultative Meeting": the acronym starts like the name.
    const initial = words.find((word) => !/^\d/.test(word))?.[0];
    if (acronym !== undefined && acronym[0] === initial) acronyms.set(acronym, display);
  }
  return { mentions, acronyms };
}

/** Every mention of a named event in the text, in document order. */
export function findNamedEvents(text: string, segmentation: Segmentation): NamedMention[] {
  const { mentions, acronyms } = fullNames(text, segmentation);
  const found = [...mentions];
  for (const [acronym, display] of acronyms) {
    for (const match of text.matchAll(new RegExp(String.raw`\b${acronym}\b(?!\))`, 'g'))) {
      const start = match.index ?? 0;
      const sentence = sentenceAt(segmentation, start);
      if (sentence < 0 || text[start - 1] === '(') continue;
      found.push({ start, end: start + acronym.length, sentence, name: normaliseName(display), display, kind: 'acronym' });
    }
  }
  const named = [...found].sort((a, b) => a.start - b.start);
  for (const match of text.matchAll(ANAPHOR)) {
    const start = match.index ?? 0;
    const family = familyOf(match[1] ?? '');
    const antecedent = [...named].reverse().find((m) => m.start < start && familyOf(m.display) === family && family >= 0);
    const sentence = sentenceAt(segmentation, start);
    if (!antecedent || sentence < 0) continue;
    if (found.some((m) => start >= m.start && start < m.end)) continue;
    found.push({
      start,
      end: start + match[0].length,
      sentence,
      name: antecedent.name,
      display: antecedent.display,
      kind: 'anaphor',
    });
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether a phrase names the same kind of happening as a named event ("talks" and "Meeting"). */
export function sameFamily(phrase: string, display: string): boolean {
  const family = familyOf(display.split(/\s+/).pop() ?? '');
  return family >= 0 && NOUN_FAMILIES[family]?.test(phrase) === true;
}
