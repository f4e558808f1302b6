import { describe, expect, it } from 'vitest';
import { localCalendarDate, pannedWindow, windowOf, zoomedWindow } from '../../src/app/timeline/timelineWindow';

describe('windowOf', () => {
  it('reads local instants as local calendar dates and rounds the end up to a whole day', () => {
    expect(localCalendarDate(new Date(2025, 10, 4))).toBe('2025-11-04');
    expect(windowOf(new Date(2025, 9, 1), new Date(2025, 10, 5))).toEqual({ start: '2025-10-01', end: '2025-11-05' });
    expect(windowOf(new Date(2025, 9, 1, 13), new Date(2025, 10, 4, 18))).toEqual({ start: '2025-10-01', end: '2025-11-05' });
  });

  it('never gives an empty window', () => {
    expect(windowOf(new Date(2025, 10, 4, 2), new Date(2025, 10, 4, 0))).toEqual({ start: '2025-11-04', end: '2025-11-05' });
  });
});

describe('zoomedWindow and pannedWindow', () => {
  it.each([
    [
      'zoom in halves the span about its middle',
      { start: '2024-01-01', end: '2024-01-29' },
      1,
      { start: '2024-01-08', end: '2024-01-22' },
    ],
    [
      'zoom out makes it half as long again',
      { start: '2024-01-01', end: '2024-01-29' },
      -1,
      { start: '2023-12-25', end: '2024-02-05' },
    ],
    ['zoom in stops at one day', { start: '2024-03-10', end: '2024-03-11' }, 1, { start: '2024-03-10', end: '2024-03-11' }],
    ['zoom out of one day gives two', { start: '2024-03-10', end: '2024-03-11' }, -1, { start: '2024-03-10', end: '2024-03-12' }],
    ['across a leap day', { start: '2024-02-20', end: '2024-03-05' }, 1, { start: '2024-02-24', end: '2024-03-02' }],
  ] as const)('%s', (_name, window, direction, expected) => {
    expect(zoomedWindow(window, direction)).toEqual(expected);
  });

  it.each([
    ['later by a third', { start: '2024-01-01', end: '2024-01-31' }, 1, { start: '2024-01-11', end: '2024-02-10' }],
    ['earlier by a third', { start: '2024-01-01', end: '2024-01-31' }, -1, { start: '2023-12-22', end: '2024-01-21' }],
    ['at least a day', { start: '2024-01-01', end: '2024-01-02' }, -1, { start: '2023-12-31', end: '2024-01-01' }],
  ] as const)('pan %s', (_name, window, direction, expected) => {
    expect(pannedWindow(window, direction)).toEqual(expected);
  });
});
