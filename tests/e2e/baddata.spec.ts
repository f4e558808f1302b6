/**
 * The viewer under bad data, served through routes: a missing, truncated, non-JSON,
 * wrong-version, schema-invalid or huge timeline.json, and a missing or invalid article
 * text. Each gives a message naming the file (and the field, where there is one) with a
 * "Try again" that recovers once the file is good; an article failure stays inside the
 * source reader while the timeline, list and details go on working. Never a blank page.
 */
import { expect, test, type Page } from '@playwright/test';
import { ISSUES_ID, seedLikeTimeline, TALKS_ID } from '../fixtures/timeline/seedLike';
import { serveFixture } from './fixtureRoutes';
import { details, eventButtons, openViewer, scmButton, sourceRegion, urlWindow } from './flows';
import { guardPage, type Guard } from './support/guards';

type Reply = { status?: number; contentType?: string; body: string };

const GOOD = JSON.stringify(seedLikeTimeline);
const HUGE_CHARS = 50 * 1024 * 1024;

const TIMELINE_CASES: { name: string; reply: () => Reply; expected: string[] }[] = [
  { name: 'missing (404)', reply: () => ({ status: 404, body: 'not found' }), expected: ['data/timeline.json', 'HTTP 404'] },
  {
    name: 'truncated',
    reply: () => ({ body: GOOD.slice(0, GOOD.length / 2) }),
    expected: ['data/timeline.json', 'expected JSON'],
  },
  {
    name: 'not JSON (an HTML page)',
    reply: () => ({ contentType: 'text/html', body: '<!doctype html><title>Oops</title><p>Gateway error</p>' }),
    expected: ['data/timeline.json', 'expected JSON'],
  },
  {
    name: 'a wrong schemaVersion',
    reply: () => ({ body: JSON.stringify({ ...seedLikeTimeline, schemaVersion: 99 }) }),
    expected: ['data/timeline.json', 'schemaVersion', 'expected 1, got 99'],
  },
  {
    name: 'schema-invalid (an event without a when)',
    reply: () => ({
      body: JSON.stringify({
        ...seedLikeTimeline,
        events: seedLikeTimeline.events.map((event, i) => (i === 2 ? { ...event, when: 'soon' } : event)),
      }),
    }),
    expected: ['data/timeline.json', 'events[2].when'],
  },
  {
    name: 'huge (50 MB)',
    reply: () => ({ body: `{"schemaVersion": 1, "padding": "${'x'.repeat(HUGE_CHARS)}"}` }),
    expected: ['data/timeline.json', 'expected at most', 'got 50.0 MiB'],
  },
];

let guard: Guard;

test.beforeEach(async ({ page }) => {
  guard = await guardPage(page);
});

test.afterEach(() => {
  expect(guard.pageErrors, 'page errors').toEqual([]);
});

/** Serves the fixture, with `first` answering timeline.json until healed. */
async function serveTimeline(page: Page, first: Reply): Promise<{ heal: () => void }> {
  let reply: Reply | null = first;
  await serveFixture(page);
  await page.route('**/data/timeline.json', (route) =>
    reply
      ? route.fulfill({ status: reply.status ?? 200, contentType: reply.contentType ?? 'application/json', body: reply.body })
      : route.fallback(),
  );
  return { heal: () => (reply = null) };
}

