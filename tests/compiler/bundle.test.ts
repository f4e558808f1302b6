import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate';
import { readInputFolder } from '../../src/compiler/inputs';
import { compile } from '../../src/compiler/pipeline';
import { bundleFailure, compilerBundle } from '../../scripts/compile.mjs';
import { snapshotFolder } from '../fixtures/folders';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const generator = { name: 'dateline', version: '0.0.0-test' };

/**
 * An entry that compiles a generated corpus with every article on one worker (none on the
 * main thread), so a bundle that cannot find or start `worker.js` fails.
 */
const onWorkersEntry = (note: string) => `// ${note}
import { readFileSync } from 'node:fs';
import { compileParallel } from ${JSON.stringify(path.join(root, 'src/compiler/parallel.ts'))};

const articles: { file: string; content: string }[] = JSON.parse(readFileSync(process.argv[2] as string, 'utf8'));
const inputs = articles.map(({ file, content }) => ({ file, bytes: new TextEncoder().encode(content) }));
const { result, stats } = await compileParallel(inputs, {
  generator: ${JSON.stringify(generator)},
  jobs: 1,
  mainThread: false,
  progress: false,
});
process.stdout.write(JSON.stringify({ files: result.ok ? result.files : result.errors.map(String), onWorkers: stats.onWorkers }));
`;

/** An entry that runs one `build` on two threads with a cache, as `npm run compile` does, and prints its stats. */
const buildEntry = `
import { build } from ${JSON.stringify(path.join(root, 'src/compiler/build.ts'))};

const [input, out, cache] = process.argv.slice(2) as [string, string, string];
const outcome = await build({
  in: input,
  out,
  generator: ${JSON.stringify(generator)},
  shardEvents: 8,
  jobs: 2,
  progress: false,
  cacheDir: cache,
  compilerVersion: 'test-version',
  racyMs: 0,
});
process.stdout.write(JSON.stringify(outcome.ok ? outcome.stats : outcome.errors.map(String)));
`;

