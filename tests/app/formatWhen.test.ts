import { describe, expect, it } from 'vitest';
import { whenOf } from '../../src/model/schema';
import { formatDay, formatPublished, formatWhen, isExactDay, vaguenessOf } from '../../src/app/format/formatWhen';

describe('formatDay', () => {
  it.each([
    ['2025-11-04', 'Tue 4 Nov 2025'],
    ['2025-10-29', 'Wed 29 Oct 2025'],
    ['2024-02-29', 'Thu 29 Feb 2024'],
    ['1999-12-31', 'Fri 31 Dec 1999'],
    ['not a date', 'not a date'],
  ])('%s → %s', (date, expected) => {
    expect(formatDay(date)).toBe(expected);
  });
});

describe('formatWhen', () => {
  it.each([
    ['2025-11-04', 'Tue 4 Nov 2025'],
    ['2025-10', 'October 2025'],
    ['2030', '2030'],
    ['2025-10~', 'about October 2025'],
    ['2025-03-14?', 'Fri 14 Mar 2025?'],
    ['2025-06%', 'about June 2025?'],
    ['../2030', 'by 2030'],
    ['2019-05/..', 'from May 2019'],
    ['2025-10-27/2025-11-04', 'Mon 27 Oct 2025 – Tue 4 Nov 2025'],
    ['2025-08/2025-09-01', 'August 2025 – Mon 1 Sep 2025'],
  ])('%s → %s', (edtf, expected) => {
    expect(formatWhen(whenOf(edtf))).toBe(expected);
  });
});

describe('vaguenessOf', () => {
  it.each([
    ['2025-11-04', []],
    ['2025-10-27/2025-11-04', []],
    ['2025-10', ['month']],
    ['2030', ['year']],
    ['2025-11-04~', ['approximate']],
    ['2025-11-04?', ['uncertain']],
    ['../2030', ['year', 'open start']],
    ['2025-10-02/..', ['open end']],
  ])('%s is vague for %j', (edtf, reasons) => {
    const result = vaguenessOf(whenOf(edtf));
    expect(result.reasons).toEqual(reasons);
    expect(result.vague).toBe(reasons.length > 0);
  });

  it.each([
    ['2025-11-04', true],
    ['2025-11-04~', false],
    ['2025-11-03/2025-11-04', false],
    ['2025-11', false],
  ])('isExactDay(%s) is %s', (edtf, expected) => {
    expect(isExactDay(whenOf(edtf))).toBe(expected);
  });
});

describe('formatPublished', () => {
  it.each([
    ['2025-10-27T09:04+09:00', 'Mon 27 Oct 2025'],
    ['2025-11-04', 'Tue 4 Nov 2025'],
    ['sometime', 'sometime'],
  ])('%s → %s, with no shift by time zone', (published, expected) => {
    expect(formatPublished(published)).toBe(expected);
  });
});
