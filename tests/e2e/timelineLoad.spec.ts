/**
 * How vis-timeline comes onto the page (TimelineRegion, TimelineView, vite.config.ts): its
 * chunk is asked for once the event list is on screen, it shows as soon as its events are
 * drawn, it follows its frame's size whether the window or the layout changed it, and the
 * scripts it needs at load ask V8 to compile them eagerly.
 */
import { expect, test, type Page } from '@playwright/test';
import { serveFixture } from './fixtureRoutes';
import { eventButtons, openViewer } from './flows';

declare global {
  interface Window {
    __timelineShown?: { item?: number; shown?: number };
  }
}

test('asks for the timeline chunk only once the event list is on screen', async ({ page }) => {
  await serveFixture(page);
  let chunkAsked = () => {};
  const chunkSeen = new Promise<void>((resolve) => (chunkAsked = resolve));
  // The data is held until the chunk is asked for (or a second has passed): a chunk asked for
  // at start-up would find no list yet.
  await page.route('**/data/timeline.json', async (route) => {
    await Promise.race([chunkSeen, new Promise((resolve) => setTimeout(resolve, 1000))]);
    await route.fallback();
  });
  const listedWhenAsked: number[] = [];
  await page.route('**/assets/TimelineView-*.js', async (route) => {
    listedWhenAsked.push(await eventButtons(page).count());
    chunkAsked();
    await route.fallback();
  });
  await openViewer(page);
  expect(listedWhenAsked.length).toBeGreaterThan(0);
  expect(listedWhenAsked[0]).toBeGreaterThan(0);
});

test('vis-timeline shows as soon as its events are drawn', async ({ page }) => {
  await page.addInitScript(() => {
    const marks: { item?: number; shown?: number } = {};
    window.__timelineShown = marks;
    new MutationObserver(() => {
      const root = document.querySelector<HTMLElement>('.vis-timeline');
      if (!root) return;
      if (marks.item === undefined && root.querySelector('.vis-item')) marks.item = performance.now();
      if (marks.item !== undefined && marks.shown === undefined && getComputedStyle(root).visibility === 'visible')
        marks.shown = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
  });
  await serveFixture(page);
  await openViewer(page);
  await expect(page.locator('.vis-timeline')).toBeVisible();
  const marks = await page.evaluate(() => window.__timelineShown);
  // Given a window to open on, vis-timeline kept itself hidden until its resize poll redrew
  // it, a second after it was built (visjs/vis-timeline#1340).
  expect((marks?.shown ?? Infinity) - (marks?.item ?? 0)).toBeLessThan(500);
});

/** The width of vis-timeline's centre panel and of the frame around it. */
function widths(page: Page): Promise<{ frame: number; center: number }> {
  return page.evaluate(() => ({
    frame: document.querySelector('.timeline-frame')?.getBoundingClientRect().width ?? 0,
    center: document.querySelector('.vis-panel.vis-center')?.getBoundingClientRect().width ?? 0,
  }));
}

test.describe('desktop 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('vis-timeline redraws to the new width when the window is resized', async ({ page }) => {
    await serveFixture(page);
    await openViewer(page);
    const before = await widths(page);
    await page.setViewportSize({ width: 1000, height: 900 });
    await expect.poll(async () => (await widths(page)).frame).toBeLessThan(before.frame - 100);
    // The panel keeps its distance to the frame's edges: it was drawn again at the new size.
    await expect
      .poll(async () => {
        const after = await widths(page);
        return Math.round(after.frame - after.center - (before.frame - before.center));
      })
      .toBe(0);
  });

  test('vis-timeline redraws when its frame changes size without a window resize', async ({ page }) => {
    await serveFixture(page);
    await openViewer(page);
    const before = await widths(page);
    await page.locator('.timeline-frame').evaluate((frame) => (frame.style.width = '600px'));
    await expect
      .poll(async () => {
        const after = await widths(page);
        return [Math.round(after.frame), Math.round(after.frame - after.center - (before.frame - before.center))];
      })
      .toEqual([600, 0]);
  });
});

test('the entry script and the timeline chunk ask V8 to compile them eagerly', async ({ page, request }) => {
  await serveFixture(page);
  await openViewer(page);
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => /\/assets\/(index|TimelineView)-[^/]+\.js$/.test(name)),
  );
  expect(scripts).toHaveLength(2);
  for (const url of scripts) {
    const text = await (await request.get(url)).text();
    expect(text.split('\n', 1)[0], url).toBe('//# allFunctionsCalledOnLoad');
  }
});
