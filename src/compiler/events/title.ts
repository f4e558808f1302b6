/**
 * Headlines for events: "who did what" in a few words, built from a clause's subject,
 * main verb and object with the date words, parentheses, subordinate phrases and
 * articles dropped ("Hegseth arrived in South Korea on Monday afternoon" → "Hegseth
 * arrives in South Korea"). Scheduled events read "X to do Y"; reported speech is
 * replaced by what was reported. Verbless phrases ("their summit in Gyeongju") get a
 * noun headline ("Summit in Gyeongju").
 */
import { nlp } from '../nlp';
import type { Status } from '../../model/schema';
import { placeOf } from './place';
import { presentTense, verbGroups, type VerbGroup } from './verbs';
import { EVENT_NOUNS, PRONOUNS, ROLE_WORDS } from './vocabulary';

export const TITLE_LIMIT = 72;

export type TitleInput = {
  clause: string;
  /** Words to drop first (the date words). */
  remove?: readonly string[];
  /** Subject to use when the clause has none or only a pronoun. */
  subject?: string;
  /** Whom "their" stands for in a noun headline ("their summit" → "Lee–Trump summit"). */
  participants?: readonly string[];
  status: Status;
};

const LEADING =
  /^(?:(?:and|but|or|so|meanwhile|also|then|however|moreover|separately|as|while|when|after|before|since|following|that|which|who|whereas|although|though|because|amid|upon)\b[\s,]*)+/i;
const REPORTING = new Set(['say', 'tell', 'announce', 'state', 'report', 'claim', 'confirm', 'add', 'note', 'write', 'tweet']);
// Date words are replaced by a semicolon: compromise reads it as a break, and no clause here keeps a real one.
const DATE_MARK = ';';
const STOP =
  /[,;:](?!\d)|[—–]|\s(?:in|at|on|during|inside|near|from|after|before|following|while|as|amid|since|that|which|who|saying|according|for|when|until|by|under|over|into|through|across|because|despite|via|between|separating|run|amid)\b/i;
const TRAILING_AUX =
  /(?:\s+(?:will|would|shall|is|are|was|were|be|been|has|have|had|to|set|scheduled|slated|expected|due|poised|going|about|plans?|planned|planning|also|reportedly|now|then|still|already))+$/i;

/** Removes titles and roles before names: "U.S. Defense Secretary Pete Hegseth" → "Pete Hegseth". */
export function stripRoles(phrase: string): string {
  const words = phrase.split(/(\s+)/);
  const keep = words.map(() => true);
  // Walk each run of capitalised words; drop it up to its last role word that a name follows.
  let runStart = -1;
  for (let i = 0; i <= words.length + 1; i += 2) {
    const word = words[i];
    const capitalised = word !== undefined && /^[A-Z]/.test(word);
    if (capitalised && runStart < 0) runStart = i;
    if (capitalised) continue;
    if (runStart >= 0) {
      let last = -1;
      for (let j = runStart; j < i - 2; j += 2) if (ROLE_WORDS.has(words[j] ?? '')) last = j;
      for (let j = runStart; j <= last + 1 && last >= 0; j++) keep[j] = false;
    }
    runStart = -1;
  }
  return words.filter((_, i) => keep[i]).join('');
}

// The same subjects ("Hegseth", "the ministers") head title after title, and compromise is the slow part.
const plurals = new Map<string, boolean>();
const PLURALS_LIMIT = 4096;

function isPlural(subject: string): boolean {
  if (/\band\b/i.test(subject) || /^(?:both|they|we|the two|all)\b/i.test(subject)) return true;
  let plural = plurals.get(subject);
  if (plural === undefined) {
    // A sentence-initial common noun ("Shares fell") is capitalised; ask again in lower case.
    plural =
      nlp(subject).nouns().isPlural().found ||
      (!/\s/.test(subject) && nlp(`the ${subject.toLowerCase()} rose`).nouns().isPlural().found);
    if (plurals.size >= PLURALS_LIMIT) plurals.clear();
    plurals.set(subject, plural);
  }
  return plural;
}

