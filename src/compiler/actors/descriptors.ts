/**
 * Definite descriptions that stand for an actor named elsewhere: "the ministry", "the
 * Secretary", "the defense minister", "the U.S. president", "the company". This module
 * only finds them (the + up to two modifiers + a head word); coreference resolves them.
 */
import type { CatalogIndex } from './catalog';
import { ROLE_WORDS } from './lexicon';
import { nameKey, type Token } from './tokens';

export type Descriptor = {
  start: number;
  end: number;
  /** Where the head word starts; words before it only qualify it. */
  headStart: number;
  /** The head word, lower-cased: "ministry", "secretary". */
  head: string;
  /** Name keys of the words between "the" and the head: ["defense"], ["us"]. */
  modifiers: string[];
  /** The whole description as a key without "the": "secretary of war", "defense ministry". */
  key: string;
  possessive: boolean;
};

/** Head words that make "the …" a reference to an actor mentioned before. */
export const DESCRIPTOR_HEADS = new Set(
  `ministry department agency company firm group union club team court government party council
   commission committee bank president minister secretary chairman chairwoman ceo chief coach manager
   premier governor mayor judge prosecutor senator ambassador envoy general admiral spokesman
   spokeswoman leader`.split(/\s+/),
);

/** The head word of a descriptor phrase: the word before "of", else the last word. */
export function headOf(key: string): string {
  const words = key.split(' ');
  const of = words.indexOf('of');
  return (of > 0 ? words[of - 1] : words[words.length - 1]) ?? '';
}

function joined(text: string, left: Token, right: Token): boolean {
  return text.slice(left.end, right.start) === ' ' && !left.possessive;
}

/** Finds "the <modifiers> <head>" descriptions in text order. */
export function findDescriptors(text: string, tokens: readonly Token[], index: CatalogIndex): Descriptor[] {
  const heads = new Set([...DESCRIPTOR_HEADS, ...[...index.descriptors.keys()].map(headOf)]);
  const found: Descriptor[] = [];
  tokens.forEach((the, i) => {
    if (the.lower !== 'the') return;
    for (let j = i + 1; j <= i + 3 && j < tokens.length; j++) {
      const previous = tokens[j - 1] as Token;
      const word = tokens[j] as Token;
      if (!joined(text, previous, word)) return;
      if (!heads.has(word.lower)) continue;
      const next = tokens[j + 1];
      if (next && !word.possessive && text.slice(word.end, next.start) === ' ' && ROLE_WORDS.has(next.lower)) return;
      // "the Secretary of War": a title's "of" phrase belongs to the description.
      const ofWord = tokens[j + 2];
      const hasOf =
        next?.lower === 'of' && ofWord?.capitalised === true && joined(text, word, next) && joined(text, next, ofWord);
      const last = hasOf && ofWord ? ofWord : word;
      const words = tokens.slice(i + 1, (hasOf ? j + 2 : j) + 1);
      found.push({
        start: the.start,
        end: last.end,
        headStart: word.start,
        head: word.lower,
        modifiers: tokens.slice(i + 1, j).map((token) => nameKey(token.text)),
        key: nameKey(words.map((token) => token.text).join(' ')),
        possessive: last.possessive,
      });
      return;
    }
  });
  return found;
}
