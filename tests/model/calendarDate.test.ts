import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  endOfMonth,
  fromDayNumber,
  isCalendarDate,
  startOfIsoWeek,
  startOfMonthOffset,
  toDayNumber,
  weekday,
} from '../../src/model/calendarDate';

describe('calendar dates', () => {
  it.each([
    ['2025-11-04', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-11-4', false],
    ['yesterday', false],
  ])('isCalendarDate(%j) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ['2025-11-04', 2, '2025-11-06'],
    ['2025-10-30', 3, '2025-11-02'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2025-10-29', 3],
    ['2025-11-03', 1],
    ['2025-11-04', 2],
    ['2025-10-27', 1],
    ['1970-01-01', 4],
    ['2025-11-09', 0],
  ])('weekday(%s) = %i', (date, expected) => {
    expect(weekday(date)).toBe(expected);
  });

  it('round-trips day numbers over four centuries', () => {
    for (let n = -200_000; n < 200_000; n += 997) expect(toDayNumber(fromDayNumber(n))).toBe(n);
    expect(toDayNumber('1970-01-01')).toBe(0);
  });

  it.each([
    ['startOfIsoWeek', () => startOfIsoWeek('2025-11-04'), '2025-11-03'],
    ['startOfIsoWeek on a Sunday', () => startOfIsoWeek('2025-11-09'), '2025-11-03'],
    ['startOfMonthOffset -1', () => startOfMonthOffset('2025-01-15', -1), '2024-12-01'],
    ['startOfMonthOffset +2', () => startOfMonthOffset('2025-11-15', 2), '2026-01-01'],
    ['endOfMonth', () => endOfMonth('2024-02-10'), '2024-02-29'],
    ['daysBetween', () => String(daysBetween('2025-10-29', '2025-11-04')), '6'],
  ])('%s', (_name, compute, expected) => {
    expect(compute()).toBe(expected);
  });

  it('throws a readable error on a malformed date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow('expected a calendar date YYYY-MM-DD, got "2025-02-30"');
  });
});
