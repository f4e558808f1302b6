import { describe, expect, it } from 'vitest';
import { whenOf } from '../../src/model/schema';
import {
  countActors,
  describeResults,
  filterEvents,
  isFiltering,
  matchesActors,
  normalise,
  NO_FILTER,
  sortChronologically,
} from '../../src/app/filter/filterEvents';
import { makeActor, makeEvent } from '../fixtures/timeline/builders';

const mira = makeActor('Mira Sörensen', { aliases: ['Sörensen'] });
const tomas = makeActor('Tomás Okafor');
const harbour = makeActor('Harbour Authority', { kind: 'organization', aliases: ['the authority'] });
const actors = new Map([mira, tomas, harbour].map((actor) => [actor.id, actor]));

const ferry = makeEvent({
  id: 'ferry',
  title: 'Ferry service resumes',
  actors: [harbour.id],
  sources: [{ article: 'a1', start: 0, end: 36, quote: 'The ferry resumed after the blizzard' }],
});
const budget = makeEvent({ id: 'budget', title: 'Budget vote', actors: [mira.id, tomas.id], place: 'Town hall' });
const strike = makeEvent({ id: 'strike', title: 'Dock strike', actors: [tomas.id, harbour.id] });
const all = [ferry, budget, strike];

describe('filterEvents', () => {
  it.each([
    [[], 'any', ['ferry', 'budget', 'strike']],
    [[tomas.id], 'any', ['budget', 'strike']],
    [[mira.id, harbour.id], 'any', ['ferry', 'budget', 'strike']],
    [[mira.id, tomas.id], 'all', ['budget']],
    [[tomas.id, harbour.id], 'all', ['strike']],
    [[mira.id, harbour.id], 'all', []],
  ] as const)('actors %j in mode %s keep %j', (chosen, mode, expected) => {
    expect(filterEvents(all, { actors: chosen, mode, query: '' }, actors).map((event) => event.id)).toEqual(expected);
  });

  it.each([
    ['budget', ['budget']],
    ['BUDGET vote', ['budget']],
    ['sorensen', ['budget']],
    ['the authority', ['ferry', 'strike']],
    ['blizzard', ['ferry']],
    ['town hall', ['budget']],
    ['okafor dock', ['strike']],
    ['nothing like this', []],
    ['   ', ['ferry', 'budget', 'strike']],
  ])('search %j matches %j (titles, actor names and aliases, places, passages)', (query, expected) => {
    expect(filterEvents(all, { ...NO_FILTER, query }, actors).map((event) => event.id)).toEqual(expected);
  });

  it('combines the actor filter and the search', () => {
    expect(filterEvents(all, { actors: [harbour.id], mode: 'any', query: 'strike' }, actors).map((e) => e.id)).toEqual([
      'strike',
    ]);
  });
});

describe('helpers', () => {
  it('normalises case and accents', () => {
    expect(normalise('Tomás SÖRENSEN')).toBe('tomas sorensen');
  });

  it('treats an empty choice as no actor filter', () => {
    expect(matchesActors(ferry, [], 'all')).toBe(true);
  });

  it('counts each actor once per event', () => {
    const twice = makeEvent({ id: 'twice', actors: [mira.id, mira.id] });
    expect(Object.fromEntries(countActors([...all, twice]))).toEqual({
      'harbour-authority': 2,
      'mira-sorensen': 2,
      'tomas-okafor': 2,
    });
  });

  it.each([
    [NO_FILTER, false],
    [{ ...NO_FILTER, query: '  ' }, false],
    [{ ...NO_FILTER, query: 'x' }, true],
    [{ ...NO_FILTER, actors: ['a'] }, true],
  ])('isFiltering(%j) is %s', (filter, expected) => {
    expect(isFiltering(filter)).toBe(expected);
  });

  it.each([
    [8, 8, NO_FILTER, '8 events'],
    [1, 1, NO_FILTER, '1 event'],
    [3, 8, { ...NO_FILTER, query: 'x' }, '3 of 8 events match'],
    [0, 8, { ...NO_FILTER, actors: ['a'] }, 'No events match the filters (of 8)'],
  ])('describes %i shown of %i', (shown, total, filter, expected) => {
    expect(describeResults(shown, total, filter)).toBe(expected);
  });
});

describe('sortChronologically', () => {
  it('orders by start, shorter spans first, open starts by their end, then by title', () => {
    const events = [
      makeEvent({ id: 'goal', title: 'Goal', when: whenOf('../2030') }),
      makeEvent({ id: 'week', title: 'Week', when: whenOf('2025-11-03/2025-11-09') }),
      makeEvent({ id: 'b', title: 'B talks', when: whenOf('2025-11-03') }),
      makeEvent({ id: 'a', title: 'A talks', when: whenOf('2025-11-03') }),
      makeEvent({ id: 'month', title: 'Month', when: whenOf('2025-10') }),
    ];
    expect(sortChronologically(events).map((event) => event.id)).toEqual(['month', 'a', 'b', 'week', 'goal']);
    expect(events[0]?.id).toBe('goal');
  });
});
