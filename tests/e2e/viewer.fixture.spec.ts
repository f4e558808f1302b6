/**
 * The reader flows on the hand-made seed-like fixture, served through routes, so the
 * suite is meaningful whatever `public/data` holds; plus checks that need known data.
 */
import { expect, test } from '@playwright/test';
import {
  browseFlow,
  deepLinkFlow,
  details,
  eventButtons,
  filterFlow,
  historyFlow,
  keyboardFlow,
  openViewer,
  sourcesFlow,
} from './flows';
import { serveFixture } from './fixtureRoutes';

test.describe('viewer on fixture data', () => {
  test.beforeEach(async ({ page }) => serveFixture(page));

  test('zoom and pan change the window', async ({ page }) => browseFlow(page));
  test('filtering by Pete Hegseth', async ({ page }) => {
    await filterFlow(page);
    await expect(eventButtons(page)).toHaveCount(4);
    expect(new URL(page.url()).searchParams.get('actors')).toBe('pete-hegseth');
  });
  test('the 57th SCM through to both source passages', async ({ page }) => sourcesFlow(page));
  test('a deep link restores the same state on reload', async ({ page }) => deepLinkFlow(page));
  test('back and forward step through selections', async ({ page }) => historyFlow(page));
  test('the same flow with the keyboard only', async ({ page }) => keyboardFlow(page));

  test('vague dates are drawn as hatched bands labelled with their precision', async ({ page }) => {
    await openViewer(page);
    const parade = page.locator('.vis-item.is-vague', { hasText: 'Hwasong-20' });
    await expect(parade).toContainText('October 2025 (month)');
    const background = await parade.evaluate((element) => getComputedStyle(element).backgroundImage);
    expect(background).toContain('repeating-linear-gradient');
    await expect(page.locator('.vis-item.vis-point', { hasText: 'Security Consultative Meeting' })).toBeAttached();
    await expect(page.locator('.vis-item.vis-range.is-span', { hasText: "Hegseth's Asia trip" })).toBeAttached();
  });

  test('lanes by actor and by article', async ({ page }) => {
    await openViewer(page);
    await page.getByRole('combobox', { name: 'Lanes' }).selectOption('actor');
    await expect(page.locator('.vis-labelset .vis-label', { hasText: 'Pete Hegseth' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Lanes' }).selectOption('article');
    await expect(page.locator('.vis-labelset .vis-label')).toHaveCount(2);
    expect(new URL(page.url()).searchParams.get('lanes')).toBe('article');
  });

  test('clicking another marked passage in the source selects its event', async ({ page }) => {
    await openViewer(page, '?event=scm-57&source=1');
    await page
      .getByRole('region', { name: 'Source' })
      .getByRole('link', { name: /following day/ })
      .click();
    await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(
      'Trump approves a nuclear-powered submarine for South Korea',
    );
    await expect(page.locator('.vis-item.vis-point.vis-selected')).toContainText('Trump approves');
  });

  test('selecting on the timeline selects in the list', async ({ page }) => {
    await openViewer(page);
    await page.locator('.vis-item', { hasText: 'Lee and Trump hold summit' }).click();
    await expect(page.getByRole('button', { name: /Lee and Trump hold summit/ })).toHaveAttribute('aria-current', 'true');
    expect(new URL(page.url()).searchParams.get('event')).toBe('gyeongju-summit');
  });
});
