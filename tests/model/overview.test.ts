import { describe, expect, it } from 'vitest';
import { whenOf } from '../../src/model/schema';
import { bucketOf, countByBucket, drawnStart, initialWindow, overviewOf, timelineExtent } from '../../src/model/overview';
import { makeEvent } from '../fixtures/timeline/builders';

const at = (edtf: string) => makeEvent({ id: `e${edtf.replace(/[^0-9]/g, '')}`, when: whenOf(edtf) });

describe('timelineExtent', () => {
  it.each([
    [['2025-11-04'], { start: '2025-11-04', end: '2025-11-04' }],
    [['2025-10', '2025-11-04'], { start: '2025-10-01', end: '2025-11-04' }],
    [['../2030', '2025-11-04'], { start: '2025-11-04', end: '2030-12-31' }],
    [[], null],
  ])('of %j is %j', (dates, expected) => {
    expect(timelineExtent(dates.map(at))).toEqual(expected);
  });
});

describe('initialWindow', () => {
  it('opens on the starts of the events, so a far deadline does not squash them', () => {
    const window = initialWindow(['2025-10', '2025-10-29', '2025-11-04', '../2030'].map(at));
    expect(window).toEqual({ start: '2025-09-27', end: '2025-12-01' });
  });

  it('leaves year-long dates out when finer ones exist', () => {
    expect(initialWindow(['2025', '2025-10-29', '2025-11-04'].map(at))).toEqual({ start: '2025-10-26', end: '2025-11-19' });
    expect(initialWindow(['2024', '2026'].map(at))).toEqual({ start: '2023-10-19', end: '2027-07-05' });
  });

  it.each([
    [['2021-06-15'], { start: '2021-06-12', end: '2021-06-30' }],
    [['../2030'], { start: '2030-12-28', end: '2031-01-15' }],
    [[], null],
  ])('for %j is %j', (dates, expected) => {
    expect(initialWindow(dates.map(at))).toEqual(expected);
  });
});

describe('bucketOf', () => {
  it.each([
    ['2025-11-04', 'day', '2025-11-04', '2025-11-05'],
    ['2025-11-04', 'week', '2025-11-03', '2025-11-10'],
    ['2025-11-02', 'week', '2025-10-27', '2025-11-03'],
    ['2024-02-29', 'month', '2024-02-01', '2024-03-01'],
    ['2025-12-31', 'month', '2025-12-01', '2026-01-01'],
    ['2025-07-14', 'year', '2025-01-01', '2026-01-01'],
  ] as const)('%s by %s is [%s, %s)', (day, bucket, start, end) => {
    expect(bucketOf(day, bucket)).toEqual({ start, end });
  });
});

describe('drawnStart', () => {
  it.each([
    ['2025-11-04', '2025-11-04'],
    ['2025-10', '2025-10-01'],
    ['2025-10-29/2025-11-01', '2025-10-29'],
    ['../2030', '2020-01-01'],
  ])('of %s, in an extent from 2020-01-01, is %s', (edtf, expected) => {
    expect(drawnStart(whenOf(edtf), { start: '2020-01-01', end: '2031-01-01' })).toBe(expected);
  });
});

describe('countByBucket', () => {
  const starts = ['2025-11-04', '2025-11-02', '2025-11-05', '2025-12-31', '2024-02-29', '2025-11-03'];

  it.each([
    [
      'day',
      [
        ['2024-02-29', 1],
        ['2025-11-02', 1],
        ['2025-11-03', 1],
        ['2025-11-04', 1],
        ['2025-11-05', 1],
        ['2025-12-31', 1],
      ],
    ],
    [
      'week',
      [
        ['2024-02-26', 1],
        ['2025-10-27', 1],
        ['2025-11-03', 3],
        ['2025-12-29', 1],
      ],
    ],
    [
      'month',
      [
        ['2024-02-01', 1],
        ['2025-11-01', 4],
        ['2025-12-01', 1],
      ],
    ],
    [
      'year',
      [
        ['2024-01-01', 1],
        ['2025-01-01', 5],
      ],
    ],
  ] as const)('by %s counts unsorted starts into date-ordered buckets', (bucket, expected) => {
    expect(countByBucket(starts, bucket)).toEqual(expected);
  });

  it('counts nothing for no starts', () => {
    expect(countByBucket([], 'week')).toEqual([]);
  });
});

describe('overviewOf', () => {
  it('holds the extent, the opening window and every event once in each bucket size', () => {
    const events = ['2025-10', '2025-10-29', '2025-11-04', '2025-11-04/2025-11-06', '../2030'].map(at);
    const overview = overviewOf(events);
    expect(overview.extent).toEqual(timelineExtent(events));
    expect(overview.window).toEqual(initialWindow(events));
    expect(overview.month).toEqual([
      ['2025-10-01', 3],
      ['2025-11-01', 2],
    ]);
    expect(overview.year).toEqual([['2025-01-01', 5]]);
    for (const bucket of ['week', 'month', 'year'] as const)
      expect(overview[bucket].reduce((sum, [, count]) => sum + count, 0)).toBe(events.length);
  });

  it('is empty for no events', () => {
    expect(overviewOf([])).toEqual({ extent: null, window: null, week: [], month: [], year: [] });
  });
});
