/**
 * Candidate-name detection: runs of capitalised tokens ("Ministry of National Defense",
 * "U.S. Defense Secretary Pete Hegseth") are split into catalogue matches, titled names
 * and unknown names. Sentence-initial function words are dropped; a country that only
 * qualifies a title or organisation ("U.S." in "U.S. Defense Secretary") is not a mention.
 */
import type { CatalogActor } from './resolveActors';
import type { CatalogIndex } from './catalog';
import {
  isDemonym,
  lexiconTags,
  NAME_CONNECTORS,
  NEVER_NAMES,
  NON_ACTOR_HEADS,
  ORG_HEADS,
  ORG_OPENERS,
  PLACE_HEADS,
  TITLE_MODIFIERS,
  TITLE_WORDS,
} from './lexicon';
import { capitalisedRuns, runKey, splitCompounds, type Run } from './runs';
import type { Token } from './tokens';

/** A stretch of capitalised words that may name an actor. */
export type NameCandidate = {
  start: number;
  end: number;
  tokens: readonly Token[];
  key: string;
  /** The catalogue entry the words name, if any (by name or alias, or by metonymy). */
  match?: { name?: CatalogActor; metonym?: CatalogActor };
  /** The title written before the name ("U.S. Defense Secretary"), which makes it a person. */
  title?: string;
  /** In a heading or boilerplate line, where only catalogue names are trusted. */
  headline: boolean;
  /** Followed in the same run by more name words, so it may only qualify them. */
  qualifies: boolean;
};

const FUNCTION_TAGS = new Set([
  'Plural',
  'Adverb',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Verb',
  'PastTense',
  'Infinitive',
  'Gerund',
  'Modal',
  'Copula',
  'QuestionWord',
]);
const NAME_TAGS = new Set([
  'ProperNoun',
  'Person',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'FirstName',
  'MaleName',
  'FemaleName',
]);
const COMPASS = new Set(['north', 'south', 'east', 'west']);

function catalogMatchAt(
  run: Run,
  k: number,
  index: CatalogIndex,
): { end: number; name?: CatalogActor; metonym?: CatalogActor } | undefined {
  for (let end = Math.min(run.length, k + index.maxWords); end > k; end--) {
    const key = runKey(run.slice(k, end));
    const name = index.names.get(key);
    const metonym = index.metonyms.get(key);
    if (name || metonym) return { end, ...(name ? { name } : {}), ...(metonym ? { metonym } : {}) };
  }
  return undefined;
}

function isConnector(token: Token): boolean {
  return !token.capitalised && (NAME_CONNECTORS.has(token.lower) || token.lower === 'the');
}

/** Title words then a name: returns where the name starts and ends, or undefined. */
function titleAt(run: Run, k: number, index: CatalogIndex): { nameStart: number; nameEnd: number } | undefined {
  let p = k;
  let afterTitle = -1;
  while (p < run.length) {
    const token = run[p] as Token;
    if (TITLE_WORDS.has(token.lower)) {
      p++;
      if (run[p]?.lower === 'of' && run[p + 1]) p += 2;
      afterTitle = p;
      continue;
    }
    if (TITLE_MODIFIERS.has(token.lower) || isDemonym(token.text) || COMPASS.has(token.lower)) {
      p++;
      continue;
    }
    const place = catalogMatchAt(run, p, index);
    if (place?.name && (place.name.kind === 'country' || place.name.kind === 'place') && !token.possessive) {
      p = place.end;
      continue;
    }
    break;
  }
  if (afterTitle < 0) return undefined;
  let nameEnd = afterTitle;
  while (nameEnd < run.length) {
    const token = run[nameEnd] as Token;
    if (isConnector(token) || TITLE_WORDS.has(token.lower)) break;
    nameEnd++;
    if (token.possessive) break;
  }
  const name = run.slice(afterTitle, nameEnd);
  if (name.length === 0 || NEVER_NAMES.has(name[0]?.lower ?? '')) return undefined;
  // "General Motors", "Justice Ministry": the words after the "title" name an organisation.
  if (name.some((token) => ORG_HEADS.has(token.lower) || PLACE_HEADS.has(token.lower) || NON_ACTOR_HEADS.has(token.lower)))
    return undefined;
  return { nameStart: afterTitle, nameEnd };
}

type WordUse = { lowercase: ReadonlySet<string>; capitalisedInside: ReadonlySet<string> };

function isCommonStart(token: Token, next: Token | undefined, runLength: number, use: WordUse): boolean {
  if (NEVER_NAMES.has(token.lower)) return true;
  if (!token.sentenceStart || TITLE_WORDS.has(token.lower)) return false;
  // "Shares of Samsung Electronics": a sentence-initial word before "of" that opens no organisation name.
  if (next?.lower === 'of' && !ORG_OPENERS.has(token.lower)) return true;
  const tags = lexiconTags(token.lower);
  if (tags.some((tag) => FUNCTION_TAGS.has(tag)) && !tags.some((tag) => NAME_TAGS.has(tag))) return true;
  if (runLength > 1) return false;
  // A lone capitalised word opening a sentence is a name only if nothing says it is a common word:
  // "Prosecutors had sought", "Thousands of workers", "Analysts said".
  const singular = token.lower.replace(/s$/, '');
  const known = [...tags, ...lexiconTags(singular)];
  if (use.lowercase.has(token.lower) || use.lowercase.has(singular)) return true;
  return !use.capitalisedInside.has(token.lower) && known.length > 0 && !known.some((tag) => NAME_TAGS.has(tag));
}

