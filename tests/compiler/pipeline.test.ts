import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogActor } from '../../src/compiler/actors/resolveActors';
import { loadCompileOptions } from '../../src/compiler/options';
import { compileArticle, EVENT_TEXT_LIMIT } from '../../src/compiler/pipeline';
import { readArticle } from '../../src/compiler/read';

// Which mentions take part in events, through the whole per-article pipeline (clean, segment,
// time, events, actors) on small articles that are not the seeds, with the curated catalogue.
let catalog: readonly CatalogActor[] = [];
beforeAll(async () => {
  catalog = (await loadCompileOptions(fileURLToPath(new URL('../../data/actors.yaml', import.meta.url)))).catalog ?? [];
});

function compile(body: string, published = '2025-11-12T10:00+09:00') {
  const file = `---\ntitle: Test article\npublished: ${published}\ntimezone: Asia/Seoul\n---\n${body}\n`;
  const compiled = compileArticle(readArticle('test.txt', new TextEncoder().encode(file)), { catalog });
  return compiled.events.map((event) => ({
    edtf: event.edtf,
    actors: event.actors,
    passage: compiled.text.text.slice(event.passage.start, event.passage.end),
  }));
}

/** The actors of the event with date `edtf` (there must be exactly one). */
function actorsOn(body: string, edtf: string): string[] {
  const events = compile(body).filter((event) => event.edtf === edtf);
  expect(events.map((event) => event.passage)).toHaveLength(1);
  return events[0]?.actors ?? [];
}

describe('places through compileArticle', () => {
  it.each([
    { body: 'Lee Jae Myung flew to Tokyo on Monday.', places: ['tokyo'] },
    { body: 'Lee Jae Myung met former Busan mayor Park Heong-joon in Seoul on Monday.', places: ['busan', 'seoul'] },
    // Countries are not where an event happened in the sense merge compares: a city in them may be.
    { body: 'Japan and China signed a fisheries agreement on Friday.', places: undefined },
  ])('$body', ({ body, places }) => {
    const file = `---\ntitle: Test article\npublished: 2025-11-12T10:00+09:00\n---\n${body}\n`;
    const [event] = compileArticle(readArticle('test.txt', new TextEncoder().encode(file)), { catalog }).events;
    expect(event?.places).toEqual(places);
  });
});

