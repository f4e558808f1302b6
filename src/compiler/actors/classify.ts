/**
 * The kind of a name the catalogue does not know, from the signals around it: a title
 * ("Labor Minister Ana Ruiz"), an organisation or place head ("Codelco Mining Group",
 * "Atacama Desert"), a role word before or after, compromise's lexicon, a reporting verb,
 * and, as a last resort, compromise's tagger on the sentence. No signal, no actor.
 */
import { nlp, OFFSETS_ONLY } from '../nlp';
import type { ActorKind } from '../../model/schema';
import {
  isBareHead,
  isDemonym,
  isMonthOrDay,
  lexiconTags,
  NON_ACTOR_HEADS,
  ORG_FOLLOWERS,
  ORG_HEADS,
  ORG_OPENERS,
  PLACE_HEADS,
  REPORTING_VERBS,
  ROLE_WORDS,
} from './lexicon';
import type { PlaceContext } from './locative';
import type { NameCandidate } from './names';
import { spanLookup } from './tokens';

/** Tags compromise finds in one sentence, as offsets into the article text. */
export type SentenceTagger = (offset: number) => ReadonlyArray<{ start: number; end: number; kind: ActorKind }>;

// Common East Asian family names: "Cho Hyun", "Wang Yi" and "Lee Kun-hee" are people.
const EAST_ASIAN_SURNAMES = new Set(
  `kim lee park choi jung chung kang cho yoon jang lim han oh seo shin kwon hwang ahn song yoo hong jeon
   ko moon yang son bae baek heo nam noh ha kwak wang li zhang liu chen huang zhao wu zhou xu sun ma zhu
   hu guo he lin xi yi`.split(/\s+/),
);

const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName'];

const APPOSITION_ORGS = new Set(
  'club company firm group union team party agency bank carrier maker producer miner shipbuilder automaker operator'.split(' '),
);
const APPOSITION_PEOPLE = new Set(
  'executive worker miner player official engineer teacher student farmer mother father'.split(' '),
);

// A name in apposition to an organisation noun is that organisation: "terminal operator
// Hutchison Ports ECT", "their union, FNV Havens,", "parking contractor Lakeshore Systems".
const ORG_NOUN_BEFORE =
  /\b(?:union|operator|company|contractor|group|firm|carrier|insurer|bank|agency|developer|supplier|retailer|airline|broadcaster|manufacturer|subsidiary|conglomerate|chain|lender|startup|utility),? $/u;

/** True when a multi-word name ends in an acronym, as company names do ("Hutchison Ports ECT"). */
function hasAcronymTail(candidate: NameCandidate): boolean {
  const last = candidate.tokens[candidate.tokens.length - 1];
  return candidate.tokens.length >= 2 && last !== undefined && /^\p{Lu}{2,5}$/u.test(last.text) && !candidate.tokens[0]?.allCaps;
}

function kindFromTags(tags: readonly string[], single: boolean): ActorKind | undefined {
  if (tags.includes('Country')) return 'country';
  if (tags.some((tag) => tag === 'City' || tag === 'Region' || tag === 'Place')) return 'place';
  if (tags.includes('Organization')) return 'organization';
  if (!single && tags.includes('Person')) return 'person';
  return undefined;
}

