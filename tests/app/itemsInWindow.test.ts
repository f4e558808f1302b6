import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../../src/model/calendarDate';
import { whenOf, type TimelineEvent } from '../../src/model/schema';
import { filterEvents } from '../../src/app/filter/filterEvents';
import {
  BAND_CLASS,
  bandCount,
  bandsOf,
  bucketFor,
  fitWindow,
  itemsInWindow,
  overlapping,
  sortedFor,
  sortItems,
  widen,
} from '../../src/app/timeline/itemsInWindow';
import { overviewOf } from '../../src/model/overview';
import { toTimelineItems, type ItemOptions, type TimelineItem } from '../../src/app/timeline/toTimelineItems';
import { makeActor, makeEvent } from '../fixtures/timeline/builders';

const item = (id: string, start: CalendarDate, end?: CalendarDate): TimelineItem => ({
  id,
  eventId: id,
  type: end ? 'range' : 'point',
  start,
  ...(end ? { end } : {}),
  content: id,
  title: id,
  className: 'dl-item',
});

const small = sortItems([
  item('late', '2025-03-10'),
  item('long', '2020-01-01', '2030-01-01'),
  item('early', '2025-01-05'),
  item('span', '2025-02-25', '2025-03-03'),
  item('mid', '2025-02-14'),
]);

describe('overlapping', () => {
  it.each([
    // window [start, end), ids expected in start order
    ['2025-02-14', '2025-02-15', ['long', 'mid']],
    ['2025-02-15', '2025-02-25', ['long']],
    ['2025-03-02', '2025-03-11', ['long', 'span', 'late']],
    ['2025-03-03', '2025-03-10', ['long']],
    ['2031-01-01', '2031-02-01', []],
    ['2019-01-01', '2025-01-06', ['long', 'early']],
  ])('[%s, %s) holds %j', (start, end, ids) => {
    expect(overlapping(small, { start, end }).map((found) => found.id)).toEqual(ids);
  });

  it.each([
    [0, []],
    [1, ['long']],
    [2, ['long', 'span']],
    [5, ['long', 'span', 'late']],
  ])('stops after a limit of %i, keeping the first in start order', (limit, ids) => {
    expect(overlapping(small, { start: '2025-03-02', end: '2025-03-11' }, limit).map((found) => found.id)).toEqual(ids);
  });
});

describe('bucketFor', () => {
  it.each([
    ['2025-01-01', '2025-02-01', 'day'],
    ['2025-01-01', '2027-01-01', 'week'],
    ['2000-01-01', '2010-01-01', 'month'],
    ['1990-01-01', '2030-01-01', 'year'],
  ] as const)('[%s, %s) at 200 bands is %s', (start, end, bucket) => {
    expect(bucketFor({ start, end }, 200)).toBe(bucket);
  });
});

describe('widen', () => {
  it.each([
    ['2025-01-10', '2025-01-20', 0.5, '2025-01-05', '2025-01-25'],
    ['2025-01-10', '2025-01-20', 0, '2025-01-10', '2025-01-20'],
  ])('[%s, %s) by %d is [%s, %s)', (start, end, margin, wideStart, wideEnd) => {
    expect(widen({ start, end }, margin)).toEqual({ start: wideStart, end: wideEnd });
  });
});

describe('fitWindow', () => {
  const jan = [item('jan-5', '2025-01-05'), item('jan-20', '2025-01-20', '2025-01-25')];
  const overview = overviewOf(['2025-01-05', '2025-03-03', '2025-05-30'].map((day) => ({ when: whenOf(day) })));
  it.each([
    // span 2020-01-01 .. 2030-01-01 (3,653 days), padded by a twentieth (183 days) each side
    ['every item, not only those near a window', small, null, { start: '2019-07-02', end: '2030-07-03' }],
    // 2025-01-05 .. 2025-01-25 exclusive: 20 days, a day each side
    ['a range reaching past the last start', sortItems(jan), null, { start: '2025-01-04', end: '2025-01-26' }],
    ['one point: a day each side', sortItems([item('one', '2025-06-01')]), null, { start: '2025-05-31', end: '2025-06-03' }],
    // while loading, the overview's extent (to 30 May, included) counts: 146 days, 8 each side
    [
      'while loading: the events still coming too',
      sortedFor(jan, { overview, waiting: [] }),
      { overview, waiting: [] },
      { start: '2024-12-28', end: '2025-06-08' },
    ],
    ['nothing dated', sortItems([]), null, null],
  ] as const)('%s', (_name, sorted, unloaded, expected) => {
    expect(fitWindow(sorted, unloaded)).toEqual(expected);
  });
});

