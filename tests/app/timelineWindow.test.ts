import { describe, expect, it } from 'vitest';
import { localCalendarDate, windowOf } from '../../src/app/timeline/timelineWindow';

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
