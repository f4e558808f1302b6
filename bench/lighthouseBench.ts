/**
 * Lighthouse 12 on the viewer's production build with the seed timeline, in Debian's
 * Chromium started here with a DevTools port: the default mobile profile and the desktop
 * preset, both with simulated throttling, one after the other in each run. Reports the
 * median of the runs for each score and metric; desktop figures carry "(desktop)".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lighthouse, { type Config } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM, CHROMIUM_ARGS } from './browserBench';
import { DESKTOP, MOBILE, recordReports, SCORES, type FormFactor, type Lhr } from './lighthouseFigures';
import { Recorder, repeat } from './results';
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

/** The form factors measured, each with its config (none for Lighthouse's default, mobile). */
const PROFILES: { config: Config | undefined; formFactor: FormFactor }[] = [
  { config: undefined, formFactor: MOBILE },
  { config: desktopConfig, formFactor: DESKTOP },
];

/** Runs Lighthouse `runs` times with each profile on the build in `distDir` (with its own data/). */
export async function lighthouseBench(distDir: string, runs: number): Promise<Recorder> {
  const rec = new Recorder('lighthouse');
  const server = await serve(distDir);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'dateline-bench-lh-'));
  const chromium = await startChromium(profile);
  try {
    // Mobile and desktop alternate within each run, so both meet the same load on the machine.
    const results = await repeat(0, runs, async () => {
      const reports: Lhr[] = [];
      for (const { config } of PROFILES) {
        const result = await lighthouse(
          server.url,
          { port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: Object.values(SCORES) },
          config,
        );
        if (!result) throw new Error('lighthouse: expected a report, got none');
        reports.push(result.lhr);
      }
      return reports;
    });
    PROFILES.forEach(({ formFactor }, i) =>
      recordReports(
        rec,
        results.map((reports) => reports[i] as Lhr),
        formFactor,
      ),
    );
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
