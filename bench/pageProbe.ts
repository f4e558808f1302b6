/**
 * What the browser benchmarks measure inside the page. An init script records, on the
 * page's own clock (ms since navigation start): when the first drawn event enters the DOM
 * (a `.vis-item`, or a bar of the viewer's preview drawn while vis-timeline loads), when
 * the first `.vis-item` does, when the events of the window are drawn (see `probeInit`), when
 * the DOM last changed, and when each kind of input event arrived. A redraw
 * time is then "last DOM change after the input" minus "input event time", once the DOM
 * has been quiet for a while — so it covers the handlers, any debounce and the redraw.
 * It also keeps the main thread's long tasks (50 ms or more), to find the longest one
 * during an interaction.
 */
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __bench?: {
      firstItem: number | null;
      firstVisItem: number | null;
      inView: number | null;
      windowIn: number | null;
      lastMutation: number;
      inputs: Record<string, number>;
      longTasks: { start: number; duration: number }[];
    };
  }
}

/**
 * tsx (esbuild with keepNames) wraps named functions in `__name(…)`; functions sent to
 * the page carry those calls, so the page gets a no-op `__name` first.
 */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

/**
 * Installed with page.addInitScript before any page script runs. "In view" is when
 * vis-timeline first redraws after the window's own events are in: the first change inside
 * `.vis-timeline` after the timeline region says its window is loaded (`aria-busy="false"`)
 * or, for a viewer without progressive loading, after the result count stops saying
 * "Loading" (every event in). A short window may still show count bands then (a day of the
 * generated data holds hundreds of month- and year-long events); they count its events.
 */
export function probeInit(): void {
  const bench = {
    firstItem: null as number | null,
    firstVisItem: null as number | null,
    inView: null as number | null,
    windowIn: null as number | null,
    lastMutation: 0,
    inputs: {} as Record<string, number>,
    longTasks: [] as { start: number; duration: number }[],
  };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => {
    const now = performance.now();
    bench.lastMutation = now;
    if (bench.firstItem === null && document.querySelector('.vis-item, .preview-bar')) bench.firstItem = now;
    if (bench.firstVisItem === null && document.querySelector('.vis-item')) bench.firstVisItem = now;
    if (bench.windowIn === null) {
      const count = document.querySelector('.result-count')?.textContent ?? '';
      const busy = document.querySelector('.timeline-region')?.getAttribute('aria-busy');
      if (busy === 'false' || (count !== '' && !count.startsWith('Loading'))) bench.windowIn = now;
    } else if (bench.inView === null && records.some((record) => record.target.parentElement?.closest('.vis-timeline')))
      bench.inView = now;
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  for (const type of ['wheel', 'pointerdown', 'pointermove', 'click', 'keydown']) {
    addEventListener(type, (event) => void (bench.inputs[type] = event.timeStamp), { capture: true, passive: true });
  }
}

/** Ms after navigation start when the window's own events were drawn (see probeInit), or null after `timeoutMs`. */
export async function inViewTime(page: Page, timeoutMs: number): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(() => window.__bench?.inView ?? null, undefined, {
      timeout: timeoutMs,
      polling: 20,
    });
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}

export type FirstDraw = { ms: number } | { ms: null; reason: string };

/** Ms after navigation start when the first `.vis-item` was drawn (vis-timeline is up), or null after `timeoutMs`. */
export async function visItemTime(page: Page, timeoutMs: number): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(() => window.__bench?.firstVisItem ?? null, undefined, {
      timeout: timeoutMs,
      polling: 20,
    });
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}

/**
 * Waits for the first drawn event: its time in ms after navigation start; or, when the page
 * shows an alert instead (the viewer refusing a file) or nothing within `timeoutMs`, why not.
 */
export async function firstItemTime(page: Page, timeoutMs: number): Promise<FirstDraw> {
  // The wait polls inside the page, so a renderer stuck in one long task never ends it:
  // a timer on this side gives up for it.
  let timer: NodeJS.Timeout | undefined;
  const givenUp = new Promise<'given up'>((resolve) => (timer = setTimeout(() => resolve('given up'), timeoutMs + 5_000)));
  try {
    const waited = await Promise.race([
      page.waitForFunction(
        () => window.__bench?.firstItem != null || document.querySelector('[role="alert"]') !== null,
        undefined,
        { timeout: timeoutMs, polling: 50 },
      ),
      givenUp,
    ]);
    if (waited === 'given up')
      return { ms: null, reason: `no drawn event within ${timeoutMs / 1000} s (the page stopped answering)` };
  } catch {
    return { ms: null, reason: `no drawn event within ${timeoutMs / 1000} s` };
  } finally {
    clearTimeout(timer);
  }
  const { ms, alert } = await page.evaluate(() => ({
    ms: window.__bench?.firstItem ?? null,
    alert: document.querySelector('[role="alert"]')?.textContent ?? '',
  }));
  return ms === null ? { ms: null, reason: `the page showed an alert: ${alert.replace(/\s+/g, ' ').slice(0, 200)}` } : { ms };
}

/** Waits until the DOM has been quiet for `quietMs` (at most `capMs`). */
export async function waitQuiet(page: Page, quietMs: number, capMs: number): Promise<void> {
  await page.evaluate(
    async ([quiet, cap]) => {
      const started = performance.now();
      for (;;) {
        const now = performance.now();
        // Quiet counts only from the start, so a redraw that comes after a debounce is still awaited.
        const quietFor = Math.min(now - started, now - (window.__bench?.lastMutation ?? 0));
        if (quietFor >= quiet || now - started >= cap) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    [quietMs, capMs] as const,
  );
}

/**
 * Runs `act`, then returns ms from the `input` event to the last DOM change it caused,
 * or null when the DOM did not change within `capMs`.
 */
export async function redrawTime(page: Page, input: string, act: () => Promise<void>, capMs = 15_000): Promise<number | null> {
  await page.evaluate((type) => {
    const bench = window.__bench;
    if (bench) {
      delete bench.inputs[type];
      bench.lastMutation = 0;
    }
  }, input);
  await act();
  await waitQuiet(page, 400, capMs);
  const { at, last } = await page.evaluate(
    (type) => ({ at: window.__bench?.inputs[type], last: window.__bench?.lastMutation ?? 0 }),
    input,
  );
  return at === undefined || last < at ? null : last - at;
}

/** The page's clock now (ms since navigation start). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The longest main-thread task (≥ 50 ms, as the browser reports them) that started at or after `since`; 0 if none. */
export function longestTaskSince(page: Page, since: number): Promise<number> {
  return page.evaluate(
    (from) => Math.max(0, ...(window.__bench?.longTasks ?? []).filter((task) => task.start >= from).map((task) => task.duration)),
    since,
  );
}
