/**
 * XSS in a real browser. beforeAll compiles the hostile-markup articles in
 * tests/fixtures/xss with the real CLI into a temporary folder; the built app is served
 * that data and walked through (timeline, list, every event's details, every source).
 * Payloads would set `window.__pwned`, open a dialog or fetch from pwned.invalid; none
 * may happen, no link may carry `javascript:`, markup shows as text and bidi titles are
 * isolated. A routed timeline whose article url is `javascript:` is refused readably.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { seedLikeTimeline } from '../fixtures/timeline/seedLike';
import { serveFixture } from './fixtureRoutes';
import { details, eventButtons, openViewer, sourceRegion } from './flows';
import { guardPage, type Guard } from './support/guards';
import { serveDataDir } from './support/serveDir';

const PAYLOAD_HOST = 'pwned.invalid';
const HOSTILE = path.resolve('tests/fixtures/xss');

let outDir = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const temp = await mkdtemp(path.join(tmpdir(), 'dateline-xss-'));
  outDir = path.join(temp, 'data');
  await promisify(execFile)('npx', ['tsx', 'src/compiler/cli.ts', '--in', HOSTILE, '--out', outDir]);
});

test.afterAll(async () => {
  if (outDir) await rm(path.dirname(outDir), { recursive: true, force: true });
});

let guard: Guard;

test.beforeEach(async ({ page }) => {
  guard = await guardPage(page);
});

/** Fails on any sign that a payload ran or a link is unsafe. */
async function assertNothingRan(page: Page, where: string): Promise<void> {
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    `${where}: window.__pwned`,
  ).toBeUndefined();
  expect(guard.dialogs, `${where}: dialogs`).toEqual([]);
  expect(
    guard.requests.filter((url) => url.includes(PAYLOAD_HOST)),
    `${where}: requests to ${PAYLOAD_HOST}`,
  ).toEqual([]);
  // The browser's own parse of each href (after it strips controls and whitespace) is what a click would follow.
  const schemes = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).protocol));
  for (const scheme of schemes) expect(['http:', 'https:'], `${where}: link scheme`).toContain(scheme);
  // Nothing from the data became an element: no scripts, frames, images or svg in the page body.
  expect(
    await page.locator('#root script, #root iframe, #root img, #root svg[onload], #root [onerror], #root [onload]').count(),
  ).toBe(0);
}

/** Whether the element (or an ancestor within the text's own box) isolates its bidi run. */
function isolated(page: Page, selector: string): Promise<boolean[]> {
  return page
    .locator(selector)
    .evaluateAll((elements) =>
      elements.map((element) => element.closest('bdi') !== null || getComputedStyle(element).unicodeBidi === 'isolate'),
    );
}

test('hostile markup in titles, bodies and passages never runs anywhere in the viewer', async ({ page }) => {
  test.setTimeout(180_000);
  await serveDataDir(page, outDir);
  await openViewer(page);
  await assertNothingRan(page, 'initial view');

  // Markup shows as the literal text it is.
  await expect(page.getByRole('list', { name: 'Events' })).toContainText('<script>window.__pwned=5</script>');
  await expect(page.getByRole('list', { name: 'Articles' })).toContainText('<script>window.__pwned=1</script>');
  await expect(page.locator('.vis-timeline .vis-item').first()).toBeAttached();

  const count = await eventButtons(page).count();
  expect(count).toBeGreaterThanOrEqual(5);
  for (let index = 0; index < count; index++) {
    const button = eventButtons(page).nth(index);
    await button.click();
    await expect(button).toHaveAttribute('aria-current', 'true');
    const title = (await button.locator('.event-title').textContent()) ?? '';
    await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(title);
    await assertNothingRan(page, `event ${index} details`);
    const sources = details(page).getByRole('button', { name: /Read in source/ });
    const sourceCount = await sources.count();
    expect(sourceCount).toBeGreaterThan(0);
    for (let source = 0; source < sourceCount; source++) {
      await sources.nth(source).click();
      await expect(sourceRegion(page).locator('mark.is-active').first()).toBeVisible();
      await expect(sourceRegion(page).locator('.article-text')).not.toBeEmpty();
      await assertNothingRan(page, `event ${index} source ${source}`);
    }
  }

  // The timeline's own items: hovering one shows its tooltip, which must not run either.
  const items = page.locator('.vis-timeline .vis-item');
  for (let index = 0; index < (await items.count()); index++) {
    await items.nth(index).hover({ force: true });
  }
  await assertNothingRan(page, 'timeline items');
  expect(guard.violations, 'CSP violations (a blocked payload counts)').toEqual([]);
  expect(guard.pageErrors).toEqual([]);
});

test('titles with RLO and isolate characters are displayed bidi-isolated', async ({ page }) => {
  await serveDataDir(page, outDir);
  await openViewer(page);
  const bidiEvent = eventButtons(page).filter({ hasText: '\u202e' }).first();
  await bidiEvent.click();
  await details(page)
    .getByRole('button', { name: /Read in source/ })
    .first()
    .click();
  await expect(sourceRegion(page).locator('mark.is-active').first()).toBeVisible();
  for (const selector of ['.event-title', '.article-title', '.source-title', '#details-heading', '.vis-item-content', 'cite']) {
    const flags = await isolated(page, selector);
    expect(flags.length, `${selector}: expected some on the page`).toBeGreaterThan(0);
    expect(flags, `${selector}: expected bidi isolation`).not.toContain(false);
  }
  await assertNothingRan(page, 'bidi');
});

test('a timeline whose article url is javascript: is refused with a readable error', async ({ page }) => {
  const [first, ...rest] = seedLikeTimeline.articles;
  if (!first) throw new Error('seedLikeTimeline: expected an article, got none');
  const hostile = { ...seedLikeTimeline, articles: [{ ...first, url: 'javascript:window.__pwned=1' }, ...rest] };
  await serveFixture(page, hostile);
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('data/timeline.json');
  await expect(alert).toContainText('articles[0].url');
  await expect(alert).toContainText('http');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await assertNothingRan(page, 'javascript: url');
});
