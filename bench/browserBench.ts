/**
 * Viewer benchmark in headless Chromium: the production build served by `vite preview`
 * with generated timelines of 1,000 to 250,000 events, next to a bare vis-timeline page
 * given the same events, in the same run. Measures time to first events drawn, JS heap,
 * zoom and pan redraws, and (viewer only) the time until the opening window's own events are
 * drawn and until every event is loaded (a sharded timeline draws its overview first and
 * loads the shards of the window first), the same for a link to one day in the middle of
 * the data, an actor filter change and a search keystroke. DATELINE_BENCH_VIEWER_ONLY=1
 * skips the plain page (minutes at 50,000 events and more).
 * Controls the viewer does not have yet are recorded as n/a with the reason.
 */
import { chromium, type Browser, type BrowserServer, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config';
import {
  firstItemTime,
  inViewTime,
  longestTaskSince,
  NAME_SHIM,
  pageNow,
  probeInit,
  redrawTime,
  visItemTime,
  waitQuiet,
} from './pageProbe';
import { median, Recorder, repeat } from './results';
import { copySite, serve } from './site';
import { writeTimeline } from './timelines';

// One Chromium and one set of flags for the e2e suite and the benchmarks.
export { CHROMIUM, CHROMIUM_ARGS };

export type BrowserBenchOptions = { sizes: number[]; quick: boolean; seed: number; viewerDist: string; plainDist: string };

type Kind = 'viewer' | 'plain';
type Sample = Record<string, number | null>;
const reasons = new Map<string, string>();

function runsFor(n: number, quick: boolean): { warmups: number; runs: number } {
  if (n <= 10_000) return { warmups: 1, runs: quick ? 2 : 3 };
  return n <= 50_000 ? { warmups: 0, runs: quick ? 1 : 2 } : { warmups: 0, runs: 1 };
}

const firstDrawCap = (n: number): number => (n <= 10_000 ? 60_000 : n <= 50_000 ? 120_000 : 240_000);

async function center(page: Page): Promise<{ x: number; y: number } | undefined> {
  const box = await page.locator('.vis-timeline .vis-center').first().boundingBox();
  return box ? { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 150) } : undefined;
}

/**
 * A browser that can be thrown away when a page will not let go of its renderer: closing
 * a context, or even the browser, waits minutes for a renderer stuck in one long task, so
 * the browser runs as a server whose process is killed instead.
 */
class Browsers {
  private current: { server: BrowserServer; browser: Browser } | null = null;

  async get(): Promise<Browser> {
    if (!this.current) {
      const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      this.current = { server, browser: await chromium.connect(server.wsEndpoint()) };
    }
    return this.current.browser;
  }

  /** Kills the browser process, renderers and all. */
  async discard(): Promise<void> {
    const current = this.current;
    this.current = null;
    await current?.server.kill();
  }
}

/** One visit: load, first draw, then each interaction on the settled page. */
async function visit(browsers: Browsers, url: string, kind: Kind, n: number): Promise<Sample> {
  const context = await (await browsers.get()).newContext({ viewport: { width: 1280, height: 800 } });
  let stuck = false;
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: NAME_SHIM });
    await page.addInitScript(probeInit);
    await page.goto(url, { waitUntil: 'commit' });
    const first = await firstItemTime(page, firstDrawCap(n));
    const sample: Sample = { 'first events drawn': first.ms };
    if (first.ms === null) {
      reasons.set(`${kind} first events drawn`, first.reason);
      stuck = true;
      return sample;
    }
    if (kind === 'viewer') {
      sample['timeline ready'] = await visItemTime(page, firstDrawCap(n));
      if (sample['timeline ready'] === null) reasons.set('viewer timeline ready', 'no .vis-item after the first drawn event');
      sample['events in view drawn'] = await inViewTime(page, firstDrawCap(n));
      if (sample['events in view drawn'] === null)
        reasons.set('viewer events in view drawn', 'the window never showed its own events');
      sample['all events loaded'] = await allLoadedTime(page, firstDrawCap(n));
    }
    await waitQuiet(page, 1000, 30_000);
    sample['JS heap after first draw'] = await page.evaluate(
      () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN) / 2 ** 20,
    );
    const at = await center(page);
    if (at) {
      await page.mouse.move(at.x, at.y);
      const since = await pageNow(page);
      sample['zoom in redraw'] = await redrawTime(page, 'wheel', () => page.mouse.wheel(0, -400));
      sample['zoom out redraw'] = await redrawTime(page, 'wheel', () => page.mouse.wheel(0, 400));
      sample['pan redraw'] = await redrawTime(page, 'pointermove', async () => {
        await page.mouse.move(at.x, at.y);
        await page.mouse.down();
        for (let step = 1; step <= 5; step++) await page.mouse.move(at.x - step * 40, at.y);
        await page.mouse.up();
      });
      sample['longest task in zoom and pan'] = await longestTaskSince(page, since);
    } else reasons.set(`${kind} zoom in redraw`, 'no .vis-center panel to point at');
    if (kind === 'viewer') Object.assign(sample, await viewerControls(page));
    return sample;
  } finally {
    if (stuck) await browsers.discard();
    else await context.close();
  }
}

/** The middle day of the generated timelines (bench/timelines.ts spreads events over 2016–2026). */
const LINKED_DAY = { start: '2021-06-15', end: '2021-06-16' };

/**
 * A visit by a link to one day in the middle of the data: ms until that day's events are
 * drawn (vis-timeline holds the day's items, not counts) and until every event is in.
 */
