import { describe, expect, it } from 'vitest';
import { whenOf } from '../../src/model/schema';
import { initialWindow, localCalendarDate, timelineExtent, windowOf } from '../../src/app/timeline/timelineWindow';
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