function unknownEnd(run: Run, k: number, index: CatalogIndex): number {
  let end = k + 1;
  while (end < run.length && !(run[end - 1] as Token).possessive && !titleAt(run, end, index)) end++;
  while (end > k + 1 && isConnector(run[end - 1] as Token)) end--;
  return end;
}

/** Splits one run into candidates: catalogue matches, titled names and unknown names. */
function splitRun(run: Run, index: CatalogIndex, use: WordUse, headline: boolean): NameCandidate[] {
  const found: NameCandidate[] = [];
  const emit = (from: number, to: number, extra: Partial<NameCandidate>) => {
    const tokens = run.slice(from, to);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) return;
    found.push({ start: first.start, end: last.end, tokens, key: runKey(tokens), headline, qualifies: false, ...extra });
  };
  let k = 0;
  while (k < run.length && isCommonStart(run[k] as Token, run[k + 1], run.length, use)) k++;
  while (k < run.length) {
    const token = run[k] as Token;
    if (isConnector(token) || NEVER_NAMES.has(token.lower)) {
      k++;
      continue;
    }
    const titled = titleAt(run, k, index);
    const matched = catalogMatchAt(run, k, index);
    if (titled && (!matched || titled.nameEnd > matched.end)) {
      const title = run
        .slice(k, titled.nameStart)
        .map((t) => t.text)
        .join(' ');
      const nameMatch = catalogMatchAt(run, titled.nameStart, index);
      const whole = nameMatch?.end === titled.nameEnd ? nameMatch : undefined;
      emit(titled.nameStart, titled.nameEnd, { title, ...(whole ? { match: whole } : {}) });
      k = titled.nameEnd;
      continue;
    }
    if (matched) {
      emit(k, matched.end, { match: matched });
      k = matched.end;
      continue;
    }
    // Title-case headings run every word together; only catalogue names count there.
    if (headline) {
      k++;
      continue;
    }
    const end = unknownEnd(run, k, index);
    // "the two Koreas": the plural of a known name is not a name.
    if (end === k + 1 && index.names.has(token.key.replace(/s$/, ''))) {
      k = end;
      continue;
    }
    // "United Nations General Assembly", "Tokyo District Court": a known name that opens a
    // longer organisation name is part of it.
    const previous = found[found.length - 1];
    const joinsPrevious = previous?.match && !previous.title && previous.end === run[k - 1]?.end && !run[k - 1]?.possessive;
    if (joinsPrevious && ORG_HEADS.has((run[end - 1] as Token).lower)) {
      found.pop();
      emit(run.indexOf(previous.tokens[0] as Token), end, {});
    } else emit(k, end, {});
    k = end;
  }
  return foreignOrganisations(qualifyModifiers(found, run));
}

/** Marks a leading country or place that only qualifies the next name in its run. */
function qualifyModifiers(found: NameCandidate[], run: Run): NameCandidate[] {
  const runEnd = run[run.length - 1]?.end ?? 0;
  return found.map((candidate, i) => {
    const next = found[i + 1];
    const kind = candidate.match?.name?.kind ?? (candidate.match?.metonym ? 'place' : undefined);
    const qualifies =
      next !== undefined &&
      candidate.end < runEnd &&
      (kind === 'country' || kind === 'place') &&
      next.match?.name?.kind !== 'country';
    return qualifies ? { ...candidate, qualifies } : candidate;
  });
}

/** "Japan's Defense Ministry" is not South Korea's: a catalogue organisation qualified by another country is a new name. */
function foreignOrganisations(found: NameCandidate[]): NameCandidate[] {
  const result: NameCandidate[] = [];
  for (const candidate of found) {
    const previous = result[result.length - 1];
    const home = candidate.match?.name?.country;
    const country = [previous?.match?.name, previous?.match?.metonym].find((actor) => actor?.kind === 'country');
    if (previous?.qualifies && home !== undefined && country !== undefined && country.id !== home) {
      const tokens = [...previous.tokens, ...candidate.tokens];
      result[result.length - 1] = {
        start: previous.start,
        end: candidate.end,
        tokens,
        key: runKey(tokens),
        headline: candidate.headline,
        qualifies: false,
      };
    } else result.push(candidate);
  }
  return result;
}

/** Finds every candidate name in the text, in text order. */
export function findNameCandidates(
  text: string,
  tokens: readonly Token[],
  index: CatalogIndex,
  isHeadline: (offset: number) => boolean,
): NameCandidate[] {
  const use: WordUse = {
    lowercase: new Set(tokens.filter((token) => !token.capitalised).map((token) => token.lower)),
    capitalisedInside: new Set(tokens.filter((token) => token.capitalised && !token.sentenceStart).map((token) => token.lower)),
  };
  return capitalisedRuns(text, tokens).flatMap((run) => {
    const first = run[0] as Token;
    return splitRun(splitCompounds(run, index), index, use, isHeadline(first.start));
  });
}
