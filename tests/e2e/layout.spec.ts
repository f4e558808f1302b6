/**
 * Layout from a 390 px phone to a 1440 px desktop, light and dark: nothing overflows
 * sideways, the phone leads with a compact timeline strip and the list, the desktop
 * shows timeline, list and details together. With SHOTS_DIR set, each state is also
 * saved as a screenshot there for a person to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { serveFixture } from './fixtureRoutes';
import { eventButtons, openViewer, sourceRegion } from './flows';

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false });
}

async function noSidewaysOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`phone 390×844, ${colorScheme}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, colorScheme });

    test('leads with a compact timeline strip and the list', async ({ page }) => {
      await serveFixture(page);
      await openViewer(page);
      await noSidewaysOverflow(page);
      const frame = await page.locator('.timeline-frame').boundingBox();
      expect(frame?.height).toBeLessThanOrEqual(160);
      await expect(eventButtons(page).first()).toBeInViewport();
      await shoot(page, `390-${colorScheme}-initial`);

      await eventButtons(page).filter({ hasText: 'Security Consultative Meeting' }).click();
      await page
        .getByRole('region', { name: 'Event details' })
        .getByRole('button', { name: /Read in source/ })
        .first()
        .click();
      await expect(sourceRegion(page).locator('mark.is-active').first()).toBeInViewport();
      await noSidewaysOverflow(page);
      await shoot(page, `390-${colorScheme}-source`);
    });
  });

  test.describe(`desktop 1440×900, ${colorScheme}`, () => {
    test.use({ viewport: { width: 1440, height: 900 }, colorScheme });

    test('shows timeline, list and details side by side', async ({ page }) => {
      await serveFixture(page);
      await openViewer(page, '?event=scm-57');
      await noSidewaysOverflow(page);
      const [list, detailsBox] = await Promise.all([
        page.getByRole('list', { name: 'Events' }).boundingBox(),
        page.getByRole('region', { name: 'Event details' }).boundingBox(),
      ]);
      expect(detailsBox && list && detailsBox.x > list.x + list.width).toBe(true);
      await expect(page.getByRole('region', { name: 'Timeline' })).toBeInViewport();
      await shoot(page, `1440-${colorScheme}-event`);

      await page
        .getByRole('region', { name: 'Event details' })
        .getByRole('button', { name: /Read in source/ })
        .nth(1)
        .click();
      await expect(sourceRegion(page).locator('mark.is-active').first()).toBeInViewport();
      await expect(page.getByRole('region', { name: 'Timeline' })).toBeInViewport();
      // The page itself never scrolls on a wide screen; only its columns do.
      expect(await page.evaluate(() => [window.scrollY, document.documentElement.scrollHeight - window.innerHeight])).toEqual([
        0, 0,
      ]);
      await shoot(page, `1440-${colorScheme}-source`);
      await page.getByRole('checkbox', { name: 'Pete Hegseth' }).check();
      await page.getByRole('combobox', { name: 'Lanes' }).selectOption('actor');
      await expect(page.locator('.vis-labelset .vis-label').first()).toBeVisible();
      await shoot(page, `1440-${colorScheme}-lanes`);
    });
  });
}
