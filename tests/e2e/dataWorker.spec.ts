/**
 * The data files are validated in the data worker, in real Chromium: the page itself never
 * loads the schema library, yet a bad file still gives its readable message; and when the
 * worker's script cannot load, the page validates on its own and everything still works.
 * The built page's head script starts that worker and hands it `timeline.json` before the
 * page's own script runs; the page takes both over rather than starting its own.
 */
import { expect, test, type Page } from '@playwright/test';
import { serveFixture } from './fixtureRoutes';
import { sourcesFlow } from './flows';
import { seedLikeTimeline } from '../fixtures/timeline/seedLike';

/** The script files the page itself (not a worker) asks for, by file name. */
function pageScripts(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.frame() && request.resourceType() === 'script')
      asked.push(new URL(request.url()).pathname.split('/').pop() ?? '');
  });
  return asked;
}

test('the timeline and the article texts are validated in the worker: the page never loads zod', async ({ page }) => {
  await serveFixture(page);
  const asked = pageScripts(page);
  const worker = page.waitForEvent('worker', (started) => started.url().includes('dataWorker'));
  await sourcesFlow(page);
  await worker;
  expect(asked.some((name) => name.startsWith('index-'))).toBe(true);
  expect(asked.filter((name) => name.startsWith('validateData-'))).toEqual([]);
});

test('the head script starts the one data worker and asks for timeline.json once', async ({ page }) => {
  await serveFixture(page);
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname.split('/').pop() ?? ''));
  await sourcesFlow(page);
  expect(asked.filter((name) => name.startsWith('headStart-'))).toHaveLength(1);
  expect(asked.filter((name) => name.startsWith('dataWorker-'))).toHaveLength(1);
  expect(asked.filter((name) => name === 'timeline.json')).toHaveLength(1);
  expect(page.workers().filter((worker) => worker.url().includes('dataWorker'))).toHaveLength(1);
});

test('a timeline the worker refuses gives the message naming the field', async ({ page }) => {
  const broken = { ...seedLikeTimeline, events: [{ ...seedLikeTimeline.events[0], status: 'rumoured' }] };
  await serveFixture(page, broken as unknown as typeof seedLikeTimeline);
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The timeline could not be loaded');
  await expect(alert).toContainText('data/timeline.json: events[0].status:');
});

test('when the worker script cannot load, the page validates the data itself', async ({ page }) => {
  await page.route('**/assets/dataWorker-*.js', (route) => route.abort());
  await serveFixture(page);
  const asked = pageScripts(page);
  await sourcesFlow(page);
  expect(asked.filter((name) => name.startsWith('validateData-'))).toHaveLength(1);
});
