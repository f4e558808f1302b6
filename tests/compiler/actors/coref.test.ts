import { describe, expect, it } from 'vitest';
import { parseActorCatalog } from '../../../src/compiler/actors/catalog';
import { slugify } from '../../../src/compiler/actors/coref';
import { nameKey } from '../../../src/compiler/actors/tokens';
import { mentionList, resolve } from './helpers';

describe('nameKey', () => {
  it.each([
    ['Lee Jae-myung', 'Lee Jae Myung'],
    ['Kim Jong-un', 'Kim Jong Un'],
    ["Hegseth's", 'Hegseth'],
    ['U.S.', 'US'],
    ['the Pentagon', 'Pentagon'],
    ['António Guterres', 'Antonio Guterres'],
  ])('%s and %s agree', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['Lee Jae-yong', 'Lee Jae Myung'],
    ['Korea', 'Koreas'],
  ])('%s and %s differ', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });
});

describe('slugify', () => {
  it.each([
    ['Ahn Gyu-back', 'ahn-gyu-back'],
    ['Minera Escondida Ltda.', 'minera-escondida-ltda'],
    ['Jürgen Wenzel', 'jurgen-wenzel'],
    ['U.S. Forces Korea', 'us-forces-korea'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe('coreference', () => {
  it.each([
    // Surnames and first words refer back to the full name met earlier.
    ['Labor Minister Jeannette Jara spoke. Jara later left.', ['Jeannette Jara→jeannette-jara', 'Jara→jeannette-jara']],
    [
      'Manchester United signed a striker. United paid £55 million.',
      ['Manchester United→manchester-united', 'United→manchester-united'],
    ],
    [
      'Samsung Electronics agreed the deal. Samsung said so.',
      ['Samsung Electronics→samsung-electronics', 'Samsung→samsung-electronics'],
    ],
    // An earlier Lee in the article beats the catalogue's Lee.
    [
      'Samsung Electronics Chairman Lee Jae-yong met Trump. Lee said the company would invest.',
      [
        'Samsung Electronics→samsung-electronics',
        'Lee Jae-yong→lee-jae-yong',
        'Trump→donald-trump',
        'Lee→lee-jae-yong',
        'the company→samsung-electronics',
      ],
    ],
    // Spelling variants and possessives.
    ["Kim Jong-un spoke. Kim Jong Un's sister replied.", ['Kim Jong-un→kim-jong-un', 'Kim Jong Un→kim-jong-un']],
    [
      "President Lee Jae-myung met Trump. Lee Jae Myung's aides smiled.",
      ['Lee Jae-myung→lee-jae-myung', 'Trump→donald-trump', 'Lee Jae Myung→lee-jae-myung'],
    ],
    // Titles: the most recent person holding the title.
    [
      'Judge Keiko Sato ruled. Defense lawyer Kenji Mori objected, but the judge refused.',
      ['Keiko Sato→keiko-sato', 'Kenji Mori→kenji-mori', 'the judge→keiko-sato'],
    ],
    [
      'Foreign Minister Cho Hyun met Defense Minister Ahn Gyu-back. The minister then flew home.',
      ['Cho Hyun→cho-hyun', 'Ahn Gyu-back→ahn-gyu-back', 'The minister→ahn-gyu-back'],
    ],
    [
      'U.S. President Donald Trump called President Lee Jae Myung. The U.S. president said talks went well.',
      ['Donald Trump→donald-trump', 'Lee Jae Myung→lee-jae-myung', 'The U.S. president→donald-trump'],
    ],
    // Organisations by their head noun.
    [
      'Minera Escondida Ltda. said output held. The company added that talks would resume.',
      ['Minera Escondida Ltda.→minera-escondida-ltda', 'The company→minera-escondida-ltda'],
    ],
    [
      'The Pentagon said Hegseth would travel, the department said.',
      ['Pentagon→pentagon', 'Hegseth→pete-hegseth', 'the department→pentagon'],
    ],
    // "the German club" must be German: no German club has been named.
    ['Manchester United agreed a fee. The German club accepted.', ['Manchester United→manchester-united']],
    // A surname before the full name, as headlines and opening quotes write it, means the person named further on.
    [
      'Foreign Minister Laitrum presses on\n\nForeign Minister Kohe Laitrum met envoys on Monday. Laitrum left.',
      ['Laitrum→kohe-laitrum', 'Kohe Laitrum→kohe-laitrum', 'Laitrum→kohe-laitrum'],
    ],
    [
      '"It is a practical step," Brith said. Ambassador Mitrouth Brith arrived in Naidaith on Monday.',
      ['Brith→mitrouth-brith', 'Mitrouth Brith→mitrouth-brith', 'Naidaith→naidaith@'],
    ],
    // Two people further on share the surname: it means neither.
    [
      'Judge Sato ruled. Judge Keiko Sato and lawyer Kenji Sato left.',
      ['Sato→sato', 'Keiko Sato→keiko-sato', 'Kenji Sato→kenji-sato'],
    ],
  ])('%s', (text, expected) => {
    expect(mentionList(text)).toEqual(expected);
  });

  it.each([
    ['a senior official said the talks failed.'],
    ['The thieves fled before police arrived.'],
    ['The minister said nothing more.'],
    ['The Secretary will travel next week.'],
  ])('leaves unnamed people alone: %s', (text) => {
    expect(resolve(text).mentions).toEqual([]);
  });

  it('resolves "the ministry" to a catalogue ministry only once its country is in the story', () => {
    const catalog = parseActorCatalog(
      [
        '- id: south-korea\n  name: South Korea\n  kind: country\n  aliases: [Korea]',
        '- id: mnd\n  name: Ministry of National Defense\n  kind: organization\n  aliases: [the ministry]\n  country: south-korea',
      ].join('\n'),
      'a.yaml',
    );
    expect(mentionList('Talks will be held, the ministry said.', catalog)).toEqual([]);
    expect(mentionList('Korea will host the talks, the ministry said.', catalog)).toEqual([
      'Korea→south-korea',
      'the ministry→mnd',
    ]);
  });

  it('lists the catalogue aliases and the forms seen, never descriptions', () => {
    const { actors } = resolve('Defense Secretary Pete Hegseth landed. Hegseth met reporters. The Secretary smiled.');
    expect(actors).toEqual([{ id: 'pete-hegseth', name: 'Pete Hegseth', kind: 'person', aliases: ['Hegseth', 'Peter Hegseth'] }]);
  });
});