describe('the bundled compiler (scripts/compile.mjs)', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'dateline-bundle-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('starts compile workers from the bundle and gives the same files as the unbundled compile', async () => {
    const entry = path.join(work, 'onWorkers.ts');
    await writeFile(entry, onWorkersEntry('first'));
    const dir = await compilerBundle([entry]);
    expect((await readdir(dir)).filter((name) => name.endsWith('.js'))).toEqual(
      expect.arrayContaining(['onWorkers.js', 'worker.js']),
    );
    const articles = [...generateCorpus(6, 11)].map(({ fileName, content }) => ({ file: fileName, content }));
    await writeFile(path.join(work, 'articles.json'), JSON.stringify(articles));
    const { stdout } = await run(process.execPath, [path.join(dir, 'onWorkers.js'), path.join(work, 'articles.json')], {
      cwd: root,
    });
    const bundled = JSON.parse(stdout) as { files: unknown; onWorkers: number };

    const inputs = articles.map(({ file, content }) => ({ file, bytes: new TextEncoder().encode(content) }));
    const expected = compile(inputs, { generator });
    if (!expected.ok) throw new Error('compile: expected the generated corpus to compile');
    expect(bundled.onWorkers).toBe(6);
    expect(bundled.files).toEqual(expected.files);
  }, 120_000);

  it('compiles a few changed articles in a process started from its snapshot, with the same output, and without one when the snapshot is broken', async () => {
    const entry = path.join(work, 'build.ts');
    await writeFile(entry, buildEntry);
    const dir = await compilerBundle([entry]);
    expect(await readdir(dir)).toContain('stages.blob');
    const input = path.join(work, 'in');
    const out = path.join(work, 'out');
    await cp(path.join(root, 'data/articles'), input, { recursive: true });
    for (const article of generateCorpus(8, 17)) await writeFile(path.join(input, article.fileName), article.content);
    const names = (await readdir(input)).filter((name) => !name.includes('yonhap')).sort();
    const runBuild = async () => {
      const { stdout } = await run(process.execPath, [path.join(dir, 'build.js'), input, out, path.join(work, 'cache')], {
        cwd: root,
      });
      return JSON.parse(stdout) as { compiled: number; warm: number; incremental: boolean };
    };
    const expected = async () => {
      const result = compile(await readInputFolder(input), { generator, shardEvents: 8 });
      if (!result.ok) throw new Error('compile: expected the corpus to compile');
      return new Map(result.files.map((file) => [file.path, file.content]));
    };

    // Ten articles to compile: more than a warm process takes.
    expect(await runBuild()).toMatchObject({ compiled: 10, warm: 0 });
    expect(await snapshotFolder(out)).toEqual(await expected());

    await appendFile(path.join(input, names[0] as string), 'The ministers met again on Friday to sign the agreement.\n');
    expect(await runBuild()).toMatchObject({ incremental: true, compiled: 1, warm: 1 });
    expect(await snapshotFolder(out)).toEqual(await expected());

    // A snapshot this Node cannot load: the article is compiled in the run's own process.
    await writeFile(path.join(dir, 'stages.blob'), 'not a snapshot');
    await appendFile(path.join(input, names[1] as string), 'Officials said on Monday that the talks would resume.\n');
    expect(await runBuild()).toMatchObject({ incremental: true, compiled: 1, warm: 0 });
    expect(await snapshotFolder(out)).toEqual(await expected());
  }, 180_000);

  it('runs the compiler through tsx, saying so, when no bundle can be made', async () => {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'scripts/compile.mjs'), '--check'], {
      cwd: root,
      // Under a file: no folder can be made there.
      env: { ...process.env, DATELINE_BUNDLES: path.join(root, 'package.json', 'bundles') },
    });
    expect(stderr).toMatch(
      /^warning: could not make the compiler's bundle in .*package\.json\/bundles \(.+\); running it through tsx$/m,
    );
    expect(stdout).toMatch(/^public\/data is up to date/);
  }, 120_000);

  it('fails with esbuild’s error on a source it cannot read (the CLI then runs through tsx, which says it again)', async () => {
    const entry = path.join(work, 'broken.ts');
    await writeFile(entry, 'export const broken = ;\n');
    const error: unknown = await compilerBundle([entry]).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(Error);
    // As the CLI's warning gives it: one line, with the place.
    expect(bundleFailure(error)).toBe(`${path.relative(root, entry)}:1:22: Unexpected ";"`);
    expect(bundleFailure(new Error('ENOTDIR: not a directory, mkdir /x\n    at stack'))).toBe(
      'ENOTDIR: not a directory, mkdir /x',
    );
  }, 120_000);

  it('makes the bundle again when a file it is made of changes, and finds it again after', async () => {
    const entry = path.join(work, 'changing.ts');
    await writeFile(entry, onWorkersEntry('one'));
    const first = await compilerBundle([entry]);
    expect(await compilerBundle([entry])).toBe(first);
    await writeFile(entry, onWorkersEntry('one, changed'));
    const second = await compilerBundle([entry]);
    expect(second).not.toBe(first);
    // The earlier bundle stays (a running `--watch` may still load its parts).
    expect((await stat(first)).isDirectory()).toBe(true);
  }, 120_000);

  it('removes, when it makes one, the bundles not run for a day, and keeps the others', async () => {
    const bundles = path.join(root, 'node_modules/.cache/dateline/compiler');
    const stale = path.join(bundles, `stale-${process.pid}`);
    const recent = path.join(bundles, `recent-${process.pid}`);
    for (const dir of [stale, recent]) await mkdir(dir, { recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(stale, twoDaysAgo, twoDaysAgo);
    const entry = path.join(work, 'cleaning.ts');
    await writeFile(entry, onWorkersEntry(`cleaning ${Date.now()}`));
    await compilerBundle([entry]);
    expect(await stat(stale).catch(() => 'gone')).toBe('gone');
    expect((await stat(recent)).isDirectory()).toBe(true);
    await rm(recent, { recursive: true });
  }, 120_000);
});
