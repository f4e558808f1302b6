/**
 * Lighthouse 12 on the viewer's production build with the seed timeline, in Debian's
 * Chromium started here with a DevTools port (Lighthouse's default mobile profile with
 * simulated throttling). Reports the median of the runs for each score and metric.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from './browserBench';
import { median, Recorder, repeat } from './results';
import { serve } from './site';

/** Starts Chromium with a DevTools port and resolves with the port once it listens. */
async function startChromium(profile: string): Promise<{ port: number; process: ChildProcess }> {
  const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () =>
        reject(new Error(`lighthouse: expected Chromium to open a DevTools port, got only ${JSON.stringify(seen.slice(-300))}`)),
      30_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`lighthouse: expected Chromium to keep running, got exit code ${code}`)));
  });
  return { port, process: child };
}

const SCORES = { performance: 'performance', accessibility: 'accessibility', 'best practices': 'best-practices' } as const;
const METRICS = { LCP: 'largest-contentful-paint', TBT: 'total-blocking-time', CLS: 'cumulative-layout-shift' } as const;

/** Runs Lighthouse `runs` times on the build in `distDir` (with its own data/). */
export async function lighthouseBench(distDir: string, runs: number): Promise<Recorder> {
  const rec = new Recorder('lighthouse');
  const server = await serve(distDir);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'dateline-bench-lh-'));
  const chromium = await startChromium(profile);
  try {
    const results = await repeat(0, runs, async () => {
      const result = await lighthouse(server.url, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.values(SCORES),
      });
      if (!result) throw new Error('lighthouse: expected a report, got none');
      return result.lhr;
    });
    for (const [name, id] of Object.entries(SCORES)) {
      const scores = results.map((lhr) => lhr.categories[id]?.score).filter((s): s is number => typeof s === 'number');
      if (scores.length > 0) rec.add(`${name} score`, median(scores) * 100, '/100', null, 'mobile profile, simulated throttling');
      else rec.missing(`${name} score`, '/100', null, 'Lighthouse gave no score');
    }
    for (const [name, id] of Object.entries(METRICS)) {
      const values = results.map((lhr) => lhr.audits[id]?.numericValue).filter((v): v is number => typeof v === 'number');
      const unit = name === 'CLS' ? '' : 'ms';
      if (values.length > 0) rec.add(name, median(values), unit, null);
      else rec.missing(name, unit, null, `Lighthouse gave no ${id}`);
    }
  } finally {
    const exited =
      chromium.process.exitCode === null ? new Promise((resolve) => chromium.process.once('exit', resolve)) : undefined;
    chromium.process.kill();
    await exited;
    await server.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
  }
  return rec;
}
