import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate';
import { compilerFingerprint } from '../../src/compiler/cache';
import { compileParallel, type ParallelCompileOptions } from '../../src/compiler/parallel';
import { compile, compileArticle, type InputFile } from '../../src/compiler/pipeline';
import type { Article } from '../../src/compiler/read';

const generator = { name: 'dateline', version: '0.0.0-test' };
// A fixed version: the default fingerprint hashes src/, which may change while tests run.
const compilerVersion = 'test-version';
const corpus: InputFile[] = [...generateCorpus(16, 7)].map((article) => ({
  file: `corpus/${article.fileName}`,
  bytes: new TextEncoder().encode(article.content),
}));

function sequentialFiles(inputs: readonly InputFile[]) {
  const result = compile(inputs, { generator });
  if (!result.ok) throw new Error(`sequential compile: expected ok, got ${result.errors.map((e) => e.format()).join('; ')}`);
  return result.files;
}

/** Runs compileParallel on the main thread with a counting compileOne. */
async function countedRun(inputs: readonly InputFile[], options: Partial<ParallelCompileOptions>) {
  const seen: string[] = [];
  const compileOne = (article: Article, context: Parameters<typeof compileArticle>[1]) => {
    seen.push(article.file);
    return compileArticle(article, context);
  };
  const { result, stats } = await compileParallel(inputs, {
    generator,
    jobs: 1,
    progress: false,
    compilerVersion,
    compileOne,
    ...options,
  });
  if (!result.ok) throw new Error(`parallel compile: expected ok, got ${result.errors.map((e) => e.format()).join('; ')}`);
  return { files: result.files, stats, seen };
}

