import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/model/schema';
import { resolve } from './helpers';

// Stories the curated list has never heard of: every actor here gets a generated id.
const CHILE_STRIKE = `SANTIAGO — Thousands of workers at the Escondida copper mine in northern Chile walked off the job on Tuesday after wage talks with BHP collapsed, the mine's largest union said.
The Escondida Workers Union, which represents about 2,400 workers, said BHP had refused to raise its bonus offer. "We gave the company every chance," union president Patricio Tapia told reporters in Antofagasta.
Minera Escondida Ltda., the BHP unit that runs the mine, said it regretted the decision and that contingency teams would keep production going. The company added that it remained open to mediation by the Labor Ministry.
Labor Minister Jeannette Jara urged both sides to return to the table. "A long strike hurts everyone," Jara said.
Escondida produced about 5% of the world's copper last year. Copper prices rose 1.2% in London after the news.
Tapia said the union would meet again on Thursday.`;

const TOKYO_COURT = `The Tokyo District Court on Thursday sentenced Hiroshi Tanaka, a former Olympus Corp. executive, to three years in prison for accounting fraud. Judge Keiko Sato said Tanaka had misled investors for a decade. Prosecutors had sought five years. Tanaka's lawyer, Kenji Mori, said his client would appeal to the Tokyo High Court. The court also fined Olympus Corp. 700 million yen. A senior official at the company declined to comment.`;

const FOOTBALL_TRANSFER = `Manchester United have agreed a £55 million deal to sign striker Benjamin Sesko from RB Leipzig, the club said on Saturday.
United manager Ruben Amorim said Sesko would add pace to the attack.
Sesko, 22, will undergo a medical in Manchester this week.`;

const MERGER = `Samsung Electronics said on Monday it would buy German ventilation maker FläktGroup for 1.5 billion euros. The company expects the deal to close by the end of the year, Samsung said in a statement.
FläktGroup chief executive Jürgen Wenzel welcomed the offer. Shares of Samsung Electronics rose 2% in Seoul.`;

const UN_VOTE = `The United Nations General Assembly voted 142-10 on Friday to endorse a declaration on a two-state solution. The United States and Israel voted against the resolution, while France and Saudi Arabia, which drafted the text, welcomed the outcome. Secretary-General António Guterres urged members to act. The vote came in New York ahead of the annual summit.`;

const summary = (actors: Actor[]) => actors.map((actor) => `${actor.id}:${actor.kind}`);

describe('stories outside the catalogue', () => {
  it.each([
    [
      'a Chilean mining strike',
      CHILE_STRIKE,
      [
        'antofagasta:place',
        'bhp:organization',
        'chile:country',
        'escondida-workers-union:organization',
        'jeannette-jara:person',
        'london:place',
        'minera-escondida-ltda:organization',
        'patricio-tapia:person',
      ],
    ],
    [
      'a court case in Tokyo',
      TOKYO_COURT,
      [
        'hiroshi-tanaka:person',
        'keiko-sato:person',
        'kenji-mori:person',
        'olympus-corp:organization',
        'tokyo-district-court:organization',
        'tokyo-high-court:organization',
      ],
    ],
    [
      'a company merger',
      MERGER,
      ['flaktgroup:organization', 'jurgen-wenzel:person', 'samsung-electronics:organization', 'seoul:place'],
    ],
    [
      'a UN vote',
      UN_VOTE,
      [
        'antonio-guterres:person',
        'france:country',
        'israel:country',
        'new-york:place',
        'saudi-arabia:country',
        'united-nations-general-assembly:organization',
        'united-states:country',
      ],
    ],
  ])('finds the actors of %s and nothing else', (_story, text, expected) => {
    expect(summary(resolve(text).actors)).toEqual(expected);
  });

  it('finds the club, its players and its manager in a football transfer', () => {
    const { actors } = resolve(FOOTBALL_TRANSFER);
    expect(summary(actors)).toEqual(
      expect.arrayContaining(['manchester-united:organization', 'benjamin-sesko:person', 'ruben-amorim:person']),
    );
    expect(actors.find((actor) => actor.id === 'manchester-united')?.aliases).toEqual(['United']);
  });

  it.each([
    [CHILE_STRIKE, 'Jara', 'jeannette-jara', false],
    [CHILE_STRIKE, 'Tapia', 'patricio-tapia', false],
    [CHILE_STRIKE, 'The company', 'minera-escondida-ltda', false],
    [CHILE_STRIKE, 'the union', 'escondida-workers-union', false],
    [CHILE_STRIKE, 'Chile', 'chile', true],
    [CHILE_STRIKE, 'Antofagasta', 'antofagasta', true],
    [TOKYO_COURT, 'Tanaka', 'hiroshi-tanaka', false],
    [TOKYO_COURT, 'The court', 'tokyo-high-court', false],
    [FOOTBALL_TRANSFER, 'the club', 'manchester-united', false],
    [FOOTBALL_TRANSFER, 'Sesko', 'benjamin-sesko', false],
    [FOOTBALL_TRANSFER, 'Manchester', 'manchester', true],
    [MERGER, 'The company', 'samsung-electronics', false],
    [MERGER, 'Samsung', 'samsung-electronics', false],
  ])('resolves the words %#: %s → %s', (text, words, actor, locative) => {
    const mention = resolve(text).mentions.find((m) => m.text === words);
    expect(mention).toMatchObject({ actor, locative });
  });

  it.each([
    ['Bus drivers and their union, Verdi Transit, walked out on Monday.', 'verdi-transit'],
    ['The city hired parking contractor Lakeshore Meters to run the garages.', 'lakeshore-meters'],
    ['Shipping group Maersk Line said the route would reopen.', 'maersk-line'],
    ['Terminal operator Gdansk Container DCT cut its forecast.', 'gdansk-container-dct'],
    ['Talks with Orion Freight NV resumed in Antwerp.', 'orion-freight-nv'],
  ])('an unknown name after an organisation noun or ending in an acronym is an organisation: %s', (text, id) => {
    expect(resolve(text).actors.find((actor) => actor.id === id)?.kind).toBe('organization');
  });

  it('does not make actors of datelines, quantities or unnamed people', () => {
    const ids = resolve(CHILE_STRIKE).actors.map((actor) => actor.id);
    expect(ids).not.toContain('santiago');
    expect(ids).not.toContain('thousands');
    expect(resolve(TOKYO_COURT).actors.map((actor) => actor.id)).not.toContain('prosecutors');
  });
});
