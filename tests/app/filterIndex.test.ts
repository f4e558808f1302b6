import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterEvents, NO_FILTER, type EventFilter } from '../../src/app/filter/filterEvents';
import { filterIndexed, indexForFiltering, prepareSearch, type IdleScheduler } from '../../src/app/filter/filterIndex';
import type { TimelineEvent } from '../../src/model/schema';
import { makeActor, makeEvent } from '../fixtures/timeline/builders';

const mira = makeActor('Mira Sörensen', { aliases: ['Sörensen'] });
const tomas = makeActor('Tomás Okafor');
const harbour = makeActor('Harbour Authority', { kind: 'organization' });
const actors = new Map([mira, tomas, harbour].map((actor) => [actor.id, actor]));

const events = [
  makeEvent({ id: 'ferry', title: 'Ferry resumes', actors: [harbour.id] }),
  makeEvent({ id: 'budget', title: 'Budget vote', actors: [mira.id, tomas.id], place: 'Town hall' }),
  makeEvent({ id: 'strike', title: 'Dock strike', actors: [tomas.id, harbour.id, tomas.id] }),
  makeEvent({ id: 'quiet', title: 'Budget recess', actors: [] }),
];

const ids = (shown: readonly TimelineEvent[]) => shown.map((event) => event.id);

describe('filterIndexed', () => {
  it.each([
    [{ actors: [tomas.id], mode: 'any', query: '' }, ['budget', 'strike']],
    [{ actors: [mira.id, harbour.id], mode: 'any', query: '' }, ['ferry', 'budget', 'strike']],
    [{ actors: [tomas.id, harbour.id], mode: 'all', query: '' }, ['strike']],
    [{ actors: [tomas.id, tomas.id], mode: 'all', query: '' }, ['budget', 'strike']],
    [{ actors: ['nobody'], mode: 'any', query: '' }, []],
    [{ actors: [], mode: 'any', query: 'budget' }, ['budget', 'quiet']],
    [{ actors: [tomas.id], mode: 'any', query: 'sorensen' }, ['budget']],
  ] as [EventFilter, string[]][])('%j keeps %j, in the index order', (filter, expected) => {
    expect(ids(filterIndexed(indexForFiltering(events, actors), filter))).toEqual(expected);
  });

  it('hands back the events array itself when nothing is filtered', () => {
    const index = indexForFiltering(events, actors);
    expect(filterIndexed(index, NO_FILTER)).toBe(index.events);
    expect(filterIndexed(index, { ...NO_FILTER, query: '   ' })).toBe(index.events);
  });

  it('counts each actor once per event', () => {
    expect(Object.fromEntries(indexForFiltering(events, actors).totals)).toEqual({
      [harbour.id]: 2,
      [mira.id]: 1,
      [tomas.id]: 2,
    });
  });

  it('narrows the last result as the query grows, and starts over when it does not', () => {
    const index = indexForFiltering(events, actors);
    const typed = ['b', 'bu', 'budget', 'budget v', 'budget', 'budget r', 'dock'];
    expect(typed.map((query) => ids(filterIndexed(index, { ...NO_FILTER, query })))).toEqual([
      ['ferry', 'budget', 'strike', 'quiet'], // "Harbour" has a b
      ['budget', 'quiet'],
      ['budget', 'quiet'],
      ['budget'],
      ['budget', 'quiet'], // shorter again: not a narrowing of "budget v"
      ['budget', 'quiet'], // "Sörensen" and "recess" have an r
      ['strike'],
    ]);
  });

  // Any sequence of filters on any timeline: the same events as the plain filter, whatever was asked before.
  it('always agrees with filterEvents', () => {
    const people = [mira, tomas, harbour];
    const event = fc.record({
      title: fc.constantFrom('Budget vote', 'Dock strike', 'Ferry resumes', 'Bürgermeister spricht', 'Dock budget'),
      actors: fc.array(fc.constantFrom(...people.map((actor) => actor.id)), { maxLength: 4 }),
    });
    const filter = fc.record({
      actors: fc.array(fc.constantFrom(...people.map((actor) => actor.id), 'nobody'), { maxLength: 3 }),
      mode: fc.constantFrom('any' as const, 'all' as const),
      query: fc.constantFrom('', 'b', 'bu', 'bud', 'budget', 'budget v', 'dock', 'dock b', 'so', 'sorensen', 'burger', 'x'),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), fc.array(filter, { minLength: 1, maxLength: 8 }), (made, filters) => {
        const timeline = made.map((parts, at) => makeEvent({ id: `e${at}`, ...parts }));
        const index = indexForFiltering(timeline, actors);
        for (const next of filters) expect(ids(filterIndexed(index, next))).toEqual(ids(filterEvents(timeline, next, actors)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('prepareSearch', () => {
  /** Runs scheduled work only when the test says so, with a given number of milliseconds left. */
  function manualScheduler() {
    const queue: ((timeLeft: () => number) => void)[] = [];
    const schedule: IdleScheduler = (work) => {
      queue.push(work);
      return () => queue.splice(queue.indexOf(work), 1);
    };
    return { schedule, queue, runNext: (ms: number) => queue.shift()?.(() => ms) };
  }

  const many = Array.from({ length: 120 }, (_, at) => makeEvent({ id: `e${at}`, title: `Event ${at}` }));

  it('works through every event in slices while there is idle time, then stops asking', () => {
    const { schedule, queue, runNext } = manualScheduler();
    prepareSearch(indexForFiltering(many, actors), schedule);
    expect(queue).toHaveLength(1);
    // No idle time left: a slice still does a few events, so the work ends on a busy page.
    runNext(0);
    expect(queue).toHaveLength(1);
    runNext(0);
    expect(queue).toHaveLength(1);
    runNext(0);
    expect(queue).toHaveLength(0);
  });

  it('stops when cancelled', () => {
    const { schedule, queue, runNext } = manualScheduler();
    const cancel = prepareSearch(indexForFiltering(many, actors), schedule);
    runNext(0);
    cancel();
    expect(queue).toHaveLength(0);
  });
});
