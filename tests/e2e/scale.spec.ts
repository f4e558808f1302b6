/**
 * The viewer at scale: a generated timeline of 5,000 events. Zoomed into a week the
 * timeline holds exactly that week's events (not thousands of off-screen items); zoomed
 * out it shows count bands whose numbers add up to the events the filters leave. The
 * event list keeps only the rows in view in the DOM, yet the keyboard and the selection
 * reach every one of the 5,000.
 */
import { expect, test, type Page } from '@playwright/test';
import { addDays } from '../../src/model/calendarDate';
import { whenOf, type TimelineEvent } from '../../src/model/schema';
import { makeActor, makeArticle, makeEvent, makeTimeline } from '../fixtures/timeline/builders';
import { serveFixture, serveShardedFixture } from './fixtureRoutes';

const FIRST_DAY = '2023-01-01';
const actors = ['Harbour Board', 'River Council'].map((name) => makeActor(name));

/** 5,000 one-day events, about seven a day over two years, alternating between two actors. */
const events: TimelineEvent[] = Array.from({ length: 5000 }, (_, index) =>
  makeEvent({
    id: `g${index}`,
    title: `Generated happening ${index}`,
    when: whenOf(addDays(FIRST_DAY, (index * 7919) % 730)),
    actors: [actors[index % 2]?.id ?? ''],
  }),
);
const timeline = makeTimeline({ articles: [makeArticle('a1')], actors, events });

const drawnTexts = (page: Page) => page.locator('.vis-timeline .vis-item .vis-item-content').allTextContents();

test.describe('viewer with 5,000 events', () => {
  test.beforeEach(async ({ page }) => serveFixture(page, timeline));

  test('zoomed into a week, the timeline holds exactly that week’s events', async ({ page }) => {
    const week = { start: '2024-03-04', end: '2024-03-11' };
    await page.goto(`./?from=${week.start}&to=${week.end}`);
    const expected = events
      .filter((event) => (event.when.start ?? '') >= week.start && (event.when.start ?? '') < week.end)
      .map((event) => event.title);
    await expect.poll(async () => (await drawnTexts(page)).length).toBeGreaterThan(0);
    const drawn = await drawnTexts(page);
    // Every event of the week is there; the rest are the margin around it, never thousands.
    for (const title of expected) expect(drawn).toContain(title);
    expect(drawn.length).toBeLessThanOrEqual(300);
    await expect(page.locator('.vis-timeline .vis-item.dl-band')).toHaveCount(0);
  });

  test('“Fit all” from a week shows all two years, not only the events held near the week', async ({ page }) => {
    await page.goto('./?from=2024-03-04&to=2024-03-11');
    await expect.poll(async () => (await drawnTexts(page)).length).toBeGreaterThan(0);
    await page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Fit all' }).click();
    const url = () => new URL(page.url()).searchParams;
    await expect.poll(() => url().get('from')).not.toBe('2024-03-04');
    // The events run from 1 Jan 2023 to 30 Dec 2024.
    expect(url().get('from')! <= FIRST_DAY).toBe(true);
    expect(url().get('to')! > addDays(FIRST_DAY, 729)).toBe(true);
    const bands = page.locator('.vis-timeline .vis-item.dl-band .vis-item-content');
    await expect.poll(async () => (await bands.allTextContents()).reduce((total, text) => total + Number(text), 0)).toBe(5000);
  });

  test('zoomed out, count bands add up to the filtered total', async ({ page }) => {
    await page.goto('./?from=2022-06-01&to=2025-06-01');
    const bands = page.locator('.vis-timeline .vis-item.dl-band .vis-item-content');
    await expect.poll(async () => (await bands.allTextContents()).length).toBeGreaterThan(0);
    const sum = async () => (await bands.allTextContents()).reduce((total, text) => total + Number(text), 0);
    expect(await sum()).toBe(5000);

    await page.getByRole('group', { name: 'Actors' }).getByRole('checkbox', { name: 'Harbour Board', exact: true }).check();
    await expect(page.getByRole('status')).toHaveText('2500 of 5000 events match');
    await expect.poll(sum).toBe(2500);
  });

  test('while vis-timeline loads, the window’s events are drawn as count bars, then the timeline takes over', async ({
    page,
  }) => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/TimelineView-*.js', async (route) => {
      await held;
      await route.fallback();
    });
    await page.goto('./');
    const preview = page.getByRole('img', {
      name: /^Loading the timeline\. Meanwhile, \d+ events in view, counted by (week|month)$/,
    });
    await expect(preview).toBeVisible();
    expect(await page.locator('.preview-bar').count()).toBeGreaterThan(10);
    // The list does not wait for the timeline.
    await expect(page.getByRole('status')).toHaveText('5000 events');

    release();
    await expect(page.locator('.vis-timeline .vis-item').first()).toBeAttached();
    await expect(preview).toHaveCount(0);
  });

  test('the list renders only the rows in view, each placed in the whole list', async ({ page }) => {
    await page.goto('./');
    const rows = page.getByRole('list', { name: 'Events' }).getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThanOrEqual(100);
    await expect(rows.first()).toHaveAttribute('aria-setsize', '5000');
    await expect(rows.first()).toHaveAttribute('aria-posinset', '1');
  });

  test('End, Home and the arrows reach rows that were not rendered', async ({ page }) => {
    await page.goto('./');
    const list = page.getByRole('list', { name: 'Events' });
    const chronological = [...events].sort(
      (a, b) => (a.when.start ?? '').localeCompare(b.when.start ?? '') || a.title.localeCompare(b.title),
    );
    await list.getByRole('button').first().focus();
    await page.keyboard.press('End');
    const focusedRow = page.locator('.event-list li:has(button:focus)');
    await expect(focusedRow).toHaveAttribute('aria-posinset', '5000');
    await expect(page.locator('button.event-button:focus .event-title')).toHaveText(chronological.at(-1)?.title ?? '');
    await page.keyboard.press('ArrowUp');
    await expect(focusedRow).toHaveAttribute('aria-posinset', '4999');
    await page.keyboard.press('Home');
    await expect(focusedRow).toHaveAttribute('aria-posinset', '1');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText(
      chronological[0]?.title ?? '',
    );
  });

  test('an event selected by a link is scrolled into the list and marked current', async ({ page }) => {
    const target = events[4321] as TimelineEvent;
    await page.goto(`./?event=${target.id}`);
    const current = page.getByRole('list', { name: 'Events' }).locator('button[aria-current="true"]');
    await expect(current).toBeInViewport();
    await expect(current.locator('.event-title')).toHaveText(target.title);
  });

  test('on a phone the long list scrolls in a box of its own and shows its rows', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const target = events[4321] as TimelineEvent;
    await page.goto(`./?event=${target.id}`);
    const list = page.getByRole('list', { name: 'Events' });
    const current = list.locator('button[aria-current="true"]');
    await current.scrollIntoViewIfNeeded();
    await expect(current).toBeInViewport();
    await expect(current.locator('.event-title')).toHaveText(target.title);
    expect(await list.getByRole('listitem').count()).toBeLessThanOrEqual(100);
  });
});

