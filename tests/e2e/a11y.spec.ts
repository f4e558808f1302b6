/**
 * axe-core finds no serious or critical violations in the main states — initial,
 * filtered, event open, source open — in light and dark colour schemes, at desktop and
 * phone widths. Runs on the fixture so it holds whatever public/data contains.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { serveFixture } from './fixtureRoutes';
import { openViewer, sourceRegion } from './flows';

const STATES: Record<string, string> = {
  initial: '',
  filtered: '?actors=pete-hegseth',
  'event open': '?event=scm-57',
  'source open': '?event=scm-57&source=1',
};

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test.describe(`${colorScheme} at ${viewport.width}px`, () => {
      test.use({ colorScheme, viewport });
      for (const [state, search] of Object.entries(STATES)) {
        test(`no serious violations: ${state}`, async ({ page }) => {
          await serveFixture(page);
          await openViewer(page, search);
          if (search.includes('source=')) await expect(sourceRegion(page).locator('mark.is-active').first()).toBeVisible();
          expect(await seriousViolations(page)).toEqual([]);
        });
      }
    });
  }
}
