/**
 * Verb groups of a clause, from compromise's part-of-speech tagger: where each verb
 * group sits (offsets into the clause string), its infinitive, tense and auxiliaries,
 * plus headline conjugation ("arrived" → "arrives"). Compromise runs only on the
 * clauses that carry a date, which keeps it off the slow path.
 */
import { nlp, OFFSETS_ONLY } from '../nlp';

export type VerbGroup = {
  start: number;
  end: number;
  /** The words as written, auxiliaries included ("has given"). */
  text: string;
  infinitive: string;
  auxiliary: string;
  tense: string;
  form: string;
  isInfinitive: boolean;
};

type CompromiseVerb = {
  offset?: { start: number; length: number };
  verb?: {
    infinitive?: string;
    auxiliary?: string;
    grammar?: { tense?: string; form?: string; isInfinitive?: boolean };
  };
};

// Each clause is tagged several times (subject, status, headline); compromise is the slow part.
const cache = new Map<string, readonly VerbGroup[]>();
const CACHE_LIMIT = 4096;

/** The verb groups of `text`, in order, with offsets into `text`. */
export function verbGroups(text: string): readonly VerbGroup[] {
  const cached = cache.get(text);
  if (cached) return cached;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const groups = tagVerbs(text);
  cache.set(text, groups);
  return groups;
}

function tagVerbs(text: string): VerbGroup[] {
  const found = nlp(text).verbs().json(OFFSETS_ONLY) as CompromiseVerb[];
  return found.flatMap((verb) => {
    if (!verb.offset || !verb.verb) return [];
    const start = verb.offset.start;
    // Compromise counts trailing punctuation as part of the term ("came ;").
    const written = text.slice(start, start + verb.offset.length).replace(/[\s,;:.!?]+$/, '');
    return [
      {
        start,
        end: start + written.length,
        text: written,
        infinitive: verb.verb.infinitive ?? written,
        auxiliary: verb.verb.auxiliary ?? '',
        tense: verb.verb.grammar?.tense ?? '',
        form: verb.verb.grammar?.form ?? '',
        isInfinitive: verb.verb.grammar?.isInfinitive ?? false,
      },
    ];
  });
}

const conjugations = new Map<string, string>();

/** Present tense of `infinitive` for a singular or plural subject: "arrive" → "arrives" / "arrive". */
export function presentTense(infinitive: string, plural: boolean): string {
  if (plural || infinitive.length === 0) return infinitive;
  const words = infinitive.split(' ');
  const [head, ...rest] = words;
  if (head === undefined) return infinitive;
  let conjugated = conjugations.get(head);
  if (conjugated === undefined) {
    conjugated = (nlp(head).verbs().conjugate() as Array<{ PresentTense?: string }>)[0]?.PresentTense ?? thirdPerson(head);
    if (conjugations.size < CACHE_LIMIT) conjugations.set(head, conjugated);
  }
  return [conjugated, ...rest].join(' ');
}

function thirdPerson(verb: string): string {
  if (verb === 'be') return 'is';
  if (verb === 'have') return 'has';
  if (/(?:s|x|z|ch|sh|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}
