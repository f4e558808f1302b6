import { describe, expect, it } from 'vitest';
import { Prng } from '../../../bench/prng';
import {
  attachActors,
  finishMerge,
  mergeEvents,
  type ActorEvent,
  type ArticleEvents,
  type DraftHead,
} from '../../../src/compiler/merge';
import { eventId, slugify } from '../../../src/compiler/merge/identity';
import type { Article } from '../../../src/compiler/read';
import { IdSchema, TimelineEventSchema, type Actor } from '../../../src/model/schema';

/** An article whose text is its sentences joined by spaces; events point at sentences by index. */
function makeArticle(
  id: string,
  published: string,
  sentences: readonly string[],
  events: readonly (Partial<ActorEvent> & { sentence: number })[],
  actors: readonly Actor[] = [],
): ArticleEvents {
  const text = sentences.join(' ');
  const starts = sentences.map((_, i) => sentences.slice(0, i).join(' ').length + (i > 0 ? 1 : 0));
  const article: Article = { file: `${id}.txt`, meta: { id, title: id, published }, body: text, bodyLine: 1 };
  return {
    article,
    text,
    actors: [...actors],
    events: events.map((event) => {
      const start = starts[event.sentence] ?? 0;
      return {
        passage: { start, end: start + (sentences[event.sentence]?.length ?? 0) },
        title: 'Untitled',
        edtf: '2025-01-01',
        status: 'occurred',
        actors: [],
        ...event,
      };
    }),
  };
}

const actor = (id: string, name: string): Actor => ({ id, name, kind: 'person', aliases: [] });
const ahn = actor('ahn-gyu-back', 'Ahn Gyu-back');
const hegseth = actor('pete-hegseth', 'Pete Hegseth');
const SCM = '57th security consultative meeting';

const october = makeArticle(
  'oct',
  '2025-10-27T09:04+09:00',
  ['Ahn and Hegseth will meet for the 57th SCM in Seoul on Nov. 4.'],
  [
    {
      sentence: 0,
      name: SCM,
      title: '57th Security Consultative Meeting',
      edtf: '2025-11-04',
      status: 'scheduled',
      place: 'Seoul',
      actors: ['ahn-gyu-back', 'pete-hegseth'],
    },
  ],
  [ahn, hegseth],
);
const november = makeArticle(
  'nov',
  '2025-11-05',
  [
    'Ahn and Hegseth held the 57th SCM in Seoul on Tuesday.',
    'Hegseth arrived in Seoul on Monday.',
    'Hegseth and Ahn visited the JSA on Monday.',
    'In this photo, Hegseth shakes hands with Ahn on Nov. 3.',
  ],
  [
    {
      sentence: 0,
      name: SCM,
      title: '57th Security Consultative Meeting',
      edtf: '2025-11-04',
      status: 'occurred',
      actors: ['ahn-gyu-back', 'pete-hegseth'],
    },
    { sentence: 1, title: 'Hegseth arrives in Seoul', edtf: '2025-11-03', actors: ['pete-hegseth'] },
    { sentence: 2, title: 'Hegseth visits JSA', edtf: '2025-11-03', actors: ['ahn-gyu-back', 'pete-hegseth'] },
    {
      sentence: 3,
      title: 'Hegseth shakes hands with Ahn',
      edtf: '2025-11-03',
      caption: true,
      actors: ['ahn-gyu-back', 'pete-hegseth'],
    },
  ],
  [hegseth, ahn],
);

