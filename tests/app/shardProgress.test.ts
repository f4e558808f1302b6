/**
 * Taking shards in as they arrive, in any order: the events in so far always in the
 * order the whole timeline has, a shard that breaks the index's word kept out with a
 * message naming its file, and the index rebuilt for what is in.
 */
import { describe, expect, it } from 'vitest';
import { indexShards } from '../../src/app/data/indexTimeline';
import type { ShardArrival } from '../../src/app/data/loadShards';
import { addShards, mergeChronologically, retryShards, startProgress, waitingShards } from '../../src/app/data/shardProgress';
import { sortChronologically } from '../../src/app/filter/filterEvents';
import { shardTimeline } from '../../src/compiler/shard';
import { whenOf, type EventShard } from '../../src/model/schema';
import { makeEvent } from '../fixtures/timeline/builders';
import { seedLikeTimeline } from '../fixtures/timeline/seedLike';

const { index, shards } = shardTimeline(seedLikeTimeline, 2);
const arrival = (at: number, shard: EventShard = (shards[at] as { shard: EventShard }).shard): ShardArrival => ({
  at,
  result: { ok: true, value: shard },
});

describe('addShards', () => {
  it.each([
    ['in file order', [0, 1, 2, 3]],
    ['last first', [3, 2, 1, 0]],
    ['from the middle out', [2, 1, 3, 0]],
  ])('keeps the events in so far in chronological order, arriving %s', (_name, order) => {
    expect(shards).toHaveLength(4);
    let progress = startProgress('data/timeline.json', index);
    for (const at of order) {
      progress = addShards(progress, [arrival(at)]);
      const expected = sortChronologically([...progress.loaded].flatMap((loaded) => shards[loaded]?.shard.events ?? []));
      expect(progress.events).toEqual(expected);
    }
    expect(progress.events).toEqual(sortChronologically(seedLikeTimeline.events));
    expect(waitingShards(progress)).toEqual([]);
  });

  it('keeps out a shard that breaks the index, naming the file, and expects it again on retry', () => {
    const short: EventShard = { ...(shards[1]?.shard as EventShard), events: shards[1]?.shard.events.slice(1) ?? [] };
    const stranger = shards[2]?.shard as EventShard;
    const strange: EventShard = { ...stranger, events: stranger.events.map((event) => ({ ...event, actors: ['nobody'] })) };
    let progress = addShards(startProgress('data/timeline.json', index), [
      arrival(0),
      arrival(1, short),
      arrival(2, strange),
      { at: 3, result: { ok: false, error: 'data/events/0004.json: expected the file, got HTTP 404 Not Found' } },
    ]);
    expect(progress.events).toEqual(sortChronologically(shards[0]?.shard.events ?? []));
    expect([...progress.failed]).toEqual([
      [1, 'data/events/0002.json: events: expected 2 events as data/timeline.json says, got 1'],
      [2, expect.stringMatching(/^data\/events\/0003\.json: events\[0\]\.actors\[0\]: expected a known actor id, got "nobody"/)],
      [3, 'data/events/0004.json: expected the file, got HTTP 404 Not Found'],
    ]);
    expect(waitingShards(progress)).toEqual([]);
    progress = retryShards(progress, [1, 3]);
    expect(waitingShards(progress)).toEqual([1, 3]);
    expect([...progress.failed.keys()]).toEqual([2]);
  });
});

describe('mergeChronologically', () => {
  const on = (id: string, day: string, title = id) => makeEvent({ id, title, when: whenOf(day) });

  it.each([
    ['into nothing', [], [on('a', '2024-01-01')]],
    ['after everything', [on('a', '2024-01-01')], [on('b', '2024-02-01')]],
    ['before everything', [on('b', '2024-02-01')], [on('a', '2024-01-01')]],
    ['between two', [on('a', '2024-01-01'), on('d', '2024-04-01')], [on('b', '2024-02-01'), on('c', '2024-03-01')]],
    [
      'interleaved on the same days (a shard boundary inside a day)',
      [on('a', '2024-01-01', 'Alpha'), on('c', '2024-01-01', 'Charlie'), on('e', '2024-01-02')],
      [on('b', '2024-01-01', 'Bravo'), on('d', '2024-01-01', 'Delta')],
    ],
  ])('%s', (_name, events, arrived) => {
    expect(mergeChronologically(events, arrived)).toEqual(sortChronologically([...events, ...arrived]));
  });
});

describe('indexShards', () => {
  it('indexes the events in so far, says what is pending, and lists the failures', () => {
    const progress = addShards(startProgress('data/timeline.json', index), [
      arrival(1),
      { at: 3, result: { ok: false, error: 'data/events/0004.json: expected the file, got HTTP 404 Not Found' } },
    ]);
    const indexed = indexShards(progress);
    expect(indexed.events.map((event) => event.id)).toEqual(
      sortChronologically(shards[1]?.shard.events ?? []).map((event) => event.id),
    );
    expect(indexed.pending).toMatchObject({ events: 8, loaded: 2, waiting: [index.shards?.[0], index.shards?.[2]] });
    expect(indexed.failures).toEqual(['data/events/0004.json: expected the file, got HTTP 404 Not Found']);
    expect(indexed.missing).toBe(2);
    const first = shards[1]?.shard.events[0];
    expect(indexed.eventsById.get(first?.id ?? '')).toBe(first);
    expect(indexed.known.eventsLoaded).toBe(false);
  });
});
