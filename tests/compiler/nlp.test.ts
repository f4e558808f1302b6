/**
 * compromise as the compiler sets it up (src/compiler/nlp.ts): each match pattern parsed
 * once, and verb groups read with offsets only; the groups must be what they were.
 */
import { describe, expect, it } from 'vitest';
import { nlp } from '../../src/compiler/nlp';
import { verbGroups } from '../../src/compiler/events/verbs';

type ParseMatch = (input: unknown, options?: unknown, world?: unknown) => unknown;
const { parseMatch } = (nlp.methods() as { one: { parseMatch: ParseMatch } }).one;
const world = nlp.world();

describe('match patterns', () => {
  it('parses a pattern once: the same string gives the same parsed pattern', () => {
    const first = parseMatch('#Adverb? #Verb+ (to|into) #Noun', undefined, world);
    expect(first).toEqual(expect.any(Array));
    expect(parseMatch('#Adverb? #Verb+ (to|into) #Noun', undefined, world)).toBe(first);
    expect(parseMatch('#Adverb? #Verb+ (to|into) #Noun', {}, world)).toBe(first);
  });

  it('parses a pattern with options every time, as options change the parse', () => {
    const fuzzy = parseMatch('~walk~', { fuzzy: 0.8 }, world);
    expect(parseMatch('~walk~', { fuzzy: 0.8 }, world)).not.toBe(fuzzy);
    expect(parseMatch('~walk~', { fuzzy: 0.8 }, world)).toEqual(fuzzy);
  });

  it('finds the same matches with a pattern parsed before', () => {
    const doc = nlp('The ministers met in Seoul and signed a pact.');
    expect(doc.match('#Verb').out('array')).toEqual(['met', 'signed']);
    expect(doc.match('#Verb').out('array')).toEqual(['met', 'signed']);
  });
});

describe('verbGroups', () => {
  // [sentence, its groups as [text, infinitive, tense, isInfinitive]]
  const cases: [string, [string, string, string, boolean][]][] = [
    ['Lee and Trump met in Gyeongju on Wednesday.', [['met', 'meet', 'PastTense', false]]],
    [
      'Hegseth will visit the JSA, officials said.',
      [
        ['will visit', 'visit', 'FutureTense', false],
        ['said', 'say', 'PastTense', false],
      ],
    ],
    [
      'The two sides have agreed to hold talks; details came later.',
      [
        ['have agreed', 'agree', 'PastTense', false],
        ['hold', 'hold', 'PresentTense', true],
        ['came', 'come', 'PastTense', false],
      ],
    ],
    ['A summit in Gyeongju last week', []],
  ];
  it.each(cases)('%s', (sentence, expected) => {
    const groups = verbGroups(sentence);
    expect(groups.map((g) => [g.text, g.infinitive, g.tense, g.isInfinitive])).toEqual(expected);
    // Offsets point at the words as written.
    for (const group of groups) expect(sentence.slice(group.start, group.end)).toBe(group.text);
  });
});