function tidy(title: string): string {
  let text = stripRoles(title.replace(/\s*;\s*/g, ' '))
    .replace(/\b(?:the|a|an)\s+/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .trim()
    .replace(/[\s,;:.—–-]+$/, '');
  if (text.length > TITLE_LIMIT) {
    text = text.slice(0, TITLE_LIMIT + 1).replace(/\s+\S*$/, '');
    text = text.replace(/(?:\s+(?:of|to|and|or|with|for|in|at|on|by|its|his|her|their))+$/i, '');
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The object of a verb: the words after it, up to the first subordinate phrase. */
function objectOf(after: string): string {
  const text = after.replace(/^\s*(?:also|openly|reportedly|officially|formally)\b/i, '');
  const stop = STOP.exec(text);
  if (!stop) return text;
  const head = text.slice(0, stop.index);
  if (stop[0] === DATE_MARK && head.trim().length === 0) {
    const after = text.slice(stop.index + 1);
    return /^\s*(?:in|at|on|to|into|from|near)\b/i.test(after) ? objectOf(after) : '';
  }
  if (head.trim().length > 0) {
    // Keep a co-actor: "shakes hands with Ahn Gyu-back".
    const withName = /^\s*with\s+((?:[A-Z][\p{L}'’.-]*\s*)+)/u.exec(text.slice(stop.index));
    return withName ? `${head} with ${stripRoles(withName[1]?.trim() ?? '')}` : head;
  }
  // An intransitive verb keeps its first phrase: "arrives in South Korea".
  const rest = text.slice(stop.index + stop[0].length);
  const next = STOP.exec(rest);
  return `${stop[0]}${next ? rest.slice(0, next.index) : rest}`;
}

function nominalTitle(clause: string, participants: readonly string[] = []): string | undefined {
  const matches = [...clause.matchAll(new RegExp(EVENT_NOUNS.source, 'gi'))];
  const last = matches[matches.length - 1];
  if (!last || last.index === undefined) return undefined;
  const before = clause.slice(0, last.index).split(/\s+/).filter(Boolean);
  const modifiers: string[] = [];
  for (let i = before.length - 1; i >= 0 && modifiers.length < 3; i--) {
    const word = before[i] ?? '';
    if (
      !/^[\p{L}-]+$/u.test(word) ||
      /^(?:the|a|an|their|his|her|its|our|this|that|in|of|at|during|following|relevant)$/i.test(word)
    )
      break;
    modifiers.unshift(word);
  }
  const between = /\bbetween\s+(.+?\s+and\s+(?:[A-Z][\p{L}'’.-]*\s*)+)/u.exec(clause);
  // "their summit …, Lee asked Trump …" → "Lee–Trump summit".
  const determiner = before[before.length - 1 - modifiers.length]?.toLowerCase();
  const owners = !between && participants.length === 2 && determiner === 'their';
  const phrase = [owners ? participants.join('–') : '', ...modifiers, last[0]].filter(Boolean).join(' ');
  const place = placeOf(clause);
  const parts = [phrase, between ? `between ${stripRoles(between[1]?.trim() ?? '')}` : '', place ? `in ${place}` : ''];
  return tidy(parts.filter(Boolean).join(' '));
}

// "is set to unveil", "will hold", "plans to open": the verb after the marker is what is planned.
const SCHEDULE_MARKER =
  /\b(?:will|shall|(?:is|are|was|were|be)\s+(?:set|scheduled|slated|expected|due|poised|going|about)\s+to|plan(?:s|ned|ning)?\s+to)\s+(?:also\s+|then\s+)?([a-z]+)\b/i;

function scheduledTitle(text: string, fallback: string): string | undefined {
  const marker = SCHEDULE_MARKER.exec(text);
  if (!marker || marker.index === undefined) return undefined;
  let subject = text
    .slice(0, marker.index)
    .replace(/;/g, ' ')
    .trim()
    .replace(/[\s,;:]+$/, '');
  if (subject.length === 0 || PRONOUNS.has(subject.toLowerCase())) subject = fallback;
  const rest = text.slice(marker.index + marker[0].length);
  // A word right after the planned verb is its object even when the tagger reads it as a verb ("hold talks").
  const following = verbGroups(rest).find((verb) => !verb.isInfinitive && rest.slice(0, verb.start).trim().length > 0);
  const object = objectOf(rest.slice(0, following ? following.start : rest.length));
  return tidy(`${stripRoles(subject)} to ${marker[1] ?? ''} ${object}`);
}

/**
 * Whether `verb` is a noun the tagger read as a verb, given the words of its phrase `before` it:
 * a bare present form ("plan") in a phrase that opens with "a" or "an", with no break between.
 * compromise reads "announced a new fisheries plan" so, but after "a new fisheries" a verb
 * would be "plans".
 */
function nounInPhrase(before: string, verb: VerbGroup): boolean {
  if (verb.tense !== 'PresentTense' || verb.text !== verb.infinitive) return false;
  return /^\s*an?\s/i.test(before) && !/[,;:]|\b(?:and|or|but|that|which|who)\b/i.test(before);
}

function mainVerb(verbs: readonly VerbGroup[]): VerbGroup | undefined {
  return verbs.find((verb) => !verb.isInfinitive) ?? verbs[0];
}

/** A short "who did what" headline for the event a clause states, or undefined when no words are left. */
export function titleOf({ clause, remove = [], subject: fallback, participants, status }: TitleInput): string | undefined {
  let text = clause;
  // The date words leave a marker: what follows them ("a day after | the chiefs held talks") is no object.
  for (const words of remove) if (words.length > 0) text = text.split(words).join(` ${DATE_MARK} `);
  text = text
    .replace(/\s*\([^()]*\)|\s*\[[^[\]]*\]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:—–-]+/, '')
    .trim()
    .replace(LEADING, '');
  const verbs = verbGroups(text);
  const main = mainVerb(verbs);
  if (!main) return nominalTitle(text, participants);
  let subject = text
    .slice(0, main.start)
    .replace(/;/g, ' ')
    .trim()
    .replace(TRAILING_AUX, '')
    .replace(/[\s,;:]+$/, '');
  if (subject.length === 0 || PRONOUNS.has(subject.toLowerCase().replace(/\s+(?:both|all|too|themselves)$/, '')))
    subject = fallback ?? subject;
  subject = stripRoles(subject);
  const after = text.slice(main.end);
  if (REPORTING.has(main.infinitive)) {
    const that = /\bthat\s+(.+)$/.exec(after)?.[1];
    // Without "that", only a clause with its own subject before a finite verb ("said the suspect fled"),
    // not an object ("announced record profits") or a listener ("told reporters …").
    const spoken = after.trimStart();
    const first = verbGroups(spoken)[0];
    const bare =
      main.infinitive !== 'tell' &&
      first !== undefined &&
      first.start > 0 &&
      !first.isInfinitive &&
      !nounInPhrase(spoken.slice(0, first.start), first) &&
      /^[a-z]/.test(spoken);
    const reported = that ?? (bare ? spoken : undefined);
    if (reported !== undefined && verbGroups(reported).length > 0) return titleOf({ clause: reported, subject, status });
  }
  if (status === 'scheduled') {
    const planned = scheduledTitle(text, subject);
    if (planned !== undefined) return planned;
  }
  const next = verbs.find((verb) => verb.start >= main.end);
  const catenative = next !== undefined && /^\s*to\s*$/.test(text.slice(main.end, next.start));
  let phrase: string;
  let rest: string;
  if (status === 'scheduled') {
    const verb = catenative && next ? next : main;
    phrase = `to ${verb.infinitive}`;
    rest = text.slice(verb.end);
  } else if (catenative && next) {
    phrase = `${presentTense(main.infinitive, isPlural(subject))} to ${next.infinitive}`;
    rest = text.slice(next.end);
  } else {
    phrase = presentTense(main.infinitive, isPlural(subject));
    rest = after;
  }
  // A second verb ends the object: "found Kim guilty of bribery and sentenced him …".
  const restStart = text.length - rest.length;
  const following = verbs.find(
    (verb) =>
      verb.start >= restStart &&
      !verb.isInfinitive &&
      text.slice(restStart, verb.start).trim().length > 0 &&
      !nounInPhrase(text.slice(restStart, verb.start), verb),
  );
  const object = objectOf(
    rest.slice(0, following ? following.start - restStart : rest.length).replace(/\s*(?:,|\band\b|\bor\b|\bbut\b)\s*$/i, ''),
  );
  const title = tidy(`${subject} ${phrase} ${object}`);
  return title.length > 0 ? title : undefined;
}
