/**
 * compromise as the compiler sets it up (src/compiler/nlp.ts): each match pattern parsed
 * once, verb groups read with offsets only, the rules the tagger tries picked from the
 * sentence's side, and letters folded only where there is one; each must give what
 * compromise's own code gives.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate';
import { compromiseKillUnicode, compromiseSweep, nlp } from '../../src/compiler/nlp';
import { verbGroups } from '../../src/compiler/events/verbs';

type ParseMatch = (input: unknown, options?: unknown, world?: unknown) => unknown;
type KillUnicode = (text: string | undefined, world: unknown) => string;
const methods = nlp.methods() as { one: { parseMatch: ParseMatch; bulkMatch: unknown; killUnicode: KillUnicode } };
const { parseMatch } = methods.one;
const world = nlp.world();
const sweep = methods.one.bulkMatch;

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

describe('sweep (which rules compromise tries on a sentence)', () => {
  afterEach(() => {
    methods.one.bulkMatch = sweep;
  });

  /** Runs `tag` once with the compiler's sweep and once with compromise's own. */
  function both<T>(tag: () => T): [T, T] {
    const ours = tag();
    methods.one.bulkMatch = compromiseSweep;
    const theirs = tag();
    methods.one.bulkMatch = sweep;
    return [ours, theirs];
  }

  const tagsOf = (text: string) =>
    nlp(text)
      .json({ terms: { tags: true } })
      .map((sentence: { terms: { text: string; tags: string[]; chunk: string }[] }) =>
        sentence.terms.map(({ text: word, tags, chunk }) => `${word}/${tags.join('+')}/${chunk}`),
      );

  it("is the compiler's: compromise tags through it", () => {
    expect(sweep).not.toBe(compromiseSweep);
  });

  const articles = fileURLToPath(new URL('../../data/articles/', import.meta.url));
  const seedText = readdirSync(articles)
    .map((file) => readFileSync(`${articles}${file}`, 'utf8').split(/^---$/m)[2] ?? '')
    .join('\n');
  const sentences = [
    ...seedText.split(/\n+/).filter((line) => line.trim().length > 0),
    'The two sides have agreed to hold talks; details came later.',
    "He didn't say whether they'd be visiting Seoul's old palace, nor when.",
    'Breakfast in bed, indoor and outdoor seating, the last Russian tsar.',
    'Some citizens in this Canadian capital were sweeping the country by Friday.',
  ];

  it('tags every sentence of the seed articles as compromise does', () => {
    expect(sentences.length).toBeGreaterThan(40);
    for (const sentence of sentences) {
      const [ours, theirs] = both(() => tagsOf(sentence));
      expect(ours, sentence).toEqual(theirs);
    }
  });

  it('tags the seed articles as one document as compromise does', () => {
    const [ours, theirs] = both(() => tagsOf(seedText));
    expect(ours.flat().length).toBeGreaterThan(1000);
    expect(ours).toEqual(theirs);
  });

  it('tags the lines of generated articles as compromise does', () => {
    const lines = [...generateCorpus(15, 23)].flatMap(({ content }) =>
      (content.split(/^---$/m)[2] ?? '').split(/\n+/).filter((line) => line.trim().length > 0),
    );
    expect(lines.length).toBeGreaterThan(150);
    const [ours, theirs] = both(() => lines.map(tagsOf));
    expect(ours).toEqual(theirs);
  });

  type Found = { found: { match: string; tag?: string; view: { text: () => string } }[] };
  const sweepOf = (text: string, net: unknown) =>
    (nlp(text).sweep(net as never, { tagger: false }) as Found).found.map(({ match, view }) => `${match} → ${view.text()}`);

  it('finds what compromise finds, in its order, with a net of rules hooked on many words and tags', () => {
    // Rules that need several hooks, want one of several (an "or"), need nothing, or are too long for a short sentence.
    const net = nlp.buildNet([
      { match: '#Verb #Noun', tag: 'A' },
      { match: 'the #Noun', tag: 'B' },
      { match: '(visit|visited|met) #ProperNoun', tag: 'C' },
      { match: '#ProperNoun (and|or) #ProperNoun', tag: 'D' },
      { match: '. #Verb', tag: 'E' },
      { match: '#Adjective? #Noun+ in #Place', tag: 'F' },
      { match: '(seoul|gyeongju|washington)', tag: 'G' },
      { match: '#Determiner #Adjective #Adjective #Noun #Verb #Adverb #Preposition #Noun', tag: 'H' },
      { match: 'the (summit|meeting|talks) (in|at) .', tag: 'I' },
      { match: '^. .', tag: 'J' },
    ]);
    for (const sentence of [...sentences, 'Lee and Trump met in Gyeongju and visited Seoul.', 'The summit in Seoul.']) {
      const [ours, theirs] = both(() => sweepOf(sentence, net));
      expect(ours, sentence).toEqual(theirs);
    }
    expect(sweepOf('Lee and Trump met in Gyeongju and visited Seoul.', net)).toEqual(
      expect.arrayContaining([
        '#ProperNoun (and|or) #ProperNoun → Lee and Trump',
        '(visit|visited|met) #ProperNoun → visited Seoul',
      ]),
    );
    // A rule that needs nothing is tried last, on every sentence.
    expect(sweepOf('Lee and Trump met in Gyeongju and visited Seoul.', net).at(-1)).toBe('^. . → Lee and');
  });

  it('orders a rule by the first of its hooks the sentence has, not by the first it could have', () => {
    // Hooks in order: "seoul", "in", "#ProperNoun", "#Verb", "busan". The third rule's first hook the
    // sentence has is "#Verb" (its "seoul" is absent), so it comes after the second rule.
    const net = nlp.buildNet([
      { match: 'seoul', tag: 'A' },
      { match: 'in #ProperNoun', tag: 'B' },
      { match: '(seoul|busan) #Verb', tag: 'C' },
    ]);
    const sentence = 'Busan hosted the summit in Gyeongju.';
    const [ours, theirs] = both(() => sweepOf(sentence, net));
    expect(ours).toEqual(theirs);
    expect(ours).toEqual(['in #ProperNoun → in Gyeongju', '(seoul|busan) #Verb → Busan hosted']);
  });

  it('finds each rule once when two rules share a match string, as compromise does', () => {
    const net = nlp.buildNet([
      { match: 'the #Noun', tag: 'First' },
      { match: 'the #Noun', tag: 'Second' },
      { match: '#Verb', tag: 'Third' },
    ]);
    const [ours, theirs] = both(() => sweepOf('The summit ended and the talks began.', net));
    expect(ours).toEqual(theirs);
    expect(ours.filter((found) => found.startsWith('the #Noun'))).toHaveLength(2);
  });
});

