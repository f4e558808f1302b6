/**
 * Which shards load first: those meeting the window, then the nearest, ties in file
 * order; open ends meet every window on their side.
 */
import { describe, expect, it } from 'vitest';
import { shardDistance, shardMeets, shardOrder, type ShardCoverage } from '../../src/app/data/shardOrder';

const shard = (start: string | null, end: string | null): ShardCoverage => ({ start, end });
const window = { start: '2024-03-01', end: '2024-04-01' };

describe('shardMeets and shardDistance', () => {
  it.each([
    ['inside the window', shard('2024-03-10', '2024-03-20'), true, 0],
    ['around the window', shard('2024-01-01', '2024-12-31'), true, 0],
    ['ending on its first day', shard('2024-02-01', '2024-03-01'), true, 0],
    ['starting on its last day', shard('2024-03-31', '2024-05-01'), true, 0],
    ['ending the day before', shard('2024-02-01', '2024-02-29'), false, 1],
    ['starting on its (excluded) end', shard('2024-04-01', '2024-05-01'), false, 1],
    ['ten days after', shard('2024-04-10', '2024-05-01'), false, 10],
    ['a month before', shard('2024-01-01', '2024-01-31'), false, 30],
    ['open start, ending after it begins', shard(null, '2024-03-05'), true, 0],
    ['open start, ending before', shard(null, '2024-02-20'), false, 10],
    ['open end, starting before it ends', shard('2024-03-30', null), true, 0],
    ['open end, starting later', shard('2024-04-03', null), false, 3],
    ['open at both ends', shard(null, null), true, 0],
  ])('a shard %s', (_name, coverage, meets, distance) => {
    expect(shardMeets(coverage, window)).toBe(meets);
    expect(shardDistance(coverage, window)).toBe(distance);
  });
});

describe('shardOrder', () => {
  // Chronological shards of a year, one a quarter, and one of undated-start events.
  const quarters = [
    shard('2024-01-01', '2024-03-31'),
    shard('2024-04-01', '2024-06-30'),
    shard('2024-07-01', '2024-09-30'),
    shard('2024-10-01', '2024-12-31'),
  ];

  it.each([
    ['no window: file order', null, [0, 1, 2, 3]],
    ['a day in the third quarter: it, then the nearest first', { start: '2024-08-15', end: '2024-08-16' }, [2, 1, 3, 0]],
    ['a day in the last quarter', { start: '2024-11-15', end: '2024-11-16' }, [3, 2, 1, 0]],
    ['the first days of the year', { start: '2024-01-02', end: '2024-01-05' }, [0, 1, 2, 3]],
    ['two quarters in view: both in file order, then outward', { start: '2024-06-01', end: '2024-08-01' }, [1, 2, 0, 3]],
    ['everything in view: file order', { start: '2023-01-01', end: '2026-01-01' }, [0, 1, 2, 3]],
    ['long after the data: latest first', { start: '2030-01-01', end: '2030-02-01' }, [3, 2, 1, 0]],
  ])('%s', (_name, range, order) => {
    expect(shardOrder(quarters, range)).toEqual(order);
  });

  it('orders only the shards still waiting', () => {
    expect(shardOrder(quarters, { start: '2024-08-15', end: '2024-08-16' }, [0, 3, 1])).toEqual([1, 3, 0]);
  });

  it('puts an open-ended shard that meets the window with those inside it', () => {
    const withOpen = [...quarters, shard(null, '2024-12-31')];
    expect(shardOrder(withOpen, { start: '2024-11-15', end: '2024-11-16' })).toEqual([3, 4, 2, 1, 0]);
  });
});
