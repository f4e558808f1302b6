/**
 * A sharded timeline loads view first, in real Chromium with the shard worker: the shard
 * of the window the index opens on is asked for first, its events show while the other
 * shards are held back, and a zoom and pan to far dates moves the shards there to the
 * front of those not yet asked for.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { shardTimeline } from '../../src/compiler/shard';
import { addDays } from '../../src/model/calendarDate';
import { whenOf, type Timeline } from '../../src/model/schema';
import { makeActor, makeArticle, makeEvent, makeTimeline } from '../fixtures/timeline/builders';
import { serveFixture } from './fixtureRoutes';

const SHARDS = 6;
const PER_SHARD = 40;
const actor = makeActor('Harbour Board');
/** 240 one-day events, one every three-quarters of a day over the first half of 2024, in date order. */
const events = Array.from({ length: SHARDS * PER_SHARD }, (_, i) =>
  makeEvent({
    id: `e${String(i).padStart(3, '0')}`,
    title: `Shard ${Math.floor(i / PER_SHARD) + 1} happening ${i % PER_SHARD}`,
    when: whenOf(addDays('2024-01-01', Math.floor(i * 0.75))),
    actors: [actor.id],
  }),
);
const sharded = shardTimeline(makeTimeline({ articles: [makeArticle('a1')], actors: [actor], events }), PER_SHARD);
const refs = sharded.index.shards ?? [];
const last = refs[SHARDS - 1];
if (!last?.start || !last.end || !sharded.index.overview) throw new Error('expected dated shards and an overview');
/** The index opens on a fortnight inside the last shard, as a compiler may write for recent news. */
const opening = { start: addDays(last.start, 5), end: addDays(last.start, 19) };
const index: Timeline = { ...sharded.index, overview: { ...sharded.index.overview, window: opening } };

/** Serves the index and holds every shard request until `release(file)`; records the files asked for in order. */
async function serveHeld(page: Page) {
  const asked: string[] = [];
  const held = new Map<string, Route>();
  const released = new Set<string>();
  const answer = (name: string, route: Route) => {
    const shard = sharded.shards.find((candidate) => candidate.path === name);
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(shard?.shard) });
  };
  await serveFixture(page, index);
  await page.route('**/data/events/*.json', async (route) => {
    const name = `events/${new URL(route.request().url()).pathname.split('/').pop() ?? ''}`;
    asked.push(name);
    if (released.has(name)) return answer(name, route);
    held.set(name, route);
  });
  const release = async (name: string) => {
    released.add(name);
    const route = held.get(name);
    held.delete(name);
    if (route) await answer(name, route);
  };
  return { asked, held, release };
}

const status = (page: Page) => page.getByRole('status');

test('the shard of the opening window comes first and its events show while the others are held', async ({ page }) => {
  const { asked, release } = await serveHeld(page);
  await release('events/0006.json');
  await page.goto('./');
  await expect(status(page)).toHaveText(`Loading… ${PER_SHARD} of ${SHARDS * PER_SHARD} events loaded`);
  // Two go out at once (the worker's two fetches may reach the network in either order): the
  // window's shard and its nearest neighbour, before any other.
  expect(asked.slice(0, 2).sort()).toEqual(['events/0005.json', 'events/0006.json']);
  // Its events are listed and drawn as events (not counts), though five shards are still out.
  const rows = page.getByRole('list', { name: 'Events' }).getByRole('button');
  await expect(rows).toHaveCount(PER_SHARD);
  await expect(rows.first()).toContainText('Shard 6 happening 0');
  const drawn = page.locator('.vis-timeline .vis-item:not(.dl-band) .vis-item-content');
  await expect(drawn.first()).toContainText('Shard 6 happening');
  await expect(page.getByRole('region', { name: 'Timeline' })).toHaveAttribute('aria-busy', 'false');
  expect(asked.filter((name) => name !== 'events/0006.json').length).toBeLessThanOrEqual(2);
});

test('a zoom and pan to the first months moves their shard ahead of the nearer ones', async ({ page }) => {
  const { asked, held, release } = await serveHeld(page);
  await release('events/0006.json');
  await page.goto('./');
  await expect(status(page)).toHaveText(`Loading… ${PER_SHARD} of ${SHARDS * PER_SHARD} events loaded`);
  // Two out at once: the opening shard and its neighbour, then, once the first is in, the next nearest.
  await expect.poll(() => asked.length).toBe(3);
  expect(asked.slice(0, 2).sort()).toEqual(['events/0005.json', 'events/0006.json']);
  expect(asked[2]).toBe('events/0004.json');

  const timeline = page.getByRole('region', { name: 'Timeline' });
  const from = () => new URL(page.url()).searchParams.get('from') ?? '9999';
  /** Clicks a timeline control and waits until the window it moves is in the URL. */
  const press = async (name: string) => {
    const before = from();
    await timeline.getByRole('button', { name }).click();
    await expect.poll(from).not.toBe(before);
  };
  for (let i = 0; i < 3; i++) await press('Zoom out');
  // A third of the window a step: the first step whose window starts in the first shard still meets it.
  for (let i = 0; i < 40 && from() > (refs[0]?.end ?? ''); i++) await press('Earlier');
  expect(from() <= (refs[0]?.end ?? '')).toBe(true);
  // The window now shows the first shard's dates, which are still coming.
  await expect(timeline).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('.timeline-loading-note')).toHaveText('Loading events in view…');

  // Without the pan, 0003 would be next; now a freed slot goes to the shard in view.
  await release('events/0005.json');
  await expect.poll(() => asked.length).toBe(4);
  expect(asked[3]).toBe('events/0001.json');
  await release('events/0001.json');
  await expect(page.getByRole('list', { name: 'Events' }).getByRole('button').first()).toContainText('Shard 1 happening 0');
  for (const name of ['events/0002.json', 'events/0003.json', 'events/0004.json']) await release(name);
  await expect(status(page)).toHaveText(`${SHARDS * PER_SHARD} events`);
  expect(held.size).toBe(0);
  await expect(timeline).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('.vis-timeline .vis-item:not(.dl-band) .vis-item-content').first()).toContainText(
    /Shard [12] happening/,
  );
});