for (const { name, reply, expected } of TIMELINE_CASES) {
  test(`timeline.json ${name}: a readable message and a working retry`, async ({ page }) => {
    const served = await serveTimeline(page, reply());
    await page.goto('./');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('The timeline could not be loaded');
    for (const text of expected) await expect(alert).toContainText(text);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dateline');

    served.heal();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(eventButtons(page).first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}

/** Answers one article file badly until healed; the fixture answers everything else. */
async function breakArticle(page: Page, id: string, reply: Reply): Promise<{ heal: () => void }> {
  let broken = true;
  await serveFixture(page);
  await page.route(`**/data/articles/${id}.json`, (route) =>
    broken
      ? route.fulfill({ status: reply.status ?? 200, contentType: reply.contentType ?? 'application/json', body: reply.body })
      : route.fallback(),
  );
  return { heal: () => (broken = false) };
}

/** The rest of the page still works: another event opens, the timeline zooms. */
async function restStaysUsable(page: Page): Promise<void> {
  const other = eventButtons(page).filter({ hasNotText: 'Security Consultative Meeting' }).first();
  const title = (await other.locator('.event-title').textContent()) ?? '';
  await other.click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(title);
  await page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => urlWindow(page).from).not.toBeNull();
  await expect(page.locator('.vis-timeline .vis-item').first()).toBeAttached();
}

const ARTICLE_CASES: { name: string; id: string; source: number; reply: Reply; expected: string[] }[] = [
  {
    name: 'missing (404)',
    id: TALKS_ID,
    source: 0,
    reply: { status: 404, body: 'not found' },
    expected: [`data/articles/${TALKS_ID}.json`, 'HTTP 404'],
  },
  {
    name: 'schema-invalid (text is a number)',
    id: ISSUES_ID,
    source: 1,
    reply: { body: JSON.stringify({ id: ISSUES_ID, text: 42, paragraphs: [] }) },
    expected: [`data/articles/${ISSUES_ID}.json`, 'text:'],
  },
  {
    name: 'not JSON',
    id: TALKS_ID,
    source: 0,
    reply: { contentType: 'text/plain', body: 'Service Unavailable' },
    expected: [`data/articles/${TALKS_ID}.json`, 'expected JSON'],
  },
];

for (const { name, id, source, reply, expected } of ARTICLE_CASES) {
  test(`article text ${name}: the reader says so, retries, and the rest stays usable`, async ({ page }) => {
    const served = await breakArticle(page, id, reply);
    await openViewer(page);
    await scmButton(page).click();
    await details(page)
      .getByRole('button', { name: /Read in source/ })
      .nth(source)
      .click();
    const alert = sourceRegion(page).getByRole('alert');
    await expect(alert).toContainText('The article text could not be loaded.');
    for (const text of expected) await expect(alert).toContainText(text);

    served.heal();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(sourceRegion(page).locator('mark.is-active').first()).toBeVisible();
    await expect(sourceRegion(page).getByRole('alert')).toHaveCount(0);
    await restStaysUsable(page);
  });
}

test('an article whose passages no longer match its text is reported, not mis-highlighted', async ({ page }) => {
  await breakArticle(page, TALKS_ID, {
    body: JSON.stringify({ id: TALKS_ID, text: 'A different text.', paragraphs: [[0, 17]] }),
  });
  await openViewer(page);
  await scmButton(page).click();
  await details(page)
    .getByRole('button', { name: /Read in source/ })
    .first()
    .click();
  await expect(sourceRegion(page).getByRole('alert')).toContainText(`data/articles/${TALKS_ID}.json: the passage is not where`);
  await expect(sourceRegion(page).locator('mark.is-active')).toHaveCount(0);
  await restStaysUsable(page);
});

test('a source reader that breaks while rendering is contained by its region; the rest stays usable', async ({ page }) => {
  // Fault injection: scrolling a passage into view throws, as a broken reader would.
  await page.addInitScript(() => {
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element, ...args: Parameters<Element['scrollIntoView']>) {
      if (this.tagName === 'MARK') throw new Error('injected fault in the source reader');
      original.apply(this, args);
    };
  });
  await serveFixture(page);
  await openViewer(page);
  await scmButton(page).click();
  await details(page)
    .getByRole('button', { name: /Read in source/ })
    .first()
    .click();
  const alert = page.getByRole('alert').filter({ hasText: 'The source reader could not be shown' });
  await expect(alert).toContainText('injected fault in the source reader');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(details(page).getByRole('heading', { level: 2 })).toContainText('Security Consultative Meeting');
  await restStaysUsable(page);
});

test('a timeline chunk that fails to load is reported in its region, and "Try again" loads it', async ({ page }) => {
  let broken = true;
  await serveFixture(page);
  await page.route('**/assets/TimelineView-*.js', (route) => (broken ? route.abort('connectionreset') : route.fallback()));
  await page.goto('./');
  const alert = page.getByRole('alert').filter({ hasText: 'The timeline could not be shown' });
  await expect(alert).toContainText('TimelineView');
  // The list and details do not need vis-timeline.
  await scmButton(page).click();
  await expect(details(page).getByRole('heading', { level: 2 })).toContainText('Security Consultative Meeting');

  broken = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.vis-timeline .vis-item').first()).toBeAttached();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
