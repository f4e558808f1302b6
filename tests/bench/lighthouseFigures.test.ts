import { describe, expect, it } from 'vitest';
import { DESKTOP, MOBILE, recordReports, type Lhr } from '../../bench/lighthouseFigures';
import { Recorder } from '../../bench/results';

/** The parts of a Lighthouse report the figures read. */
function report(performance: number, lcp: number): Lhr {
  const audits = {
    'first-contentful-paint': { numericValue: 1000 },
    'largest-contentful-paint': { numericValue: lcp },
    'total-blocking-time': { numericValue: 120 },
    'cumulative-layout-shift': { numericValue: 0 },
  };
  const categories = { performance: { score: performance }, accessibility: { score: 1 }, 'best-practices': { score: 1 } };
  return { audits, categories } as unknown as Lhr;
}

describe('recordReports', () => {
  it('keeps the mobile names and gives the desktop figures names of their own, each the median of the runs', () => {
    const rec = new Recorder('lighthouse');
    recordReports(rec, [report(0.9, 1800), report(0.96, 1700), report(0.94, 2100)], MOBILE);
    recordReports(rec, [report(1, 500), report(0.99, 600), report(1, 550)], DESKTOP);
    expect(rec.figures.map((f) => [f.name, f.value, f.unit])).toEqual([
      ['performance score', 94, '/100'],
      ['accessibility score', 100, '/100'],
      ['best practices score', 100, '/100'],
      ['FCP', 1000, 'ms'],
      ['LCP', 1800, 'ms'],
      ['TBT', 120, 'ms'],
      ['CLS', 0, ''],
      ['performance score (desktop)', 100, '/100'],
      ['accessibility score (desktop)', 100, '/100'],
      ['best practices score (desktop)', 100, '/100'],
      ['FCP (desktop)', 1000, 'ms'],
      ['LCP (desktop)', 550, 'ms'],
      ['TBT (desktop)', 120, 'ms'],
      ['CLS (desktop)', 0, ''],
    ]);
    expect(rec.figures.find((f) => f.name === 'performance score (desktop)')?.note).toBe('desktop preset, simulated throttling');
  });

  it('keeps a row saying why when Lighthouse gave no value', () => {
    const rec = new Recorder('lighthouse');
    const noScore = { audits: {}, categories: {} } as unknown as Lhr;
    recordReports(rec, [noScore], DESKTOP);
    expect(rec.figures.find((f) => f.name === 'TBT (desktop)')).toMatchObject({
      value: null,
      note: 'n/a: Lighthouse gave no total-blocking-time',
    });
  });
});
