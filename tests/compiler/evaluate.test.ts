import { describe, expect, it } from 'vitest';
import { evaluate, locatePassage, type GoldEvent } from '../../src/compiler/evaluate';
import { whenOf, type Timeline, type TimelineEvent } from '../../src/model/schema';

const text = 'Alpha met Beta in Oslo on Monday. Gamma resigned last month. Unrelated line.';

function makeEvent(overrides: Partial<TimelineEvent> & { quote: string }): TimelineEvent {
  const start = text.indexOf(overrides.quote);
  const { quote, ...rest } = overrides;
  return {
    id: `e${start}`,
    title: 't',
    when: whenOf('2025-11-03'),
    status: 'occurred',
    actors: [],
    sources: [{ article: 'a', start, end: start + quote.length, quote }],
    ...rest,
  };
}

function makeGold(overrides: Partial<GoldEvent>): GoldEvent {
  return { date: '2025-11-03', title: 'g', actors: [], passage: 'Alpha met Beta', status: 'occurred', ...overrides };
}

function timelineOf(events: TimelineEvent[]): Timeline {
  return {
    schemaVersion: 1,
    generator: { name: 'dateline', version: 'test' },
    articles: [{ id: 'a', title: 'A', published: '2025-11-04', text: 'data/articles/a.json' }],
    actors: [
      { id: 'alpha', name: 'Alpha', kind: 'person', aliases: [] },
      { id: 'beta', name: 'Beta', kind: 'person', aliases: [] },
      { id: 'oslo', name: 'Oslo', kind: 'place', aliases: [] },
    ],
    events,
  };
}

const score = (events: TimelineEvent[], gold: GoldEvent[]) =>
  evaluate(timelineOf(events), [{ id: 'a', text, paragraphs: [] }], new Map([['a', gold]]));

describe('evaluate', () => {
  it('counts an overlapping event with the gold date as recalled, and scores its actors', () => {
    const scores = score(
      [makeEvent({ quote: 'Alpha met Beta in Oslo on Monday.', actors: ['alpha', 'beta', 'oslo'] })],
      [makeGold({ actors: ['Alpha', 'Beta'] })],
    );
    expect(scores).toMatchObject({ matched: 1, eventRecallExactDate: 1, dateAccuracy: 1, actorRecall: 1, verbatimQuotes: 1 });
    expect(scores.actorPrecision).toBeCloseTo(2 / 3);
  });

  it.each([
    ['a wrong date', [makeEvent({ quote: 'Alpha met Beta', when: whenOf('2025-11') })], 0, 1, 0],
    ['no overlapping passage', [makeEvent({ quote: 'Unrelated line.' })], 0, 0, Number.NaN],
  ])('scores %s', (_name, events, recall, matched, dateAccuracy) => {
    const scores = score(events, [makeGold({})]);
    expect(scores.eventRecallExactDate).toBe(recall);
    expect(scores.matched).toBe(matched);
    expect(scores.dateAccuracy).toBe(dateAccuracy);
  });

  it('matches one-to-one, giving each gold event the candidate with its own date', () => {
    const scores = score(
      [
        makeEvent({ id: 'month', quote: 'Gamma resigned last month.', when: whenOf('2025-10') }),
        makeEvent({ id: 'day', quote: 'Gamma resigned', when: whenOf('2025-10-02') }),
      ],
      [
        makeGold({ passage: 'Gamma resigned last month', date: '2025-10' }),
        makeGold({ passage: 'Gamma resigned', date: '2025-10-02' }),
      ],
    );
    expect(scores.matches.map((m) => m.event?.id)).toEqual(['month', 'day']);
    expect(scores.eventRecallExactDate).toBe(1);
  });

  it('counts a quote that is not text.slice(start, end)', () => {
    const event = makeEvent({ quote: 'Alpha met Beta' });
    const broken = { ...event, sources: [{ ...event.sources[0]!, quote: 'Alpha met Bet!' }] };
    expect(score([broken], [makeGold({})]).verbatimQuotes).toBe(0);
  });

  it.each([
    ['exact text', 'met Beta', { start: 6, end: 14 }],
    ['different white space', 'met\n  Beta', { start: 6, end: 14 }],
    ['absent text', 'Delta', undefined],
  ])('locatePassage finds %s', (_name, passage, span) => {
    expect(locatePassage(text, passage)).toEqual(span);
  });
});

