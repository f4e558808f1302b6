import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate';
import { readOutput } from '../../bench/qualityBench';
import { build } from '../../src/compiler/build';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('readOutput', () => {
  it('puts a sharded output back together: the same events and texts as the one-file output', { timeout: 120_000 }, async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'dateline-quality-'));
    dirs.push(root);
    const input = path.join(root, 'articles');
    await mkdir(input);
    for (const article of generateCorpus(6, 5, 2)) await writeFile(path.join(input, article.fileName), article.content);
    const options = {
      in: input,
      generator: { name: 'dateline', version: 'test' },
      jobs: 1,
      cacheDir: false as const,
      progress: false,
    };
    const whole = await build({ ...options, out: path.join(root, 'whole') });
    const sharded = await build({ ...options, out: path.join(root, 'sharded'), shardEvents: 4 });
    expect(whole.ok && sharded.ok).toBe(true);

    const one = await readOutput(path.join(root, 'whole'));
    const many = await readOutput(path.join(root, 'sharded'));
    expect(many.timeline.shards?.length).toBeGreaterThan(1);
    expect(one.timeline.events.length).toBeGreaterThan(4);
    expect(many.timeline.events).toEqual(one.timeline.events);
    expect(many.texts).toEqual(one.texts);
    expect(one.texts.map((text) => text.id)).toEqual(one.timeline.articles.map((article) => article.id).sort());
  });
});
