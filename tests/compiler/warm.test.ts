/**
 * The warm start (src/compiler/warm.ts): a process started from the bundle's snapshot of the
 * stages compiles exactly what the stages compile in this process, and whatever goes wrong
 * there leaves the article to the caller instead of failing the run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate';
import { compilerBundle, SNAPSHOT_FLAGS } from '../../scripts/compile.mjs';
import { parseActorCatalog } from '../../src/compiler/actors/catalog';
import { compileArticle } from '../../src/compiler/article';
import type { ArticleContext, InputFile } from '../../src/compiler/assemble';
import { readArticle } from '../../src/compiler/read';
import { startWarmCompile, WARM_MAX_ARTICLES, type StagesSnapshot } from '../../src/compiler/warm';

const SEEDS = ['2025-10-27-yonhap-security-talks.txt', '2025-11-04-yonhap-alliance-issues.txt'];

let snapshot: StagesSnapshot;
let context: ArticleContext;
let work: string;
const files: InputFile[] = [];

beforeAll(async () => {
  // The bundle `npm run compile` runs, with its snapshot.
  const dir = await compilerBundle(['src/compiler/cli.ts']);
  snapshot = { blob: path.join(dir, 'stages.blob'), flags: SNAPSHOT_FLAGS };
  context = { catalog: parseActorCatalog(await readFile('data/actors.yaml', 'utf8'), 'data/actors.yaml') };
  work = await mkdtemp(path.join(tmpdir(), 'dateline-warm-'));
  for (const seed of SEEDS) files.push({ file: seed, bytes: await readFile(path.join('data/articles', seed)) });
  for (const { fileName, content } of generateCorpus(3, 5))
    files.push({ file: fileName, bytes: new TextEncoder().encode(content) });
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

/** What the stages make of a file in this process. */
const here = ({ file, bytes }: InputFile) => compileArticle(readArticle(file, bytes), context);

describe('startWarmCompile', () => {
  it('compiles each file as the stages do in this process (seeds and generated articles, with the catalogue)', async () => {
    const warm = startWarmCompile(files, context, snapshot);
    if (warm === undefined) throw new Error('expected a warm process for 5 articles');
    try {
      for (const file of files) expect(await warm.result(file)).toEqual(here(file));
    } finally {
      warm.stop();
    }
  }, 60_000);

  it('has no result for a file with other bytes than it was given, or one it was not given', async () => {
    const [first, second] = files as [InputFile, InputFile];
    const warm = startWarmCompile([first], context, snapshot);
    if (warm === undefined) throw new Error('expected a warm process for one article');
    try {
      const edited = { file: first.file, bytes: new TextEncoder().encode(`${new TextDecoder().decode(first.bytes)}\nMore.\n`) };
      expect(await warm.result(edited)).toBeUndefined();
      expect(await warm.result(second)).toBeUndefined();
      expect(await warm.result({ file: first.file, bytes: Uint8Array.from(first.bytes) })).toEqual(here(first));
    } finally {
      warm.stop();
    }
  }, 60_000);

  it('leaves an article it cannot read to the caller and compiles the others', async () => {
    const broken = { file: '2025-01-01-broken.txt', bytes: new TextEncoder().encode('---\ntitle: [unclosed\n---\nBody.\n') };
    expect(() => readArticle(broken.file, broken.bytes)).toThrow();
    const good = files[2] as InputFile;
    const warm = startWarmCompile([broken, good], context, snapshot);
    if (warm === undefined) throw new Error('expected a warm process for two articles');
    expect(await warm.result(broken)).toBeUndefined();
    expect(await warm.result(good)).toEqual(here(good));
  }, 60_000);

  it('starts nothing for no articles, for more than WARM_MAX_ARTICLES, or without a snapshot', () => {
    expect(startWarmCompile([], context, snapshot)).toBeUndefined();
    const many = Array.from({ length: WARM_MAX_ARTICLES + 1 }, (_, i) => ({ ...(files[0] as InputFile), file: `${i}.txt` }));
    expect(startWarmCompile(many, context, snapshot)).toBeUndefined();
    // Under vitest the compiler runs from its sources: there is no bundle, so no snapshot beside it.
    expect(startWarmCompile(files.slice(0, 1), context)).toBeUndefined();
  });

  it('has no results, and does not throw, when the snapshot cannot be loaded or is run under other flags', async () => {
    const garbage = path.join(work, 'garbage.blob');
    await writeFile(garbage, 'not a snapshot');
    const file = files[0] as InputFile;
    for (const bad of [
      { blob: garbage, flags: SNAPSHOT_FLAGS },
      { blob: path.join(work, 'missing.blob'), flags: SNAPSHOT_FLAGS },
      // A snapshot loads only under the V8 flags it was made with.
      { blob: snapshot.blob, flags: [] },
    ]) {
      const warm = startWarmCompile([file], context, bad);
      if (warm === undefined) throw new Error('expected a process to be started');
      expect(await warm.result(file)).toBeUndefined();
    }
  }, 60_000);

  it('can be stopped before it answers; its result is then undefined', async () => {
    const file = files[0] as InputFile;
    const warm = startWarmCompile([file], context, snapshot);
    if (warm === undefined) throw new Error('expected a warm process');
    warm.stop();
    expect(await warm.result(file)).toBeUndefined();
  }, 60_000);
});