// Every compile here runs the real per-article stages, which take seconds on a busy 2-core machine.
describe('compileParallel', { timeout: 120_000 }, () => {
  let cacheDir: string;
  beforeEach(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'dateline-cache-'));
  });
  afterEach(() => rm(cacheDir, { recursive: true, force: true }));

  it('produces byte-identical output to the sequential compile when workers do all the work', async () => {
    const shuffled = [...corpus].reverse();
    const options = { generator, jobs: 2, mainThread: false, cacheDir: false, progress: false } as const;
    const { result, stats } = await compileParallel(shuffled, options);
    expect(stats).toEqual({
      articles: corpus.length,
      cached: 0,
      compiled: corpus.length,
      onWorkers: corpus.length,
      workers: 2,
      warm: 0,
    });
    expect(result).toEqual(compile(corpus, { generator }));
  });

  it('starts workers beside the main thread when the work left outlasts their start-up', async () => {
    // 300 ms an article on the main thread projects over 4 s of work after the second batch.
    const slow = (article: Article, context: Parameters<typeof compileArticle>[1]) => {
      const until = performance.now() + 300;
      while (performance.now() < until);
      return compileArticle(article, context);
    };
    const { result, stats } = await compileParallel(corpus, {
      generator,
      jobs: 2,
      cacheDir: false,
      progress: false,
      compileOne: slow,
    });
    expect(stats).toMatchObject({ compiled: corpus.length, workers: 1 });
    expect(result).toEqual(compile(corpus, { generator }));
  });

  it('starts workers before reading when enough articles are to be compiled', async () => {
    const { result, stats } = await compileParallel(corpus, {
      generator,
      jobs: 2,
      cacheDir: false,
      progress: false,
      workersUpFront: corpus.length,
    });
    // Started up front, the worker takes the first batches while the main thread compiles the rest.
    expect(stats).toMatchObject({ compiled: corpus.length, workers: 1 });
    expect(stats.onWorkers).toBeGreaterThan(0);
    expect(result).toEqual(compile(corpus, { generator }));
  });

  it('starts no workers up front for fewer articles than the threshold', async () => {
    const { stats } = await compileParallel(corpus.slice(0, 8), {
      generator,
      jobs: 2,
      cacheDir: false,
      progress: false,
      workersUpFront: 9,
    });
    expect(stats).toMatchObject({ compiled: 8, onWorkers: 0, workers: 0 });
  });

  it('stays on the main thread when the work is over before a worker could start', async () => {
    const { result, stats } = await compileParallel(corpus.slice(0, 12), {
      generator,
      jobs: 4,
      cacheDir: false,
      progress: false,
    });
    expect(stats).toMatchObject({ compiled: 12, onWorkers: 0, workers: 0 });
    expect(result).toEqual(compile(corpus.slice(0, 12), { generator }));
  });

  it('takes unchanged articles from the cache without compiling them again', async () => {
    const first = await countedRun(corpus, { cacheDir });
    expect(first.seen).toHaveLength(corpus.length);
    const second = await countedRun(corpus, { cacheDir });
    expect(second.seen).toEqual([]);
    expect(second.stats).toMatchObject({ cached: corpus.length, compiled: 0 });
    expect(second.files).toEqual(sequentialFiles(corpus));
  });

  it('takes the articles of a copied or moved folder from the cache, as compiled from there', async () => {
    await countedRun(corpus, { cacheDir });
    const moved = corpus.map((input) => ({ ...input, file: input.file.replace(/^corpus\//, 'desk/moved/') }));
    const run = await countedRun(moved, { cacheDir });
    expect(run.seen).toEqual([]);
    expect(run.stats).toMatchObject({ cached: corpus.length, compiled: 0 });
    expect(run.files).toEqual(sequentialFiles(moved));
  });

  it('compiles again an article whose name changed, even with the same bytes', async () => {
    await countedRun(corpus, { cacheDir });
    const renamed = corpus.map((input, i) =>
      i === 2 ? { ...input, file: input.file.replace(/\.(txt|md)$/, '-renamed.$1') } : input,
    );
    const run = await countedRun(renamed, { cacheDir });
    expect(run.seen).toEqual([renamed[2]?.file]);
    expect(run.files).toEqual(sequentialFiles(renamed));
  });

  it('fills and then reads the cache from worker threads', async () => {
    const options = { generator, jobs: 2, mainThread: false, cacheDir, compilerVersion, progress: false } as const;
    const first = await compileParallel(corpus, options);
    const second = await compileParallel(corpus, options);
    expect(first.stats.onWorkers).toBe(corpus.length);
    expect(second.stats).toEqual({
      articles: corpus.length,
      cached: corpus.length,
      compiled: 0,
      onWorkers: 0,
      workers: 0,
      warm: 0,
    });
    expect(second.result).toEqual(first.result);
  });

  it('recompiles only the article whose bytes changed', async () => {
    await countedRun(corpus, { cacheDir });
    const changed = corpus.map((input, i) =>
      i === 5
        ? { ...input, bytes: new TextEncoder().encode(`${new TextDecoder().decode(input.bytes)}\nA late paragraph.\n`) }
        : input,
    );
    const run = await countedRun(changed, { cacheDir });
    expect(run.seen).toEqual([corpus[5]?.file]);
    expect(run.files).toEqual(sequentialFiles(changed));
  });

  it.each([
    ['a new compiler version', { compilerVersion: 'other' }],
    ['a new actor catalogue', { catalog: [{ id: 'zorbia', name: 'Zorbia', kind: 'country' as const, aliases: [] }] }],
  ])('recompiles everything after %s', async (_label, change) => {
    await countedRun(corpus, { cacheDir, compilerVersion: 'one' });
    const run = await countedRun(corpus, { cacheDir, compilerVersion: 'one', ...change });
    expect(run.seen).toHaveLength(corpus.length);
  });

  const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['one character changed', (text: string) => `${text.slice(0, 200)}#${text.slice(201)}`],
    ['an empty file', () => ''],
    [
      'a sound checksum over the wrong shape',
      (text: string) => {
        const entry = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { key: string };
        const json = JSON.stringify({ key: entry.key, compiled: { events: 'none' } });
        return `${sha(json)}\n${json}`;
      },
    ],
  ])('ignores a corrupt cache entry (%s) and recomputes it', async (_label, corrupt) => {
    await countedRun(corpus, { cacheDir });
    const entries = (await readdir(cacheDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(entries).toHaveLength(corpus.length);
    const victim = entries[3];
    if (!victim) throw new Error('expected a cache entry to corrupt');
    const file = path.join(victim.parentPath, victim.name);
    await writeFile(file, corrupt(await readFile(file, 'utf8')));
    const recovered = await countedRun(corpus, { cacheDir });
    expect(recovered.seen).toHaveLength(1);
    expect(recovered.files).toEqual(sequentialFiles(corpus));
    const again = await countedRun(corpus, { cacheDir });
    expect(again.seen).toEqual([]);
  });

  it('reports read errors like compile does, before touching the cache', async () => {
    const broken = [...corpus, { file: 'corpus/broken.txt', bytes: new TextEncoder().encode('no front matter\n') }];
    const { result, stats } = await compileParallel(broken, { generator, jobs: 2, cacheDir, progress: false });
    expect(result).toEqual(compile(broken, { generator }));
    expect(stats.compiled).toBe(0);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('reports a duplicate id like compile does when one of the two articles is cached', async () => {
    const first = corpus[0] as InputFile;
    await countedRun([first], { cacheDir });
    const twin = {
      file: 'corpus/zz-twin.txt',
      bytes: new TextEncoder().encode(
        new TextDecoder().decode(first.bytes).replace('---\n', `---\nid: ${first.file.slice(7, -4)}\n`),
      ),
    };
    const { result } = await compileParallel([first, twin], { generator, jobs: 1, cacheDir, compilerVersion, progress: false });
    expect(result).toEqual(compile([first, twin], { generator }));
    expect(result.ok).toBe(false);
  });

  it('fingerprints the compiler by version and sources', async () => {
    const [a, b, c] = await Promise.all([
      compilerFingerprint('1.0.0'),
      compilerFingerprint('1.0.0'),
      compilerFingerprint('1.0.1'),
    ]);
    expect(a).toMatch(/^1\.0\.0\+[0-9a-f]{16}$/);
    expect(b).toBe(a);
    expect(c.startsWith('1.0.1+')).toBe(true);
  });
});
