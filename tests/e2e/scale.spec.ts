/**
 * The viewer at scale: a generated timeline of 5,000 events. Zoomed into a week the
 * timeline holds exactly that week's events (not thousands of off-screen items); zoomed
 * out it shows count bands whose numbers add up to the events the filters leave.
 */
import { expect, test, type Page } from '@playwright/test';
import { addDays } from '../../src/model/calendarDate';
import { whenOf, type TimelineEvent } from '../../src/model/schema';
import { makeActor, makeArticle, makeEvent, makeTimeline } from '../fixtures/timeline/builders';
import { serveFixture } from './fixtureRoutes';

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
});