describe('participants through compileArticle', () => {
  it.each([
    {
      rule: 'a place-kind actor is where, not who',
      body: 'Lee Jae Myung flew to Tokyo on Monday.',
      edtf: '2025-11-10',
      actors: ['lee-jae-myung'],
    },
    {
      rule: 'a country that modifies a generic plural is no participant',
      body: 'Vladimir Putin met Xi Jinping on Tuesday to discuss the presence of U.S. forces in the region.',
      edtf: '2025-11-11',
      actors: ['vladimir-putin', 'xi-jinping'],
    },
    {
      rule: 'countries that say whose unnamed officials act are no participants',
      body: 'The foreign ministers of Japan and China met on Friday to discuss fishing rights.',
      edtf: '2025-11-07',
      actors: [],
    },
    {
      rule: 'a name before a lower-case office noun says whose office it is and is no participant',
      body: 'Lee Jae Myung met former Busan mayor Park Heong-joon in Seoul on Monday.',
      edtf: '2025-11-10',
      actors: ['lee-jae-myung', 'park-heong-joon'],
    },
    {
      rule: 'a country before "police" only says whose police act',
      body: 'Japan police detained Lee Jae Myung on Tuesday.',
      edtf: '2025-11-11',
      actors: ['lee-jae-myung'],
    },
    {
      rule: 'a country that acts in a list is still a participant',
      body: 'Japan and China signed a fisheries agreement on Friday.',
      edtf: '2025-11-07',
      actors: ['china', 'japan'],
    },
    {
      rule: 'a group noun used as a verb leaves the name before it a participant',
      body: 'Japan ships its first rice cargo to the Philippines on Nov. 20.',
      edtf: '2025-11-20',
      actors: ['japan'],
    },
    {
      rule: 'a clause whose subject is a common noun borrows no one from the sentence before',
      body: 'Lee Jae Myung has long argued for the bill. On Tuesday, lawmakers in Seoul approved the bill.',
      edtf: '2025-11-11',
      actors: [],
    },
    {
      rule: 'a subject that holds a pronoun borrows its antecedent',
      body: 'Lee Jae Myung and Xi Jinping met in Gyeongju. They both attended a dinner on Tuesday.',
      edtf: '2025-11-11',
      actors: ['lee-jae-myung', 'xi-jinping'],
    },
    {
      rule: 'a participial clause borrows only its subject, not the objects of the main clause',
      body: 'North Korea kept up its cooperation with Russia, firing a cruise missile into the sea on Sunday.',
      edtf: '2025-11-09',
      actors: ['north-korea'],
    },
    {
      rule: 'a verbless event phrase takes its actors from the phrase, not from the sentence around it',
      body: "Analysts expect Beijing's response to harden following talks between Xi Jinping and Vladimir Putin last week.",
      edtf: '2025-11-03/2025-11-09',
      actors: ['vladimir-putin', 'xi-jinping'],
    },
    {
      rule: 'a trailing "saying …" comment is not part of the event',
      body: 'During their meeting on Monday, Lee Jae Myung asked Cho Hyun to brief the cabinet, saying Japan would want answers.',
      edtf: '2025-11-10',
      actors: ['cho-hyun', 'lee-jae-myung'],
    },
    {
      rule: 'a reduced relative clause on the object belongs to the clause',
      body: 'Donald Trump toured a Busan shipyard on Friday, owned by Hanwha Ocean.',
      edtf: '2025-11-07',
      actors: ['donald-trump', 'hanwha-ocean'],
    },
  ])('$rule', ({ body, edtf, actors }) => {
    expect(actorsOn(body, edtf)).toEqual(actors);
  });

  it('does not make the holder of a term that dates a goal a participant', () => {
    const events = compile(
      "South Korea has vowed to regain Opcon from Washington within Lee Jae Myung's five-year term that ends in 2030.",
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.actors).toEqual(['south-korea', 'united-states']);
  });

  it('adds only the words leading up to a named event that is dated elsewhere', () => {
    const events = compile(
      [
        'Cho Hyun and Sanae Takaichi will hold the 12th Strategic Dialogue (SD) in Tokyo on Dec. 3.',
        "The White House announced that Donald Trump will join the SD and praise China's restraint.",
        "Separately, the Defense Ministry announced Kim Jong Un's attendance at the SD.",
      ].join('\n'),
    );
    const dialogue = events.filter((event) => event.edtf === '2025-12-03').map((event) => event.actors);
    expect(dialogue).toEqual([['cho-hyun', 'sanae-takaichi'], ['donald-trump'], ['kim-jong-un']]);
  });
});

describe('articles longer than EVENT_TEXT_LIMIT', () => {
  it('reads events from the first part only, says so, and still publishes the whole text', () => {
    // Every filler line differs, or clean would drop the repeats; letters, not numbers, tell them apart.
    const letters = (n: number) => n.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)));
    const filler = Array.from(
      { length: 16_000 },
      (_, i) => `The committee met for session ${letters(i)} and the discussion went on.`,
    );
    const early = 'The mayor opened the new bridge on Monday.\n\n';
    const late = 'The council approved the budget on Nov. 3.';
    const body = `${early}${filler.join('\n\n')}\n\n${late}`;
    const file = `---\ntitle: Long\npublished: 2025-11-12\n---\n${body}\n`;
    const compiled = compileArticle(readArticle('desk/archive/long.txt', new TextEncoder().encode(file)), { catalog });
    expect(compiled.text.text.length).toBeGreaterThan(EVENT_TEXT_LIMIT);
    expect(compiled.text.text.endsWith(late)).toBe(true);
    expect(compiled.events.map((event) => event.edtf)).toEqual(['2025-11-10']);
    // Named by the file's name alone: a compiled article (cached) must not depend on where its folder is.
    expect(compiled.warnings).toEqual([
      expect.stringMatching(/^long\.txt: article text is 1\.\dM characters; events were read from its first 1\.0M only$/),
    ]);
  }, 120_000);

  it('gives an ordinary article no warning', () => {
    const file = `---\ntitle: Short\npublished: 2025-11-12\n---\nThe mayor opened the new bridge on Monday.\n`;
    expect(compileArticle(readArticle('short.txt', new TextEncoder().encode(file)), { catalog }).warnings).toEqual([]);
  });
});
