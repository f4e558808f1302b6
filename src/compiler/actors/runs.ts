/**
 * Runs of capitalised words: the raw material of names. Words join a run across single
 * spaces, a possessive "'s" ("Seoul's Defense Ministry") and name connectors ("Ministry of
 * National Defense"); hyphen compounds of two known names ("Korea-U.S.") are split in two.
 */
import type { CatalogIndex } from './catalog';
import { NAME_CONNECTORS } from './lexicon';
import { nameKey, type Token } from './tokens';

/** Capitalised words that belong together, in text order. */
export type Run = readonly Token[];

function joins(text: string, left: Token, right: Token): boolean {
  return /^(?:['’]s)? $/.test(text.slice(left.end, right.start));
}

function startsName(token: Token): boolean {
  return token.capitalised && !(token.bracketed && token.allCaps) && /^\p{L}/u.test(token.text);
}

/** Groups tokens into runs of capitalised words joined by single spaces and name connectors. */
export function capitalisedRuns(text: string, tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (!first || !startsName(first)) {
      i++;
      continue;
    }
    const run = [first];
    let j = i + 1;
    for (;;) {
      const previous = run[run.length - 1] as Token;
      const next = tokens[j];
      if (!next || !joins(text, previous, next)) break;
      if (startsName(next) && next.bracketed === previous.bracketed) {
        run.push(next);
        j++;
        continue;
      }
      // "Ministry of National Defense", "Department of the Treasury".
      const skip = NAME_CONNECTORS.has(next.lower) ? (tokens[j + 1]?.lower === 'the' ? 2 : 1) : 0;
      const after = tokens[j + skip];
      if (skip === 0 || !after || !startsName(after)) break;
      const bridge = tokens.slice(j, j + skip + 1);
      if (!bridge.every((token, k) => joins(text, k === 0 ? previous : (bridge[k - 1] as Token), token))) break;
      run.push(...bridge);
      j += skip + 1;
    }
    runs.push(run);
    i = j;
  }
  return runs;
}

/** The name key of a stretch of tokens. */
export function runKey(tokens: readonly Token[]): string {
  return tokens
    .map((token) => token.key)
    .filter((key) => key !== '' && key !== 'the')
    .join(' ');
}

/** Splits hyphen compounds of two catalogue names ("Korea-U.S.") into both names. */
export function splitCompounds(run: Run, index: CatalogIndex): Run {
  return run.flatMap((token) => {
    if (!token.text.includes('-') || index.names.has(nameKey(token.text))) return [token];
    const parts = token.text.split('-');
    if (parts.length < 2 || !parts.every((part) => index.names.has(nameKey(part)) || index.metonyms.has(nameKey(part))))
      return [token];
    let offset = token.start;
    return parts.map((part, i) => {
      const possessive = i === parts.length - 1 && token.possessive;
      const piece: Token = {
        ...token,
        start: offset,
        end: offset + part.length,
        text: part,
        lower: part.toLowerCase(),
        key: nameKey(part),
        possessive,
      };
      offset += part.length + 1;
      return piece;
    });
  });
}
