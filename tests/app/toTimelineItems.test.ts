import { describe, expect, it } from 'vitest';
import { whenOf } from '../../src/model/schema';
import { escapeHtml, itemIdsOf, NO_ACTOR_LANE, toTimelineItems, type ItemOptions } from '../../src/app/timeline/toTimelineItems';
import { makeActor, makeArticle, makeEvent } from '../fixtures/timeline/builders';

const alice = makeActor('Alice Ng');
const bob = makeActor('Bob Ruiz');
const options: ItemOptions = {
  lanes: 'none',
  actors: new Map([alice, bob].map((actor) => [actor.id, actor])),
  articles: new Map(
    [makeArticle('a1', { title: 'Zebra report', published: '2025-10-01' }), makeArticle('a2', { title: 'Aardvark report' })].map(
      (a) => [a.id, a],
    ),
  ),
  extent: { start: '2025-10-01', end: '2025-11-30' },
};

describe('toTimelineItems', () => {
  it.each([
    // edtf, type, start, exclusive end, vague
    ['2025-11-04', 'point', '2025-11-04', undefined, false],
    ['2025-10-27/2025-11-04', 'range', '2025-10-27', '2025-11-05', false],
    ['2025-12-31', 'point', '2025-12-31', undefined, false],
    ['2025-12-30/2025-12-31', 'range', '2025-12-30', '2026-01-01', false],
    ['2024-02', 'range', '2024-02-01', '2024-03-01', true],
    ['2025', 'range', '2025-01-01', '2026-01-01', true],
    ['2025-11-04~', 'range', '2025-11-04', '2025-11-05', true],
    ['../2030', 'range', '2025-10-01', '2031-01-01', true],
    ['2025-11-10/..', 'range', '2025-11-10', '2025-12-01', true],
  ])('draws %s as a %s from %s to %s', (edtf, type, start, end, vague) => {
    const [item] = toTimelineItems([makeEvent({ when: whenOf(edtf) })], options).items;
    expect(item).toMatchObject({ type, start });
    expect(item?.end).toBe(end);
    expect(item?.className.includes('is-vague')).toBe(vague);
  });

  it('keeps calendar dates as YYYY-MM-DD strings, never instants', () => {
    const { items } = toTimelineItems([makeEvent({ when: whenOf('2025-03-08/2025-03-09') })], options);
    expect(items[0]).toMatchObject({ start: '2025-03-08', end: '2025-03-10' });
    expect(typeof items[0]?.start).toBe('string');
  });

  it('puts the precision of a vague date in the label and marks open ends', () => {
    const [month] = toTimelineItems([makeEvent({ title: 'Parade', when: whenOf('2025-10') })], options).items;
    expect(month?.content).toBe('Parade · October 2025 (month)');
    const [goal] = toTimelineItems([makeEvent({ title: 'Handover', when: whenOf('../2030'), status: 'goal' })], options).items;
    expect(goal?.content).toBe('Handover · by 2030 (year, open start)');
    expect(goal?.className).toContain('is-open-start');
    expect(goal?.className).toContain('is-goal');
  });

  it('escapes titles so no markup from the data reaches the timeline', () => {
    const title = '<img src=x onerror="alert(1)"> & "quotes"';
    const [item] = toTimelineItems([makeEvent({ title })], options).items;
    expect(item?.content).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quotes&quot;');
    expect(item?.content).not.toContain('<');
    expect(escapeHtml("it's")).toBe('it&#39;s');
  });

  it('gives one item per event and no groups without lanes', () => {
    const result = toTimelineItems([makeEvent({ id: 'x' }), makeEvent({ id: 'y' })], options);
    expect(result.groups).toBeNull();
    expect(result.items.map((item) => [item.id, item.eventId, item.group])).toEqual([
      ['x', 'x', undefined],
      ['y', 'y', undefined],
    ]);
  });

  it('repeats an event in the lane of each of its actors, with a lane for events without one', () => {
    const events = [makeEvent({ id: 'talks', actors: [bob.id, alice.id] }), makeEvent({ id: 'storm', actors: [] })];
    const result = toTimelineItems(events, { ...options, lanes: 'actor' });
    expect(result.items.map((item) => [item.id, item.group])).toEqual([
      ['talks|bob-ruiz', 'bob-ruiz'],
      ['talks|alice-ng', 'alice-ng'],
      ['storm|~no-actor', NO_ACTOR_LANE],
    ]);
    expect(result.groups?.map((group) => group.content)).toEqual(['Alice Ng', 'Bob Ruiz', 'No actor']);
    expect(itemIdsOf(result.items, 'talks')).toEqual(['talks|bob-ruiz', 'talks|alice-ng']);
    expect(itemIdsOf(result.items, null)).toEqual([]);
  });

  it('hands out the same item objects for the same events, with lanes and without, so a redraw can keep them', () => {
    const events = [makeEvent({ id: 'talks', actors: [bob.id, alice.id] }), makeEvent({ id: 'storm', actors: [] })];
    for (const lanes of ['none', 'actor', 'article'] as const) {
      const first = toTimelineItems(events, { ...options, lanes }).items;
      const again = toTimelineItems([events[1] as (typeof events)[number], ...events], { ...options, lanes }).items;
      expect(first.length).toBeGreaterThan(0);
      for (const item of first) expect(again).toContain(item);
    }
    // Another extent (another load) makes new ones.
    const other = toTimelineItems(events, { ...options, extent: { start: '2025-01-01', end: '2025-12-31' } }).items;
    expect(other[0]).not.toBe(toTimelineItems(events, options).items[0]);
  });

  it('lays events out by article in publication order, once per article however many passages it has there', () => {
    const sources = [
      { article: 'a2', start: 0, end: 5, quote: 'Hello' },
      { article: 'a2', start: 6, end: 11, quote: 'World' },
      { article: 'a1', start: 0, end: 5, quote: 'Hello' },
    ];
    const result = toTimelineItems([makeEvent({ id: 'e', sources })], { ...options, lanes: 'article' });
    expect(result.items.map((item) => item.group)).toEqual(['a2', 'a1']);
    expect(result.groups).toEqual([
      { id: 'a1', content: 'Zebra report', order: 0 },
      { id: 'a2', content: 'Aardvark report', order: 1 },
    ]);
  });
});
