/**
 * The Lighthouse part's figures: the scores and metrics kept from each report and their
 * names, plain for the default mobile profile ("performance score", "LCP", as before the
 * desktop preset was measured too) and with " (desktop)" for the desktop preset.
 */
import type { RunnerResult } from 'lighthouse';
import { median, type Recorder } from './results';

export const SCORES = { performance: 'performance', accessibility: 'accessibility', 'best practices': 'best-practices' } as const;

export const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
} as const;

export type Lhr = RunnerResult['lhr'];

/** How a form factor's figures are named and what their score rows say. */
export type FormFactor = { suffix: string; note: string };

export const MOBILE: FormFactor = { suffix: '', note: 'mobile profile, simulated throttling' };
export const DESKTOP: FormFactor = { suffix: ' (desktop)', note: 'desktop preset, simulated throttling' };

/** Records the medians of `reports` (one per run, all of one form factor) under that form factor's names. */
export function recordReports(rec: Recorder, reports: readonly Lhr[], { suffix, note }: FormFactor): void {
  for (const [name, id] of Object.entries(SCORES)) {
    const scores = reports.map((lhr) => lhr.categories[id]?.score).filter((s): s is number => typeof s === 'number');
    if (scores.length > 0) rec.add(`${name} score${suffix}`, median(scores) * 100, '/100', null, note);
    else rec.missing(`${name} score${suffix}`, '/100', null, 'Lighthouse gave no score');
  }
  for (const [name, id] of Object.entries(METRICS)) {
    const values = reports.map((lhr) => lhr.audits[id]?.numericValue).filter((v): v is number => typeof v === 'number');
    const unit = name === 'CLS' ? '' : 'ms';
    if (values.length > 0) rec.add(`${name}${suffix}`, median(values), unit, null);
    else rec.missing(`${name}${suffix}`, unit, null, `Lighthouse gave no ${id}`);
  }
}