describe('killUnicode (letters folded to ASCII)', () => {
  const { killUnicode } = methods.one;
  const cases = [
    'Lee Jae Myung met Trump in Gyeongju.',
    'Björk, Zoë and Ærøskøbing',
    '“Quoted” ‘words’ — and – dashes… ¿qué? ¡sí!',
    'Москва и Київ',
    'Αθήνα',
    'İstanbul ıi̇',
    '"plain quotes" and \'apostrophes\'',
    '한국 and 日本 and 🇰🇷 emoji 👍',
    '',
    '#Verb+ (to|into) #Noun',
  ];
  it.each(cases)('%s', (text) => {
    expect(killUnicode(text, world)).toBe(compromiseKillUnicode(text, world as never));
  });

  it("folds each character of compromise's table as compromise does, alone among ASCII letters", () => {
    const table = (world as { model: { one: { unicode: Record<string, string> } } }).model.one.unicode;
    expect(Object.keys(table).length).toBeGreaterThan(500);
    for (const key of Object.keys(table))
      expect(killUnicode(`a${key}b`, world)).toBe(compromiseKillUnicode(`a${key}b`, world as never));
  });

  it("is the compiler's, and folds as compromise does where there is something to fold", () => {
    expect(killUnicode).not.toBe(compromiseKillUnicode);
    expect(killUnicode('Björk Ærø', world)).toBe('Bjork Æro');
    expect(killUnicode(undefined, world)).toBe('');
    expect(nlp('Björk sang in Zürich.').text('normal')).toContain('bjork');
  });
});
