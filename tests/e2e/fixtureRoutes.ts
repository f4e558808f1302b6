/**
 * Serves the hand-made seed-like fixture in place of `public/data`, through Playwright
 * routes, so the viewer's flows can be exercised whatever the compiler has written.
 */
import type { Page } from '@playwright/test';
import { shardTimeline } from '../../src/compiler/shard';
import type { Timeline } from '../../src/model/schema';
import { seedLikeArticles, seedLikeTimeline } from '../fixtures/timeline/seedLike';

/** Answers the timeline and article files from the fixture (or from `timeline` when given). */
export async function serveFixture(page: Page, timeline: Timeline = seedLikeTimeline): Promise<void> {
  await page.route('**/data/timeline.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(timeline) }),
  );
  await page.route('**/data/articles/*.json', (route) => {
    const id = new URL(route.request().url()).pathname
      .split('/')
      .pop()
      ?.replace(/\.json$/, '');
    const article = seedLikeArticles.find((candidate) => candidate.id === id);
    return article
      ? route.fulfill({ contentType: 'application/json', body: JSON.stringify(article) })
      : route.fulfill({ status: 404, body: 'not found' });
  });
}

/**
 * Serves `timeline` the way the compiler writes a large one: an index listing shard files
 * of `perShard` events each. Shards named in `missing` answer 404.
 */
export async function serveShardedFixture(
  page: Page,
  timeline: Timeline,
  perShard: number,
  missing: readonly string[] = [],
  released: Promise<void> = Promise.resolve(),
): Promise<void> {
  const { index, shards } = shardTimeline(timeline, perShard);
  await serveFixture(page, index);
  await page.route('**/data/events/*.json', async (route) => {
    await released;
    const name = `events/${new URL(route.request().url()).pathname.split('/').pop() ?? ''}`;
    const shard = shards.find((candidate) => candidate.path === name);
    return shard && !missing.includes(name)
      ? route.fulfill({ contentType: 'application/json', body: JSON.stringify(shard.shard) })
      : route.fulfill({ status: 404, body: 'not found' });
  });
}
