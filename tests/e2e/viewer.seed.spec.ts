/**
 * SEED DATA: the reader flows on the REAL compiler output in public/data (two seed
 * articles). These need the compiler to have written the seed events; while
 * public/data/timeline.json has no events each test fails at once saying so (it is
 * not skipped). The same flows run on fixture data in viewer.fixture.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { browseFlow, deepLinkFlow, filterFlow, historyFlow, keyboardFlow, sourcesFlow } from './flows';

test.describe('viewer on the seed data in public/data', () => {
  test.beforeEach(async ({ request }) => {
    const timeline = (await (await request.get('data/timeline.json')).json()) as { events: unknown[] };
    expect(
      timeline.events.length,
      'public/data/timeline.json: expected the compiled seed events, got none; run `npm run compile` once the compiler stages exist',
    ).toBeGreaterThan(0);
  });

  test('zoom and pan change the window', async ({ page }) => browseFlow(page));
  test('filtering by Pete Hegseth', async ({ page }) => filterFlow(page));
  test('the 57th SCM through to both source passages', async ({ page }) => sourcesFlow(page));
  test('a deep link restores the same state on reload', async ({ page }) => deepLinkFlow(page));
  test('back and forward step through selections', async ({ page }) => historyFlow(page));
  test('the same flow with the keyboard only', async ({ page }) => keyboardFlow(page));
});
