import { describe, expect, it } from 'vitest';
import { edtfBounds, formatEdtf, parseEdtf } from '../../src/model/edtf';
import { whenOf } from '../../src/model/schema';

describe('parseEdtf', () => {
  it.each([
    ['2025', '2025-01-01', '2025-12-31', 'year', false, false],
    ['2025-10', '2025-10-01', '2025-10-31', 'month', false, false],
    ['2024-02', '2024-02-01', '2024-02-29', 'month', false, false],
    ['2025-11-04', '2025-11-04', '2025-11-04', 'day', false, false],
    ['2025-10~', '2025-10-01', '2025-10-31', 'month', true, false],
    ['2030?', '2030-01-01', '2030-12-31', 'year', false, true],
    ['2025-10%', '2025-10-01', '2025-10-31', 'month', true, true],
    ['2025-10-29/2025-11-04', '2025-10-29', '2025-11-04', 'day', false, false],
    ['2025-10-27/2025-11', '2025-10-27', '2025-11-30', 'month', false, false],
    ['../2030', null, '2030-12-31', 'year', false, false],
    ['2025-11-04/..', '2025-11-04', null, 'day', false, false],
  ] as const)('%s → %s … %s (%s)', (text, start, end, precision, approximate, uncertain) => {
    const parsed = parseEdtf(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(edtfBounds(parsed.value)).toEqual({ start, end, precision, approximate, uncertain });
    expect(formatEdtf(parsed.value)).toBe(text);
  });

  it.each([
    ['', 'expected YYYY'],
    ['2025-13', 'month 01–12'],
    ['2025-02-29', 'day that exists'],
    ['2025-11-31', 'day that exists'],
    ['25-11-04', 'expected YYYY'],
    ['2025-11-04T10:00', 'expected YYYY'],
    ['2025-11-04/2025-10-01', 'start before its end'],
    ['../..', 'at least one closed end'],
    ['2025/2026/2027', 'at most one "/"'],
    ['yesterday', 'expected YYYY'],
    ['2025-1-4', 'expected YYYY'],
  ])('rejects %j with a message', (text, message) => {
    const parsed = parseEdtf(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  it('derives the same bounds whatever the process time zone', () => {
    // The suite runs under TZ=America/Los_Angeles and TZ=Asia/Seoul (scripts/test-all.sh);
    // the bounds are strings computed without instants, so both runs see the same values.
    expect(whenOf('2025-11-04')).toEqual({ edtf: '2025-11-04', start: '2025-11-04', end: '2025-11-04', precision: 'day' });
    expect(whenOf('2025-10-29/2025-11-04')).toMatchObject({ start: '2025-10-29', end: '2025-11-04' });
  });
});
