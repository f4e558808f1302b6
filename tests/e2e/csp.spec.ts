/**
 * The built app carries a strict Content-Security-Policy (see vite.config.ts) and runs
 * the main reader flows under it without a single violation. A control proves the
 * watcher works: an inline script injected into the page is blocked and reported.
 */
import { expect, test } from '@playwright/test';
import { browseFlow, deepLinkFlow, filterFlow, historyFlow, keyboardFlow, openViewer, sourcesFlow } from './flows';
import { guardPage, type Guard } from './support/guards';

let guard: Guard;

test.beforeEach(async ({ page }) => {
  guard = await guardPage(page);
});

test.afterEach(() => {
  expect(guard.violations, 'CSP violations').toEqual([]);
  expect(guard.pageErrors, 'page errors').toEqual([]);
});

test('the built index.html carries the policy: no unsafe-eval, no inline scripts', async ({ page }) => {
  await openViewer(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toBeTruthy();
  const directives = new Map(
    (policy ?? '').split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get('default-src')).toEqual(["'none'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('style-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test.describe('seed flows under the policy', () => {
  test('zoom and pan', async ({ page }) => browseFlow(page));
  test('filtering by Pete Hegseth', async ({ page }) => filterFlow(page));
  test('the 57th SCM through to both source passages', async ({ page }) => sourcesFlow(page));
  test('a deep link restores the same state', async ({ page }) => deepLinkFlow(page));
  test('back and forward', async ({ page }) => historyFlow(page));
  test('keyboard only', async ({ page }) => keyboardFlow(page));
});

test('control: an inline script is blocked and reported', async ({ page }) => {
  await openViewer(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__ran = 1';
    document.body.append(script);
  });
  await expect.poll(() => guard.violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
  expect(guard.violations.join('\n')).toContain('script-src');
  guard.violations.length = 0;
});