/** A small deterministic generator, so the large fixture is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const actors = ['harbour board', 'river council', 'glass guild'].map((name) => makeActor(name));
const FIRST_DAY = '2023-01-01';

function generated(count: number): TimelineEvent[] {
  const next = random(7);
  return Array.from({ length: count }, (_, index) => {
    const start = addDays(FIRST_DAY, Math.floor(next() * 730));
    const span = next() < 0.2 ? Math.floor(next() * 20) + 1 : 0;
    const when = whenOf(span > 0 ? `${start}/${addDays(start, span)}` : start);
    const actor = actors[index % actors.length];
    return makeEvent({ id: `g${index}`, title: `Generated happening ${index}`, when, actors: actor ? [actor.id] : [] });
  });
}

const events = generated(5000);
const options: ItemOptions = {
  lanes: 'none',
  actors: new Map(actors.map((actor) => [actor.id, actor])),
  articles: new Map(),
  extent: { start: FIRST_DAY, end: '2025-01-31' },
};
const all = toTimelineItems(events, options).items;

const endOf = (found: TimelineItem) => found.end ?? addDays(found.start, 1);

describe('itemsInWindow over 5,000 generated events', () => {
  it('zoomed into a week, holds exactly the items that touch that week', () => {
    const week = { start: '2024-03-04', end: '2024-03-11' };
    const content = itemsInWindow(sortItems(all), week, 0, 300);
    const expected = all.filter((found) => found.start < week.end && endOf(found) > week.start).map((found) => found.id);
    expect(content.kind).toBe('items');
    expect(content.items.map((found) => found.id).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(10);
  });

  it.each([
    ['2023-06-01', '2023-06-02'],
    ['2024-12-20', '2025-01-10'],
    ['2022-01-01', '2022-02-01'],
  ])('for [%s, %s) agrees with a scan of every item', (start, end) => {
    const content = itemsInWindow(sortItems(all), { start, end }, 0, 5000);
    const expected = all.filter((found) => found.start < end && endOf(found) > start).map((found) => found.id);
    expect(content.items.map((found) => found.id).sort()).toEqual(expected.sort());
  });

  it.each([
    ['every event', ''],
    ['a search', 'happening 12'],
  ])('zoomed out over %s, shows bands whose counts sum to the filtered total', (_name, query) => {
    const shown = filterEvents(events, { actors: [], mode: 'any', query }, options.actors);
    const sorted = sortItems(toTimelineItems(shown, options).items);
    const content = itemsInWindow(sorted, { start: '2022-06-01', end: '2025-06-01' }, 0, query ? 5000 : 300);
    if (!query) {
      expect(content.kind).toBe('bands');
      expect(content.items.every((band) => band.className === BAND_CLASS)).toBe(true);
    }
    const total = bandsOf(sorted, 'month').items.reduce((sum, band) => sum + bandCount(band), 0);
    expect(total).toBe(shown.length);
    expect(shown.length).toBeGreaterThan(0);
  });

  it('never hands over more than the cap of event items', () => {
    const sorted = sortItems(all);
    for (const [start, end] of [
      ['2023-01-01', '2025-01-01'],
      ['2024-01-01', '2024-04-01'],
      ['2024-01-01', '2024-01-15'],
    ] as const) {
      const content = itemsInWindow(sorted, { start, end }, 0.5, 300);
      if (content.kind === 'items') expect(content.items.length).toBeLessThanOrEqual(300);
      else expect(content.items.reduce((sum, band) => sum + bandCount(band), 0)).toBeGreaterThan(300);
    }
  });
});

describe('itemsInWindow while a sharded timeline loads', () => {
  // Two shards: January (in, its items given) and March (still coming); the overview counts both.
  const loadedItems = [item('jan-5', '2025-01-05'), item('jan-20', '2025-01-20')];
  const overview = overviewOf(['2025-01-05', '2025-01-20', '2025-03-03', '2025-03-04'].map((day) => ({ when: whenOf(day) })));
  const march = { start: '2025-03-01', end: '2025-03-31' };
  const unloaded = { overview, waiting: [march] };
  const sorted = sortedFor(loadedItems, unloaded);

  it.each([
    ['a window whose shards are in: their items', '2025-01-01', '2025-01-29', 2, 'items', ['jan-5', 'jan-20']],
    ['a window reaching a shard still coming: the overview’s weeks', '2025-02-20', '2025-03-10', 2, 'bands', ['2025-03-03']],
    ['a window wholly in that shard: the overview’s weeks', '2025-03-02', '2025-03-06', 2, 'bands', ['2025-03-03']],
    ['more items than the cap: the overview’s weeks', '2024-06-01', '2025-02-01', 1, 'bands', ['2024-12-30', '2025-01-20']],
    [
      'more items than the cap in days: the days of the items in',
      '2025-01-01',
      '2025-01-29',
      1,
      'bands',
      ['2025-01-05', '2025-01-20'],
    ],
  ])('%s', (_name, start, end, cap, kind, expected) => {
    const content = itemsInWindow(sorted, { start, end }, 0, cap);
    expect(content.kind).toBe(kind);
    expect(content.items.map((drawn) => (drawn.className === BAND_CLASS ? drawn.start : drawn.id))).toEqual(expected);
  });

  it('draws items where the shards are in even with no overview to fall back on (a filtered view)', () => {
    const filtered = sortedFor(loadedItems, { overview: null, waiting: [march] });
    expect(itemsInWindow(filtered, { start: '2025-01-01', end: '2025-03-10' }, 0, 5)).toEqual({
      kind: 'items',
      items: loadedItems,
    });
  });
});