async function linkedVisit(browsers: Browsers, url: string, n: number): Promise<Sample> {
  const context = await (await browsers.get()).newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: NAME_SHIM });
    await page.addInitScript(probeInit);
    await page.goto(`${url}?from=${LINKED_DAY.start}&to=${LINKED_DAY.end}`, { waitUntil: 'commit' });
    const inView = await inViewTime(page, firstDrawCap(n));
    if (inView === null) reasons.set('viewer linked day: events in view drawn', 'the day never showed its own events');
    return {
      'linked day: events in view drawn': inView,
      'linked day: all events loaded': await allLoadedTime(page, firstDrawCap(n)),
    };
  } finally {
    await context.close();
  }
}

/**
 * Milliseconds from navigation until the result count stops saying "Loading" (the shards'
 * events are in and indexed), or null after `timeoutMs`.
 */
async function allLoadedTime(page: Page, timeoutMs: number): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(
      () => {
        const text = document.querySelector('.result-count')?.textContent ?? '';
        return text !== '' && !text.startsWith('Loading') ? performance.now() : null;
      },
      undefined,
      { timeout: timeoutMs, polling: 20 },
    );
    return (await handle.jsonValue()) as number;
  } catch {
    reasons.set('viewer all events loaded', `the result count still said "Loading" after ${timeoutMs / 1000} s`);
    return null;
  }
}

/** The filter and search steps, tolerant of controls that do not exist yet. */
async function viewerControls(page: Page): Promise<Sample> {
  const sample: Sample = {};
  const box = page.getByRole('group', { name: 'Actors' }).getByRole('checkbox');
  if ((await box.count()) === 0) {
    sample['filter change'] = null;
    reasons.set('viewer filter change', 'no group "Actors" with checkboxes');
  } else {
    sample['filter change'] = await redrawTime(page, 'click', () => box.first().click());
  }
  const search = page.getByRole('searchbox', { name: 'Search events' });
  if ((await search.count()) === 0) {
    sample['search keystroke'] = null;
    reasons.set('viewer search keystroke', 'no searchbox "Search events"');
  } else {
    await search.first().click();
    await waitQuiet(page, 400, 10_000);
    sample['search keystroke'] = await redrawTime(page, 'keydown', () => page.keyboard.press('m'));
  }
  return sample;
}

const UNITS: Record<string, string> = { 'JS heap after first draw': 'MiB' };
/** Figures reported as their worst run rather than the median ("no task over 100 ms"). */
const WORST_OF_RUNS = new Set(['longest task in zoom and pan']);

function summarise(rec: Recorder, kind: Kind, n: number, samples: readonly Sample[]): Map<string, number> {
  const medians = new Map<string, number>();
  const names = new Set(samples.flatMap((s) => Object.keys(s)));
  for (const name of names) {
    const values = samples.map((s) => s[name]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const label = `${kind} ${name}`;
    if (values.length === 0)
      rec.missing(label, UNITS[name] ?? 'ms', n, reasons.get(label) ?? 'no redraw observed after the input');
    else {
      const value = WORST_OF_RUNS.has(name) ? Math.max(...values) : median(values);
      medians.set(name, value);
      rec.add(
        label,
        value,
        UNITS[name] ?? 'ms',
        n,
        values.length < samples.length ? `${values.length}/${samples.length} runs` : undefined,
      );
    }
  }
  return medians;
}

/** Runs the viewer and plain-page measurements for every size. */
export async function browserBench(options: BrowserBenchOptions): Promise<Recorder> {
  const rec = new Recorder('viewer');
  const work = await mkdtemp(path.join(os.tmpdir(), 'dateline-bench-viewer-'));
  const browsers = new Browsers();
  try {
    for (const n of options.sizes) {
      const sites: Record<Kind, string> = { viewer: path.join(work, 'viewer'), plain: path.join(work, 'plain') };
      await copySite(options.viewerDist, sites.viewer);
      await copySite(options.plainDist, sites.plain);
      process.stderr.write(`viewer: writing a timeline of ${n} events\n`);
      // The viewer gets the data as the compiler writes it (sharded above 5,000 events); the
      // plain page the same events in one timeline.json.
      await writeTimeline(path.join(sites.viewer, 'data'), n, options.seed, 'as-compiled');
      await writeTimeline(path.join(sites.plain, 'data'), n, options.seed, 'one-file');
      const medians: Partial<Record<Kind, Map<string, number>>> = {};
      const kinds = process.env.DATELINE_BENCH_VIEWER_ONLY === '1' ? (['viewer'] as const) : (['viewer', 'plain'] as const);
      for (const kind of kinds) {
        process.stderr.write(`viewer: ${kind} page, ${n} events\n`);
        const server = await serve(sites[kind]);
        try {
          const { warmups, runs } = runsFor(n, options.quick);
          const visits = () => visit(browsers, server.url, kind, n);
          const samples = await repeat(warmups, runs, async () =>
            kind === 'viewer' ? { ...(await visits()), ...(await linkedVisit(browsers, server.url, n)) } : visits(),
          );
          medians[kind] = summarise(rec, kind, n, samples);
        } finally {
          await server.close();
        }
      }
      for (const name of ['first events drawn', 'zoom in redraw', 'zoom out redraw', 'pan redraw']) {
        const [viewer, plain] = [medians.viewer?.get(name), medians.plain?.get(name)];
        if (viewer !== undefined && plain !== undefined && plain > 0) rec.add(`viewer/plain ${name}`, viewer / plain, '×', n);
        else rec.missing(`viewer/plain ${name}`, '×', n, 'one of the two pages has no figure');
      }
    }
  } finally {
    await browsers.discard();
    await rm(work, { recursive: true, force: true });
  }
  return rec;
}
