/**
 * The 57th SCM is drawn on Tue 4 Nov 2025 for a reader in Los Angeles and in Seoul: a
 * calendar date is placed at local midnight, never shifted through UTC. Runs on the
 * fixture (always) and on the seed data in public/data (needs the compiled events).
 */
import { expect, test, type Page } from '@playwright/test';
import { serveFixture } from './fixtureRoutes';
import { SCM } from './flows';

/** Where the SCM's dot sits in a one-week window from Sat 1 Nov, in days from the window start. */
async function scmDayOffset(page: Page): Promise<number> {
  await page.goto('./?from=2025-11-01&to=2025-11-08');
  const point = page.locator('.vis-item.vis-point', { hasText: SCM }).first();
  await expect(point).toBeVisible();
  const dot = point.locator('.vis-dot');
  const [dotBox, panelBox] = await Promise.all([dot.boundingBox(), page.locator('.vis-panel.vis-center').boundingBox()]);
  if (!dotBox || !panelBox) throw new Error('scmDayOffset: expected the SCM dot and the timeline panel to be drawn, got none');
  return ((dotBox.x + dotBox.width / 2 - panelBox.x) / panelBox.width) * 7;
}

for (const timezoneId of ['America/Los_Angeles', 'Asia/Seoul']) {
  test.describe(`in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test('the fixture SCM is drawn on 4 Nov 2025', async ({ page }) => {
      await serveFixture(page);
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
      // Midnight starting 4 Nov is three days after midnight starting 1 Nov.
      expect(await scmDayOffset(page)).toBeCloseTo(3, 1);
    });

    test('SEED DATA: the compiled SCM is drawn on 4 Nov 2025', async ({ page, request }) => {
      const timeline = (await (await request.get('data/timeline.json')).json()) as { events: unknown[] };
      expect(timeline.events.length, 'public/data/timeline.json: expected the compiled seed events, got none').toBeGreaterThan(0);
      expect(await scmDayOffset(page)).toBeCloseTo(3, 1);
    });
  });
}