test.describe('the same 5,000 events in shards of 2,000', () => {
  test('load whole: every event is counted, listed and reachable by a link', async ({ page }) => {
    await serveShardedFixture(page, timeline, 2000);
    const last = [...events].sort((a, b) => (b.when.start ?? '').localeCompare(a.when.start ?? ''))[0] as TimelineEvent;
    // The shards are fetched and validated in a web worker, not on the main thread.
    const worker = page.waitForEvent('worker', (started) => started.url().includes('dataWorker'));
    await page.goto(`./?event=${last.id}`);
    await worker;
    await expect(page.getByRole('status')).toHaveText('5000 events');
    await expect(page.getByRole('list', { name: 'Events' }).getByRole('listitem').first()).toHaveAttribute(
      'aria-setsize',
      '5000',
    );
    await expect(page.getByRole('region', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText(last.title);
    await page.getByRole('group', { name: 'Actors' }).getByRole('checkbox', { name: 'River Council', exact: true }).check();
    await expect(page.getByRole('status')).toHaveText('2500 of 5000 events match');
  });

  test('while the shards load: the overview drawn as bands, a loading count, and a linked event kept', async ({ page }) => {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await serveShardedFixture(page, timeline, 2000, [], released);
    const last = [...events].sort((a, b) => (b.when.start ?? '').localeCompare(a.when.start ?? ''))[0] as TimelineEvent;
    await page.goto(`./?event=${last.id}`);
    await expect(page.getByRole('status')).toHaveText('Loading 5000 events…');
    await expect(page.getByRole('region', { name: 'Events' })).toContainText('Loading 5000 events…');
    const bands = page.locator('.vis-item.dl-band');
    await expect(bands.first()).toBeVisible();
    const counted = await bands.evaluateAll((nodes) => nodes.reduce((sum, node) => sum + Number(node.textContent), 0));
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(5000);
    expect(new URL(page.url()).searchParams.get('event')).toBe(last.id);
    release();
    await expect(page.getByRole('status')).toHaveText('5000 events');
    await expect(page.getByRole('region', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText(last.title);
    expect(new URL(page.url()).searchParams.get('event')).toBe(last.id);
  });

  test('a missing shard gives a readable error naming it, and a retry', async ({ page }) => {
    await serveShardedFixture(page, timeline, 2000, ['events/0002.json']);
    await page.goto('./');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('data/events/0002.json: expected the file, got HTTP 404');
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});