describe('evaluate across articles', () => {
  it('lets one merged event match a gold event in each article', () => {
    const other = 'Beta and Alpha met on Monday in Oslo.';
    const base = makeEvent({ quote: 'Alpha met Beta' });
    const merged = { ...base, sources: [...base.sources, { article: 'b', start: 0, end: other.length, quote: other }] };
    const timeline = {
      ...timelineOf([merged]),
      articles: [...timelineOf([]).articles, { id: 'b', title: 'B', published: '2025-11-05', text: 'data/articles/b.json' }],
    };
    const scores = evaluate(
      timeline,
      [
        { id: 'a', text, paragraphs: [] },
        { id: 'b', text: other, paragraphs: [] },
      ],
      new Map([
        ['a', [makeGold({})]],
        ['b', [makeGold({ passage: 'Beta and Alpha met' })]],
      ]),
    );
    expect(scores.matched).toBe(2);
    expect(scores.unmatchedEvents).toBe(0);
    // No gold event names its happening: the merge is not scored.
    expect(scores.mergePrecision).toBeNaN();
    expect(scores.mergeRecall).toBeNaN();
  });

  /** Articles a, b and c with the same text; `joined` lists the articles one event reports, the rest get one event each. */
  function mergeScoresOf(joined: string[], happenings: Record<string, string | undefined>) {
    const ids = ['a', 'b', 'c'];
    const source = (article: string) => ({ ...makeEvent({ quote: 'Alpha met Beta' }).sources[0]!, article });
    const events = [
      { ...makeEvent({ quote: 'Alpha met Beta' }), id: 'joined', sources: joined.map(source) },
      ...ids
        .filter((id) => !joined.includes(id))
        .map((id) => ({ ...makeEvent({ quote: 'Alpha met Beta' }), id, sources: [source(id)] })),
    ];
    const timeline = {
      ...timelineOf(events),
      articles: ids.map((id) => ({ id, title: id, published: '2025-11-05', text: `data/articles/${id}.json` })),
    };
    const gold = new Map(
      ids.map((id) => {
        const happening = happenings[id];
        return [id, [makeGold(happening === undefined ? {} : { happening })]];
      }),
    );
    const scores = evaluate(
      timeline,
      ids.map((id) => ({ id, text, paragraphs: [] })),
      gold,
    );
    return { precision: scores.mergePrecision, recall: scores.mergeRecall };
  }

  it.each([
    {
      name: 'three reports of one happening, two of them joined',
      joined: ['a', 'b'],
      happenings: { a: 'h', b: 'h', c: 'h' },
      precision: 1,
      recall: 1 / 3,
    },
    {
      name: 'three reports of one happening, all joined',
      joined: ['a', 'b', 'c'],
      happenings: { a: 'h', b: 'h', c: 'h' },
      precision: 1,
      recall: 1,
    },
    {
      name: 'reports of two happenings joined',
      joined: ['a', 'b'],
      happenings: { a: 'h', b: 'k', c: 'h' },
      precision: 0,
      recall: 0,
    },
    {
      name: 'a report of no shared happening joined to one that is',
      joined: ['a', 'c'],
      happenings: { a: 'h', b: 'h', c: undefined },
      precision: 0,
      recall: 0,
    },
    { name: 'nothing joined', joined: ['a'], happenings: { a: 'h', b: 'h', c: 'h' }, precision: Number.NaN, recall: 0 },
  ])('scores the merge: $name', ({ joined, happenings, precision, recall }) => {
    const scores = mergeScoresOf(joined, happenings);
    if (Number.isNaN(precision)) expect(scores.precision).toBeNaN();
    else expect(scores.precision).toBeCloseTo(precision);
    expect(scores.recall).toBeCloseTo(recall);
  });
});
