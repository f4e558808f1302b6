import { describe, expect, it } from 'vitest';
import { lexiconTags } from '../../../src/compiler/actors/lexicon';
import { spanLookup, tokenize } from '../../../src/compiler/actors/tokens';
import { segmentText } from '../../../src/compiler/segment';

const words = (text: string) => tokenize(text, segmentText(text));

describe('tokenize', () => {
  it.each([
    ['Talks end in Seoul.', ['Talks', 'end', 'in', 'Seoul']],
    ['The U.S. Defense Secretary', ['The', 'U.S.', 'Defense', 'Secretary']],
    ['Gen. Xavier Brunson and Hanwha Corp. agreed', ['Gen.', 'Xavier', 'Brunson', 'and', 'Hanwha', 'Corp.', 'agreed']],
    ['Ahn Gyu-back met Hwasong-20 crews', ['Ahn', 'Gyu-back', 'met', 'Hwasong-20', 'crews']],
    ["Hegseth's trip and Lee Jae Myung’s term", ['Hegseth', 'trip', 'and', 'Lee', 'Jae', 'Myung', 'term']],
  ])('%s', (text, expected) => {
    expect(words(text).map((token) => token.text)).toEqual(expected);
  });

  it('keeps offsets into the text and marks possessives outside them', () => {
    const text = "Seoul's push";
    const [seoul] = words(text);
    expect(seoul).toMatchObject({ start: 0, end: 5, text: 'Seoul', possessive: true, capitalised: true });
  });

  it.each([
    ['Trump left. Lee stayed.', 'Lee', true],
    ['Trump met Lee today.', 'Lee', false],
    ['"Both sides agree," he said.', 'Both', true],
    ['SANTIAGO — Thousands marched.', 'Thousands', true],
    ['He said: Talks resume.', 'Talks', true],
  ])('%s: %s starts a sentence → %s', (text, word, expected) => {
    expect(words(text).find((token) => token.text === word)?.sentenceStart).toBe(expected);
  });

  it('marks words inside square brackets, where photo credits live', () => {
    const tokens = words('A photo of the talks. [YONHAP] Later talks.');
    expect(tokens.filter((token) => token.bracketed).map((token) => token.text)).toEqual(['YONHAP']);
  });
});

describe('spanLookup', () => {
  it.each([
    [0, undefined],
    [2, 'a'],
    [4, undefined],
    [5, 'b'],
    [9, 'b'],
    [10, undefined],
  ])('offset %i is in span %s', (offset, expected) => {
    const find = spanLookup([
      { start: 1, end: 4, name: 'a' },
      { start: 5, end: 10, name: 'b' },
    ]);
    expect(find(offset)?.name).toBe(expected);
  });
});

describe('lexiconTags on Object.prototype names', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('%s has no tags', (word) => {
    expect(lexiconTags(word)).toEqual([]);
  });
});