/** Signals in the words right after a name. */
function followingSignal(text: string, end: number, size: number): ActorKind | undefined {
  const after = text.slice(end, end + 80);
  const role = /^(?:['’]s)? (\p{Ll}+)/u.exec(after)?.[1];
  if (role && (ROLE_WORDS.has(role) || ORG_FOLLOWERS.has(role))) return 'organization';
  // Appositions: "Patricio Tapia, the union's president", "RB Leipzig, the club said".
  const apposition = /^, (?:\d{2}|a|an|the) ([^,;]{1,60})/u.exec(after)?.[1]?.split(' ').slice(0, 6) ?? [];
  if (apposition.some((word) => APPOSITION_ORGS.has(word))) return 'organization';
  if (apposition.some((word) => ROLE_WORDS.has(word) || APPOSITION_PEOPLE.has(word))) return 'person';
  if (/^, \d{2},/.test(after)) return 'person';
  const verb = /^,? (\p{Ll}+)/u.exec(after)?.[1];
  if (verb && REPORTING_VERBS.has(verb)) return size >= 2 && size <= 3 ? 'person' : 'organization';
  return undefined;
}

/** Infers the kind of an unknown name, or undefined when nothing says it is an actor. */
export function inferKind(
  candidate: NameCandidate,
  text: string,
  context: PlaceContext,
  tagger: SentenceTagger,
): ActorKind | undefined {
  const words = candidate.tokens.map((token) => token.lower);
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  if (candidate.headline || words.length === 0) return undefined;
  if (candidate.tokens.some((token) => /\d/.test(token.text) || isMonthOrDay(token.text))) return undefined;
  if (words.every(isBareHead) || NON_ACTOR_HEADS.has(last) || isDemonym(last)) return undefined;
  if (candidate.title !== undefined) return 'person';
  if (ORG_HEADS.has(last) || (ORG_OPENERS.has(first) && words.includes('of'))) return 'organization';
  if (ORG_NOUN_BEFORE.test(text.slice(Math.max(0, candidate.start - 30), candidate.start)) || hasAcronymTail(candidate))
    return 'organization';
  if (PLACE_HEADS.has(last)) return 'place';
  const single = words.length === 1;
  const phraseKind = kindFromTags(lexiconTags(candidate.tokens.map((token) => token.text).join(' ')), single);
  if (phraseKind) return phraseKind;
  const before = /(\p{Ll}+) $/u.exec(text.slice(Math.max(0, candidate.start - 30), candidate.start))?.[1];
  if (before && ROLE_WORDS.has(before) && words.length <= 4) return 'person';
  const after = followingSignal(text, candidate.end, words.length);
  if (after === 'organization' && !single) return 'organization';
  if (
    !single &&
    words.length <= 3 &&
    (lexiconTags(first).some((tag) => NAME_TAGS.includes(tag)) || EAST_ASIAN_SURNAMES.has(first))
  )
    return 'person';
  if (single && context === 'area' && !candidate.tokens[0]?.possessive) return 'place';
  if (after) return after;
  // compromise is slow and no surer than the rules on a lone word opening a sentence or a dateline.
  const opening = candidate.tokens[0];
  if (single && (opening?.sentenceStart === true || opening?.allCaps === true)) return undefined;
  const tagged = tagger(candidate.start).find((span) => span.start < candidate.end && candidate.start < span.end);
  if (tagged && !(single && tagged.kind === 'person')) return tagged.kind;
  return undefined;
}

/** Builds a tagger that runs compromise on a few words around a name, only when asked. */
export function sentenceTagger(text: string, sentences: ReadonlyArray<{ start: number; end: number }>): SentenceTagger {
  const sentenceAt = spanLookup(sentences);
  const tagger = (offset: number) => {
    // compromise reads ~30k words/s, so it sees the sentence clipped to ~12 words either side.
    const sentence = sentenceAt(offset) ?? { start: offset, end: Math.min(text.length, offset + 1) };
    const from = Math.max(sentence.start, text.lastIndexOf(' ', Math.max(sentence.start, offset - 80)) + 1);
    const to = Math.min(
      sentence.end,
      Math.max(offset, text.indexOf(' ', offset + 100) === -1 ? text.length : text.indexOf(' ', offset + 100)),
    );
    const doc = nlp(text.slice(from, to));
    const spans: Array<{ start: number; end: number; kind: ActorKind }> = [];
    const collect = (view: { json: (options: object) => unknown[] }, kind: ActorKind) => {
      for (const item of view.json(OFFSETS_ONLY) as Array<{ offset?: { start: number; length: number } }>) {
        if (item.offset)
          spans.push({ start: from + item.offset.start, end: from + item.offset.start + item.offset.length, kind });
      }
    };
    collect(doc.people(), 'person');
    collect(doc.organizations(), 'organization');
    collect(doc.places(), 'place');
    return spans;
  };
  return tagger;
}
