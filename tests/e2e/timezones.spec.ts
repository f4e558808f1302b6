/**
 * Calendar dates never slip through UTC, whatever the reader's zone: from UTC−11
 * (Pago Pago) to UTC+14 (Kiritimati). In each zone the 57th SCM of the seed data is
 * drawn between the axis days 3 and 5 Nov (on the 4th), the list and details say
 * Tue 4 Nov 2025, and every event in public/data/timeline.json shows its own days.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { formatWhen } from '../../src/app/format/formatWhen';
import type { Timeline } from '../../src/model/schema';
import { details, eventList, openViewer, SCM, scmButton } from './flows';

const ZONES = ['America/Los_Angeles', 'UTC', 'Asia/Seoul', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

const seed = JSON.parse(readFileSync('public/data/timeline.json', 'utf8')) as Timeline;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 4 Nov 2025" for `2025-11-04`, by UTC arithmetic alone (independent of the app's code). */
function dayWords(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${day} ${MONTHS[month - 1]} ${year}`;
}

/** The left edge of the minor axis label reading `day`, in a window of one week in November 2025. */
async function axisLabelX(page: Page, day: number): Promise<number> {
  const label = page.locator('.vis-time-axis .vis-text.vis-minor').filter({ hasText: new RegExp(`^${day}$`) });
  await expect(label).toHaveCount(1);
  const box = await label.boundingBox();
  if (!box) throw new Error(`axisLabelX: expected the axis label ${day} to be drawn, got no box`);
  return box.x;
}

for (const timezoneId of ZONES) {
  test.describe(`in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test('the SCM is drawn on 4 Nov 2025 and the list and details say Tue 4 Nov 2025', async ({ page }) => {
      await openViewer(page, '?from=2025-11-01&to=2025-11-08');
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);

      const dot = page.locator('.vis-item.vis-point', { hasText: SCM }).first().locator('.vis-dot');
      await expect(dot).toBeVisible();
      const box = await dot.boundingBox();
      if (!box) throw new Error('SCM: expected its dot on the timeline, got no box');
      const x = box.x + box.width / 2;
      const [third, fourth, fifth] = await Promise.all([3, 4, 5].map((day) => axisLabelX(page, day)));
      expect(x).toBeGreaterThan(third ?? Infinity);
      expect(x).toBeLessThan(fifth ?? -Infinity);
      // A point sits at the start of its day: nearer the 4th's label than to either neighbour.
      expect(Math.abs(x - (fourth ?? Infinity))).toBeLessThan(Math.min(x - (third ?? 0), (fifth ?? 0) - x));

      await expect(scmButton(page).locator('.event-date')).toHaveText('Tue 4 Nov 2025');
      await scmButton(page).click();
      await expect(details(page).getByRole('heading', { level: 2 })).toContainText('Security Consultative Meeting');
      await expect(details(page)).toContainText('Tue 4 Nov 2025');
    });

    test('every event in public/data lands on its own calendar days in the list', async ({ page }) => {
      expect(seed.events.length, 'public/data/timeline.json: expected compiled events, got none').toBeGreaterThan(0);
      await openViewer(page);
      for (const event of seed.events) {
        const date = eventList(page).locator(`button[data-event-id="${event.id}"] .event-date`);
        await expect(date, event.id).toContainText(formatWhen(event.when));
        if (event.when.precision === 'day') {
          // Open ends ("../2025-11-04") have a null bound; every bound there is must be named.
          for (const day of [event.when.start, event.when.end])
            if (day !== null) await expect(date, event.id).toContainText(dayWords(day));
        }
      }
    });
  });
}