describe('mergeEvents', () => {
  it('merges the SCM of two articles into one event with two sources and the later status', () => {
    const { events } = mergeEvents([october, november]);
    const scm = events.filter((event) => event.title === '57th Security Consultative Meeting');
    expect(scm).toHaveLength(1);
    expect(scm[0]?.sources.map((source) => source.article)).toEqual(['oct', 'nov']);
    expect(scm[0]).toMatchObject({ status: 'occurred', place: 'Seoul', when: { edtf: '2025-11-04' } });
    expect(scm[0]?.id).toMatch(/^57th-security-consultative-meeting-[0-9a-f]{6}$/);
  });

  it('takes the status from the latest article whatever the input order', () => {
    expect(mergeEvents([november, october])).toEqual(mergeEvents([october, november]));
  });

  it('keeps the arrival apart from the JSA visit and folds the caption into the visit', () => {
    const { events } = mergeEvents([november]);
    const sameDay = events.filter((event) => event.when.edtf === '2025-11-03');
    expect(sameDay.map((event) => [event.title, event.sources.length])).toEqual(
      expect.arrayContaining([
        ['Hegseth arrives in Seoul', 1],
        ['Hegseth visits JSA', 2],
      ]),
    );
    expect(sameDay).toHaveLength(2);
    expect(sameDay.find((event) => event.sources.length === 2)?.id).toMatch(/^hegseth-visits-jsa-[0-9a-f]{6}$/);
  });

  it('gives two events stated by one passage different identities', () => {
    const article = makeArticle(
      'visit',
      '2025-11-04',
      ['Hegseth arrived on Monday for his two-day visit.'],
      [
        { sentence: 0, title: 'Hegseth arrives', edtf: '2025-11-03', dateText: 'on Monday', actors: ['hegseth'] },
        {
          sentence: 0,
          title: 'Hegseth arrives',
          edtf: '2025-11-03/2025-11-04',
          dateText: 'his two-day visit',
          duration: true,
          actors: ['hegseth'],
        },
      ],
    );
    const ids = mergeEvents([article]).events.map((event) => event.id);
    expect(ids).toHaveLength(2);
    expect(ids[0]?.slice(-6)).not.toBe(ids[1]?.slice(-6));
  });

  it('keeps both readings when sources disagree on the date', () => {
    const later = makeArticle(
      'later',
      '2025-11-06',
      ['The 57th SCM took place on Nov. 5.'],
      [
        {
          sentence: 0,
          name: SCM,
          title: '57th Security Consultative Meeting',
          edtf: '2025-11-05',
          dateText: 'on Nov. 5',
          actors: [],
        },
      ],
    );
    const [scm] = mergeEvents([october, later]).events;
    expect(scm?.sources).toHaveLength(2);
    expect(scm?.when.edtf).toBe('2025-11-05');
    expect(scm?.conflicts).toEqual([
      { when: { edtf: '2025-11-04', start: '2025-11-04', end: '2025-11-04', precision: 'day' }, article: 'oct' },
    ]);
  });

  it('keeps the most precise date that the vaguer sources contain', () => {
    const article = makeArticle(
      'summit',
      '2025-11-04',
      ['Their summit talks last week.', 'Their summit in Gyeongju on Wednesday.'],
      [
        { sentence: 0, title: 'Summit talks between Lee and Trump', edtf: '2025-10-27/2025-11-02', actors: ['lee', 'trump'] },
        { sentence: 1, title: 'Summit in Gyeongju', edtf: '2025-10-29', place: 'Gyeongju', actors: ['lee', 'trump'] },
      ],
    );
    const { events } = mergeEvents([article]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ title: 'Summit in Gyeongju', when: { edtf: '2025-10-29' }, place: 'Gyeongju' });
    expect(events[0]?.conflicts).toBeUndefined();
  });

  it.each([
    {
      name: 'a verdict and the sentence handed down in the same hearing fold into one event',
      events: [
        { title: 'Court convicts Kim of bribery', edtf: '2025-03-07', actors: ['court', 'kim'] },
        { title: 'Judge sentences him to 12 years', edtf: '2025-03-07', actors: ['court', 'kim'] },
      ],
      count: 1,
    },
    {
      name: 'a vote and the market reaction an hour later stay apart',
      events: [
        { title: 'Parliament approves budget', edtf: '2025-06-12', actors: ['parliament'] },
        { title: 'Shares fall after budget vote', edtf: '2025-06-12', actors: [] },
      ],
      count: 2,
    },
    {
      name: 'a two-day visit and one act within it stay apart',
      events: [
        { title: "Hegseth's two-day visit to Seoul", edtf: '2025-11-03/2025-11-04', duration: true, actors: ['hegseth'] },
        { title: 'Hegseth visits JSA', edtf: '2025-11-03', actors: ['hegseth'] },
      ],
      count: 2,
    },
    {
      name: 'two people who make the same pledge for one country stay apart',
      events: [
        { title: 'Kim vows to complete rail project', edtf: '2027', actors: ['kim', 'north-korea'] },
        { title: 'Ri vows to complete rail project', edtf: '2027', actors: ['north-korea', 'ri'] },
      ],
      count: 2,
    },
    {
      name: "a year's reports that share a country and the story's topic words stay apart",
      events: [
        { title: 'Beihairia and Zanisia sign rail link agreement', edtf: '2025', actors: ['zanisia'] },
        { title: 'Lawmakers in Zanisia approve rail link bill', edtf: '2025', actors: ['zanisia'] },
      ],
      count: 2,
    },
    {
      name: "a year's reports whose headlines mostly agree join",
      events: [
        { title: 'Porain Energy announces new fisheries plan', edtf: '2025', actors: ['porain-energy'] },
        { title: 'Porain Energy unveils new fisheries plan', edtf: '2025', actors: ['porain-energy'] },
      ],
      count: 1,
    },
    {
      name: "one day's reports that share an actor and the story's topic words stay apart",
      events: [
        { title: 'Beihairia signs rail link agreement', edtf: '2025-04-29', actors: ['zanisia'] },
        { title: 'Lawmakers approve rail link bill', edtf: '2025-04-29', actors: ['zanisia'] },
      ],
      count: 2,
    },
    {
      name: "one day's reports whose headlines share a third of their keywords join",
      events: [
        { title: 'Porain Energy announces new fisheries plan', edtf: '2025-01-28', actors: ['porain-energy'] },
        { title: 'Porain Energy presents fisheries plan to lawmakers', edtf: '2025-01-28', actors: ['porain-energy'] },
      ],
      count: 1,
    },
    {
      name: 'a report naming one of two parties joins the report naming both',
      events: [
        { title: 'Lee and Trump hold summit', edtf: '2025-10-29', actors: ['lee', 'trump'] },
        { title: 'Trump attends summit', edtf: '2025-10-29', actors: ['trump'] },
      ],
      count: 1,
    },
    {
      name: 'the same words on incompatible dates stay apart',
      events: [
        { title: 'Kim visits Beijing', edtf: '2025-03-07', actors: ['kim'] },
        { title: 'Kim visits Beijing', edtf: '2025-04-07', actors: ['kim'] },
      ],
      count: 2,
    },
    {
      name: "one day's reports without actors whose headlines mostly agree join",
      events: [
        { title: 'Zaikumia and Kekrania sign tariff agreement', edtf: '2025-04-25', actors: [] },
        { title: 'Zaikumia and Kekrania to sign tariff agreement', edtf: '2025-04-25', actors: [] },
      ],
      count: 1,
    },
    {
      name: "one day's reports without actors that share one topic word stay apart",
      events: [
        { title: 'Lawmakers approve tariff bill', edtf: '2025-04-25', actors: [] },
        { title: 'Zaikumia and Kekrania sign tariff agreement', edtf: '2025-04-25', actors: [] },
      ],
      count: 2,
    },
    {
      name: 'a report without actors joins a same-day report whose actor it names as a place',
      events: [
        { title: 'Zaikumia and Kekrania sign tariff agreement', edtf: '2025-04-25', actors: [], places: ['kekrania'] },
        { title: 'Zaikumia and Kekrania sign tariff agreement', edtf: '2025-04-25', actors: ['kekrania'] },
      ],
      count: 1,
    },
    {
      name: 'a report without actors stays apart from a same-day report whose actors it does not name',
      events: [
        { title: 'Government announces new fisheries plan', edtf: '2025-04-25', actors: [] },
        { title: 'Porain Energy announces new fisheries plan', edtf: '2025-04-25', actors: ['porain-energy'] },
      ],
      count: 2,
    },
    {
      name: "reports without actors on a month's dates stay apart",
      events: [
        { title: 'Lawmakers approve tariff bill', edtf: '2025-04', actors: [] },
        { title: 'Lawmakers approve tariff bill', edtf: '2025-04', actors: [] },
      ],
      count: 2,
    },
    {
      name: "a person's visits to two cities stay apart, however the headlines agree",
      events: [
        { title: 'Breikon visits Naidaith', edtf: '2025-03-25', actors: ['breikon'], places: ['naidaith'] },
        { title: 'Breikon visits Ditreidri', edtf: '2025', actors: ['breikon'], places: ['ditreidri'] },
      ],
      count: 2,
    },
    {
      name: 'a vague report of a visit joins the visit to the same city',
      events: [
        { title: 'Breikon visits Naidaith', edtf: '2025-03-25', actors: ['breikon'], places: ['naidaith'] },
        { title: 'Breikon visits Naidaith', edtf: '2025', actors: ['breikon'], places: ['naidaith'] },
      ],
      count: 1,
    },
    {
      name: 'a report that names no place joins one that does',
      events: [
        { title: 'Kim meets Lee in Seoul', edtf: '2025-05-03', actors: ['kim', 'lee'], places: ['seoul'] },
        { title: 'Kim meets Lee', edtf: '2025-05-03', actors: ['kim', 'lee'] },
      ],
      count: 1,
    },
    {
      name: 'an unnamed annual meeting and another year of it stay apart',
      events: [
        { title: 'Security Consultative Meeting', name: 'security consultative meeting', edtf: '2024', actors: [] },
        { title: 'Security Consultative Meeting', name: 'security consultative meeting', edtf: '2025', actors: [] },
      ],
      count: 2,
    },
  ])('$name', ({ events, count }) => {
    const article = makeArticle(
      'a',
      '2025-06-13',
      ['One.', 'Two.'],
      events.map((event, sentence) => ({ ...event, sentence })),
    );
    expect(mergeEvents([article]).events).toHaveLength(count);
  });

  it('lets a vague report join one of the events it contains, never chain them into one', () => {
    const article = makeArticle(
      'talks',
      '2025-06-02',
      ['Kim met Lee in Seoul on May 3.', 'Kim met Lee in Busan on May 10.', 'Kim and Lee met twice last month.'],
      [
        { sentence: 0, title: 'Kim meets Lee in Seoul', edtf: '2025-05-03', actors: ['kim', 'lee'] },
        { sentence: 1, title: 'Kim meets Lee in Busan', edtf: '2025-05-10', actors: ['kim', 'lee'] },
        { sentence: 2, title: 'Kim and Lee meet', edtf: '2025-05', actors: ['kim', 'lee'] },
      ],
    );
    const { events } = mergeEvents([article]);
    expect(events.map((event) => [event.when.edtf, event.sources.length])).toEqual([
      ['2025-05-03', 2],
      ['2025-05-10', 1],
    ]);
  });

  it('gives ids that survive adding an unrelated article', () => {
    const before = mergeEvents([october, november]).events.map((event) => event.id);
    const unrelated = makeArticle(
      'zzz',
      '2025-10-01',
      ['Floods hit the coast on Sept. 30.'],
      [{ sentence: 0, title: 'Floods hit coast', edtf: '2025-09-30' }],
    );
    const after = mergeEvents([unrelated, october, november]).events.map((event) => event.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('returns events that satisfy the contract, sorted by date then id, with the actors they use', () => {
    const { events, actors } = mergeEvents([october, november]);
    for (const event of events) {
      expect(TimelineEventSchema.safeParse(event).success).toBe(true);
      expect(IdSchema.safeParse(event.id).success).toBe(true);
      for (const source of event.sources) expect(source.quote.length).toBe(source.end - source.start);
    }
    const keys = events.map((event) => `${event.when.start}|${event.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(actors.map((a) => a.id)).toEqual(['ahn-gyu-back', 'pete-hegseth']);
  });

  it('returns nothing for no articles', () => {
    expect(mergeEvents([])).toEqual({ events: [], actors: [] });
  });
});

describe('finishMerge', () => {
  /** A draft head of `baseId` and `identity` on `start`. */
  const head = (baseId: string, identity: string, start = '2025-01-01'): DraftHead => ({
    baseId,
    identity,
    when: { edtf: start, start, end: start, precision: 'day' },
    actors: [],
  });

  /** Ids as the contract words it: drafts in identity order (ties in input order), each its base id or the first free numbered one. */
  function idsOneByOne(drafts: readonly DraftHead[]): string[] {
    const order = drafts
      .map((_, k) => k)
      .sort((a, b) => {
        const [x, y] = [(drafts[a] as DraftHead).identity, (drafts[b] as DraftHead).identity];
        return x < y ? -1 : x > y ? 1 : 0;
      });
    const used = new Set<string>();
    const ids: string[] = [];
    for (const k of order) {
      const { baseId } = drafts[k] as DraftHead;
      let id = baseId;
      for (let n = 2; used.has(id); n++) id = `${baseId}-${n}`;
      used.add(id);
      ids[k] = id;
    }
    return ids;
  }

  it.each([
    ['one base id, numbered in identity order', [head('x', 'c'), head('x', 'a'), head('x', 'b')], ['x-3', 'x', 'x-2']],
    ['equal identities, in input order', [head('x', 'a'), head('x', 'a')], ['x', 'x-2']],
    ['a base id that is another numbered, after it', [head('x', 'a'), head('x', 'b'), head('x-2', 'c')], ['x', 'x-2', 'x-2-2']],
    ['a base id that is another numbered, before it', [head('x', 'b'), head('x', 'c'), head('x-2', 'a')], ['x', 'x-3', 'x-2']],
    ['distinct base ids', [head('b', 'z'), head('a', 'y')], ['b', 'a']],
  ])('gives ids: %s', (_, drafts, ids) => {
    expect(finishMerge(drafts, []).ids).toEqual(ids);
    expect(idsOneByOne(drafts)).toEqual(ids);
  });

  it('gives the ids of drafts given them one by one, for random drafts of a few base ids', () => {
    const random = new Prng(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)] as T;
    for (const pool of [
      ['a', 'b', 'c'],
      ['a', 'a-2', 'a-3', 'b'],
      ['seoul-talks-1a2b3c', 'seoul-talks-1a2b3c-2', 'busan-123456'],
    ])
      for (let round = 0; round < 50; round++) {
        const drafts = Array.from({ length: 1 + Math.floor(random.next() * 12) }, () =>
          head(pick(pool), pick(['p', 'q', 'r', 's']), pick(['2025-01-01', '2025-01-02'])),
        );
        const { events, ids } = finishMerge(drafts, []);
        expect(ids).toEqual(idsOneByOne(drafts));
        expect(new Set(ids).size).toBe(ids.length);
        const keys = events.map((event) => [event.when.start, event.id]);
        expect(keys).toEqual([...keys].sort((x, y) => (x.join('|') < y.join('|') ? -1 : 1)));
      }
  });
});

describe('attachActors', () => {
  it('keeps non-locative mentions inside the passage, sorted and without repeats', () => {
    const [event] = attachActors(
      [{ sentence: 0, passage: { start: 10, end: 60 }, title: 'T', edtf: '2025', status: 'occurred' }],
      [
        { actor: 'trump', start: 12, end: 17 },
        { actor: 'lee', start: 20, end: 23 },
        { actor: 'trump', start: 30, end: 35 },
        { actor: 'seoul', start: 40, end: 45, locative: true },
        { actor: 'xi', start: 58, end: 62 },
        { actor: 'kim', start: 2, end: 5 },
      ],
    );
    expect(event?.actors).toEqual(['lee', 'trump']);
  });

  it('adds the actors of actorSpans (the antecedent of a pronoun)', () => {
    const [event] = attachActors(
      [
        {
          sentence: 1,
          passage: { start: 50, end: 90 },
          title: 'T',
          edtf: '2025',
          status: 'occurred',
          actorSpans: [{ start: 0, end: 7 }],
        },
      ],
      [
        { actor: 'hegseth', start: 0, end: 7 },
        { actor: 'ahn', start: 80, end: 83 },
        { actor: 'lee', start: 20, end: 23 },
      ],
    );
    expect(event?.actors).toEqual(['ahn', 'hegseth']);
  });

  it('takes actors only from participantSpans (and actorSpans) when they are set, not from the whole passage', () => {
    const [event] = attachActors(
      [
        {
          sentence: 0,
          passage: { start: 0, end: 100 },
          title: 'T',
          edtf: '2025',
          status: 'occurred',
          participantSpans: [{ start: 40, end: 60 }],
          actorSpans: [{ start: 90, end: 95 }],
        },
      ],
      [
        { actor: 'pentagon', start: 4, end: 12 },
        { actor: 'hegseth', start: 42, end: 49 },
        { actor: 'seoul', start: 70, end: 75 },
        { actor: 'ahn', start: 90, end: 93 },
      ],
    );
    expect(event?.actors).toEqual(['ahn', 'hegseth']);
  });

  it('gives the places named inside the passage (not in actorSpans), sorted and without repeats', () => {
    const events = attachActors(
      [
        {
          sentence: 0,
          passage: { start: 10, end: 60 },
          title: 'T',
          edtf: '2025',
          status: 'occurred',
          actorSpans: [{ start: 0, end: 8 }],
        },
        { sentence: 1, passage: { start: 70, end: 90 }, title: 'U', edtf: '2025', status: 'occurred' },
      ],
      [{ actor: 'breikon', start: 12, end: 19 }],
      [
        { actor: 'naidaith', start: 30, end: 38, locative: true },
        { actor: 'busan', start: 40, end: 45 },
        { actor: 'naidaith', start: 50, end: 58, locative: true },
        { actor: 'seoul', start: 0, end: 5 },
      ],
    );
    expect(events.map((event) => event.places)).toEqual([['busan', 'naidaith'], undefined]);
    expect(events[0]?.actors).toEqual(['breikon']);
  });
});

describe('event ids', () => {
  it.each([
    ['57th Security Consultative Meeting', '57th-security-consultative-meeting'],
    ['Concepción floods: 3 dead', 'concepcion-floods-3-dead'],
    ['会談', 'event'],
    ['One two three four five six seven eight nine ten', 'one-two-three-four-five-six-seven-eight'],
  ])('slugify(%s) → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('depends on the identity only, and satisfies IdSchema', () => {
    const id = eventId('Floods hit coast', 'article-a\u0000Floods hit the coast on Sept. 30.');
    expect(id).toBe(eventId('Floods hit coast', 'article-a\u0000Floods hit the coast on Sept. 30.'));
    expect(id).not.toBe(eventId('Floods hit coast', 'article-b\u0000Floods hit the coast on Sept. 30.'));
    expect(IdSchema.safeParse(id).success).toBe(true);
  });
});
