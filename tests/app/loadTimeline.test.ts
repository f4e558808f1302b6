/**
 * loadTimeline on its own (jsdom has no Worker, so shards load on the main thread): a
 * one-file timeline comes whole; a sharded one hands its index to `early` before any
 * shard is fetched, then resolves to the timeline put back together, or to an error
 * naming the shard that failed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadTimeline } from '../../src/app/data/useTimeline';
import { shardTimeline } from '../../src/compiler/shard';
import type { Timeline } from '../../src/model/schema';
import { seedLikeTimeline } from '../fixtures/timeline/seedLike';

const sharded = shardTimeline(seedLikeTimeline, 3);

/** Serves `index` as data/timeline.json and the shards (but `missing`); records the URLs asked for. */
function serve(index: Timeline, missing: string[] = []): string[] {
  const asked: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    asked.push(url);
    if (url.endsWith('data/timeline.json')) return new Response(JSON.stringify(index));
    const shard = sharded.shards.find((candidate) => url.endsWith(`data/${candidate.path}`));
    if (shard && !missing.some((name) => url.endsWith(name))) return new Response(JSON.stringify(shard.shard));
    return new Response('not found', { status: 404, statusText: 'Not Found' });
  });
  return asked;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadTimeline', () => {
  it('gives a one-file timeline whole and hands nothing over early', async () => {
    serve(seedLikeTimeline);
    const early = vi.fn();
    const result = await loadTimeline('data/timeline.json', new AbortController().signal, early);
    expect(result).toEqual({ ok: true, value: seedLikeTimeline });
    expect(early).not.toHaveBeenCalled();
  });

  it('hands over a sharded index with its overview before fetching a shard, then the whole timeline', async () => {
    expect(sharded.shards.length).toBeGreaterThan(1);
    const asked = serve(sharded.index);
    const early = vi.fn((index: Timeline) => {
      expect(asked).toEqual(['data/timeline.json']);
      expect(index.events).toEqual([]);
      expect(index.overview).toEqual(sharded.index.overview);
    });
    const result = await loadTimeline('data/timeline.json', new AbortController().signal, early);
    expect(early).toHaveBeenCalledTimes(1);
    expect(result).toEqual({ ok: true, value: seedLikeTimeline });
    expect(asked).toHaveLength(1 + sharded.shards.length);
  });

  it('ends in an error naming the shard that is missing, after the early index', async () => {
    serve(sharded.index, ['events/0002.json']);
    const early = vi.fn();
    const result = await loadTimeline('data/timeline.json', new AbortController().signal, early);
    expect(early).toHaveBeenCalledTimes(1);
    expect(result).toEqual({ ok: false, error: 'data/events/0002.json: expected the file, got HTTP 404 Not Found' });
  });
});
