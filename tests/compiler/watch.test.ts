/**
 * --watch: the runner that turns bursts of changes into single runs, the folder watcher,
 * and the CLI kept running on a real folder (in a child process, stopped with SIGINT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInputFolder } from '../../src/compiler/inputs';
import { compile } from '../../src/compiler/pipeline';
import { loadCompileOptions } from '../../src/compiler/options';
import { serialRunner, watchFolders } from '../../src/compiler/watch';
import { sleep, snapshotFolder as snapshot, until } from '../fixtures/folders';

const root = path.resolve(import.meta.dirname, '../..');
describe('serialRunner', () => {
  /** A task that takes `ms` and records how many runs overlap. */
  function task(ms: number) {
    const log = { runs: 0, overlapping: 0, most: 0 };
    const run = async () => {
      log.runs += 1;
      log.overlapping += 1;
      log.most = Math.max(log.most, log.overlapping);
      await sleep(ms);
      log.overlapping -= 1;
    };
    return { log, run };
  }

  it.each([
    { name: 'one schedule', schedules: 1, gapMs: 0, runs: 1 },
    { name: 'a burst within the settle time', schedules: 5, gapMs: 2, runs: 1 },
    { name: 'two schedules far apart', schedules: 2, gapMs: 120, runs: 2 },
  ])('runs once per quiet spell: $name', async ({ schedules, gapMs, runs }) => {
    const { log, run } = task(5);
    const runner = serialRunner(run, 30);
    for (let i = 0; i < schedules; i++) {
      runner.schedule();
      await sleep(gapMs);
    }
    await runner.idle();
    expect(log.runs).toBe(runs);
    await runner.close();
  });

  it('runs once more after a run during which changes came, never two at once', async () => {
    const { log, run } = task(150);
    const runner = serialRunner(run, 10);
    runner.schedule();
    await until(() => log.runs === 1, 'the first run');
    for (let i = 0; i < 4; i++) {
      runner.schedule();
      await sleep(15);
    }
    await runner.idle();
    expect(log).toMatchObject({ runs: 2, most: 1 });
    await runner.close();
  });

  it('on close, drops a waiting run and waits for the one going on', async () => {
    const { log, run } = task(100);
    const runner = serialRunner(run, 10);
    runner.schedule();
    await until(() => log.runs === 1, 'the first run');
    runner.schedule();
    await runner.close();
    expect(log).toMatchObject({ runs: 1, overlapping: 0 });
    runner.schedule();
    await sleep(40);
    expect(log.runs).toBe(1);
  });
});

describe('watchFolders', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dateline-watch-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reports changes to the entries it accepts only', async () => {
    let changes = 0;
    const stop = watchFolders(
      [{ dir, accepts: (name) => name.endsWith('.txt') }],
      () => (changes += 1),
      () => undefined,
    );
    try {
      await writeFile(path.join(dir, 'notes.swp'), 'x');
      await sleep(150);
      expect(changes).toBe(0);
      await writeFile(path.join(dir, 'article.txt'), 'x');
      await until(() => changes > 0, 'a change to article.txt');
    } finally {
      stop();
    }
  });

  it('reports a folder it cannot watch, naming it', async () => {
    const missing = path.join(dir, 'missing');
    const errors: string[] = [];
    const stop = watchFolders(
      [{ dir: missing, accepts: () => true }],
      () => undefined,
      (_error, at) => errors.push(at),
    );
    stop();
    expect(errors).toEqual([missing]);
  });
});

describe('npm run compile -- --watch', { timeout: 120_000 }, () => {
  let work: string;
  let child: ChildProcess | undefined;
  let stdout = '';
  let stderr = '';

  beforeEach(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'dateline-watch-cli-'));
    await cp(path.join(root, 'data/articles'), path.join(work, 'in'), { recursive: true });
    stdout = '';
    stderr = '';
  });
  afterEach(async () => {
    child?.kill('SIGKILL');
    child = undefined;
    await rm(work, { recursive: true, force: true });
  });

  function start(): ChildProcess {
    const args = ['src/compiler/cli.ts', '--watch', '--in', path.join(work, 'in'), '--out', path.join(work, 'out')];
    const started = spawn(path.join(root, 'node_modules/.bin/tsx'), [...args, '--cache', path.join(work, 'cache')], {
      cwd: root,
    });
    started.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return started;
  }

  const runs = () => stdout.split('\n').filter((line) => line.startsWith('compiled ')).length;

  async function expected(): Promise<Map<string, string>> {
    const result = compile(await readInputFolder(path.join(work, 'in')), await loadCompileOptions());
    if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join('; '));
    return new Map(result.files.map((file) => [file.path, file.content]));
  }

  it('compiles, compiles again after each change (a broken article leaves the output as it was), and stops on SIGINT', async () => {
    child = start();
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    await until(() => stdout.includes('watching '), 'the first compile and the watch');
    expect(runs()).toBe(1);
    expect(await snapshot(path.join(work, 'out'))).toEqual(await expected());

    const [name] = (await readdir(path.join(work, 'in'))).sort();
    const file = path.join(work, 'in', name as string);
    await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\nThe talks ended on Friday with a joint statement.\n`);
    await until(() => runs() === 2, 'a second compile');
    expect(stdout).toMatch(/\(1 compiled, 1 from the cache; \d+ files? written\) in \d+\.\d\d s/);
    expect(await snapshot(path.join(work, 'out'))).toEqual(await expected());

    const before = await snapshot(path.join(work, 'out'));
    await writeFile(path.join(work, 'in', 'broken.txt'), '---\ntitle: Broken\npublished: 2025-13-45\n---\nBody.\n');
    await until(() => stderr.includes('left unchanged'), 'the broken article reported');
    expect(stderr).toMatch(/broken\.txt:3: published: .*got "2025-13-45"/);
    expect(await snapshot(path.join(work, 'out'))).toEqual(before);

    await rm(path.join(work, 'in', 'broken.txt'));
    await until(() => runs() === 3, 'a compile once the broken article is gone');
    expect(await snapshot(path.join(work, 'out'))).toEqual(await expected());

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopping once the current compile ends');
  });
});
