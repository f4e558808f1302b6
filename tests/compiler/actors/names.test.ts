import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../../../src/compiler/actors/catalog';
import { findNameCandidates } from '../../../src/compiler/actors/names';
import { tokenize } from '../../../src/compiler/actors/tokens';
import { segmentText } from '../../../src/compiler/segment';
import { CATALOG, mentionList, resolve } from './helpers';

const INDEX = indexCatalog(CATALOG);

function candidates(text: string, headline = false) {
  const tokens = tokenize(text, segmentText(text));
  return findNameCandidates(text, tokens, INDEX, () => headline).map((candidate) => ({
    text: text.slice(candidate.start, candidate.end),
    ...(candidate.title === undefined ? {} : { title: candidate.title }),
    ...(candidate.match?.name ? { name: candidate.match.name.id } : {}),
    ...(candidate.match?.metonym ? { metonym: candidate.match.metonym.id } : {}),
    ...(candidate.qualifies ? { qualifies: true } : {}),
  }));
}

describe('findNameCandidates', () => {
  it.each([
    ['Labor Minister Jeannette Jara urged both sides to talk.', [{ text: 'Jeannette Jara', title: 'Labor Minister' }]],
    [
      'U.S. Defense Secretary Pete Hegseth landed.',
      [{ text: 'Pete Hegseth', title: 'U.S. Defense Secretary', name: 'pete-hegseth' }],
    ],
    ['Secretary of State Marco Rubio spoke.', [{ text: 'Marco Rubio', title: 'Secretary of State' }]],
    ['Meanwhile, the court adjourned.', []],
    ['However, Escondida kept running.', [{ text: 'Escondida' }]],
    [
      'The Ministry of Land, Infrastructure and Transport said so.',
      [{ text: 'Ministry of Land' }, { text: 'Infrastructure' }, { text: 'Transport' }],
    ],
    ["Seoul's Defense Ministry agreed.", [{ text: "Seoul's Defense Ministry", name: 'ministry-of-national-defense' }]],
    [
      'South Korea Defense Ministry photo.',
      [
        { text: 'South Korea', name: 'south-korea', qualifies: true },
        { text: 'Defense Ministry', name: 'ministry-of-national-defense' },
      ],
    ],
    [
      'The Korea-U.S. alliance holds.',
      [
        { text: 'Korea', name: 'south-korea' },
        { text: 'U.S.', name: 'united-states' },
      ],
    ],
    ['General Motors cut jobs.', [{ text: 'General Motors' }]],
    ['Officials in Seoul met.', [{ text: 'Seoul', name: 'seoul', metonym: 'south-korea' }]],
    ['A photo of the talks. [YONHAP]', []],
  ])('%s', (text, expected) => {
    expect(candidates(text)).toEqual(expected);
  });
});

describe('resolveActors: which names become actors', () => {
  it.each([
    // Titles and role words make people; heads make organisations and places.
    [
      'Union leader Ana Ruiz met Codelco Mining Group executives.',
      ['Ana Ruiz→ana-ruiz', 'Codelco Mining Group→codelco-mining-group'],
    ],
    ['Workers marched to the Atacama Desert.', ['Atacama Desert→atacama-desert@']],
    ['Samsung Electronics said profit fell.', ['Samsung Electronics→samsung-electronics']],
    ['The White House declined to comment.', ['White House→white-house']],
    // Events, documents, demonyms, months and sentence-initial words are not actors.
    ['The Security Consultative Meeting (SCM) opened. The SCM closed.', []],
    ['North Korean and Chinese vessels were tracked in November.', []],
    ['Copper prices rose. Analysts said Tuesday that demand held.', []],
    ['Regain wartime operational control (Opcon) soon. Opcon talks continue.', []],
    // An abbreviation in brackets names what came before it.
    [
      'U.S. Forces Korea (USFK) said drills went ahead. USFK added more.',
      ['U.S. Forces Korea→us-forces-korea', 'USFK→us-forces-korea', 'USFK→us-forces-korea'],
    ],
    [
      'They visited the Joint Security Area (JSA) inside the zone.',
      ['Joint Security Area→joint-security-area', 'JSA→joint-security-area'],
    ],
  ])('%s', (text, expected) => {
    expect(mentionList(text)).toEqual(expected);
  });

  it.each([
    ["Japan's Defense Ministry protested.", ["Japan's Defense Ministry→japan-defense-ministry"]],
    ["Tokyo's Defense Ministry protested.", ["Tokyo's Defense Ministry→tokyo-defense-ministry"]],
    ["South Korea's Defense Ministry agreed.", ['Defense Ministry→ministry-of-national-defense']],
  ])("keeps another country's organisation apart from the catalogue's: %s", (text, expected) => {
    expect(mentionList(text)).toEqual(expected);
  });

  it('trusts only catalogue names in headings and page furniture', () => {
    const text =
      'Hegseth Meets Ahn In Seoul Amid Opcon Debate\nRelated Article\nLog in to Twitter or Facebook account to connect';
    expect(resolve(text).actors.map((actor) => actor.id)).toEqual(['ahn-gyu-back', 'pete-hegseth', 'seoul']);
  });

  it('gives every mention the exact words of the text and sorts the output', () => {
    const text = "Trump's aides met Hegseth. Later, Trump left.";
    const { actors, mentions } = resolve(text);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    expect(mentions.map((mention) => mention.text)).toEqual(['Trump', 'Hegseth', 'Trump']);
    expect(actors.map((actor) => actor.id)).toEqual(['donald-trump', 'pete-hegseth']);
  });

  it('is deterministic', () => {
    const text = 'Cho Hyun met Wang Yi in Beijing. Wang said China wanted calm. Cho said Seoul agreed.';
    expect(resolve(text)).toEqual(resolve(text));
  });
});
