/**
 * `build` on real folders: a second run with the same cache updates the output in place and
 * reads, compiles and writes only what changed, yet the output is always compile's bytes;
 * a changed, tampered or damaged anything falls back to doing more, never to a wrong result.
 */
import { cp, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate';
import { build, CHANGES_KEPT, type BuildMemory, type BuildOptions } from '../../src/compiler/build';
import { readInputFolder } from '../../src/compiler/inputs';
import { compile } from '../../src/compiler/pipeline';
import { snapshotFolder as snapshot } from '../fixtures/folders';

const generator = { name: 'dateline', version: '0.0.0-test' };

let work: string;
let input: string;
let out: string;
let options: BuildOptions;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dateline-build-'));
  input = path.join(work, 'in');
  out = path.join(work, 'out');
  await cp('data/articles', input, { recursive: true });
  for (const article of generateCorpus(6, 3, 2)) await writeFile(path.join(input, article.fileName), article.content);
  options = {
    in: input,
    out,
    generator,
    shardEvents: 8,
    jobs: 1,
    progress: false,
    cacheDir: path.join(work, 'cache'),
    compilerVersion: 'test-version',
    // Trust every stamp taken before a run (a real run waits 2 s: a file may change again within its timestamp's tick).
    racyMs: 0,
  };
});
afterEach(() => rm(work, { recursive: true, force: true }));

/** What a from-scratch compile of the input folder writes. */
async function expected(): Promise<Map<string, string>> {
  const result = compile(await readInputFolder(input), { generator, shardEvents: 8 });
  if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join('; '));
  return new Map(result.files.map((file) => [file.path, file.content]));
}

async function built(overrides: Partial<BuildOptions> = {}, memory?: BuildMemory) {
  const outcome = await build({ ...options, ...overrides }, memory);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.format()).join('; '));
  return outcome.stats;
}

/** Rewrites the body of one article (the first generated one) so its events change. */
async function editOneArticle(): Promise<string> {
  const name = (await readdir(input)).filter((n) => !n.includes('yonhap')).sort()[0] as string;
  const file = path.join(input, name);
  const text = await readFile(file, 'utf8');
  await writeFile(file, `${text.trimEnd()}\nThe talks ended on Friday with a joint statement.\n`);
  return name;
}

/** The folder of the output's state, its `state.json`, and the name of its file that starts with `prefix`. */
async function stateFolder() {
  const runs = path.join(work, 'cache', 'runs');
  const [run] = await readdir(runs);
  const dir = path.join(runs, run as string);
  const names = await readdir(dir);
  const state = JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8')) as {
    assembly: { outline: string; changes?: { file: string; count: number; bytes: number } };
  };
  return { dir, state, named: (prefix: string) => names.filter((name) => name.startsWith(prefix)) };
}

/** Adds a sentence that reports an event to one generated article: the `n`th, by name. */
async function addEvent(n: number, sentence: string): Promise<void> {
  const name = (await readdir(input)).filter((n) => !n.includes('yonhap')).sort()[n] as string;
  const file = path.join(input, name);
  await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\n${sentence}\n`);
}

describe('build', { timeout: 300_000 }, () => {
  it('writes everything the first time, then only what one changed article touches, with compile’s bytes', async () => {
    const first = await built();
    expect(first).toMatchObject({ incremental: false, compiled: 8, cached: 0 });
    expect(await snapshot(out)).toEqual(await expected());

    await editOneArticle();
    const second = await built();
    expect(second).toMatchObject({ incremental: true, compiled: 1, cached: 7, read: 1 });
    expect(second.written).toBeLessThan(first.written);
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('reads the items of the events it makes again from the article cache, and rebuilds whole when those are damaged', async () => {
    await built();
    await editOneArticle();
    expect(await built()).toMatchObject({ incremental: true, compiled: 1 });
    // Every cache entry damaged: the run finds it when it reads the items of the events it
    // makes again, and starts over, compiling every article anew but the edited one, which
    // its first try compiled and cached.
    const cache = path.join(work, 'cache');
    for (const dir of await readdir(cache))
      if (/^[0-9a-f]{2}$/.test(dir))
        for (const name of await readdir(path.join(cache, dir))) await writeFile(path.join(cache, dir, name), 'damaged');
    await editOneArticle();
    expect(await built()).toMatchObject({ incremental: false, compiled: 7, cached: 1 });
    expect(await snapshot(out)).toEqual(await expected());
    // And the state it saved then serves the next run.
    await editOneArticle();
    expect(await built()).toMatchObject({ incremental: true, compiled: 1 });
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('rebuilds whole when a file of the assembly is missing or damaged', async () => {
    await built();
    const runs = path.join(work, 'cache', 'runs');
    const [run] = await readdir(runs);
    const dir = path.join(runs, run as string);
    const stateFile = async (prefix: string) =>
      path.join(dir, (await readdir(dir)).find((name) => name.startsWith(prefix)) as string);
    // The outline not JSON of the right shape; the events file lines short; each file gone.
    const damages: [string, (file: string) => Promise<void>][] = [
      ['assembly-', (file) => writeFile(file, '{"clusters": 3}')],
      ['events-', (file) => writeFile(file, '{"title":"x"}')],
      ['assembly-', (file) => rm(file)],
      ['events-', (file) => rm(file)],
    ];
    for (const [prefix, damage] of damages) {
      await damage(await stateFile(prefix));
      await editOneArticle();
      expect(await built(), `${prefix} damaged`).toMatchObject({ incremental: false, compiled: 1 });
      expect(await snapshot(out)).toEqual(await expected());
    }
  });

  it('keeps each run’s change beside the outline, and writes the outline anew after a few', async () => {
    await built();
    const first = await stateFolder();
    expect(first.state.assembly.changes).toBeUndefined();
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    for (let run = 1; run <= CHANGES_KEPT + 1; run++) {
      await addEvent(run % 3, `The envoys met again on ${days[run % 7] as string} in Geneva for talks number ${run}.`);
      expect(await built({ redoAllShare: 1 })).toMatchObject({ incremental: true, compiled: 1 });
      expect(await snapshot(out), `run ${run}`).toEqual(await expected());
      const { state, named } = await stateFolder();
      if (run <= CHANGES_KEPT) {
        // The outline stays; the change of each run is one more line of one changes file.
        expect(state.assembly.outline).toBe(first.state.assembly.outline);
        expect(state.assembly.changes?.count).toBe(run);
        expect(named('changes-')).toEqual([state.assembly.changes?.file]);
      } else {
        // Then the outline is written anew, and the changes file goes.
        expect(state.assembly.outline).not.toBe(first.state.assembly.outline);
        expect(state.assembly.changes).toBeUndefined();
        expect(named('changes-')).toEqual([]);
        expect(named('assembly-')).toEqual([state.assembly.outline]);
      }
    }
    // A fresh process reads the outline written anew and goes on with changes again.
    await addEvent(0, 'The envoys met once more on Monday in Vienna.');
    expect(await built({ redoAllShare: 1 })).toMatchObject({ incremental: true, compiled: 1 });
    expect((await stateFolder()).state.assembly.changes?.count).toBe(1);
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('rebuilds whole when the changes file is missing or damaged, and cuts what a run that stopped appended to it', async () => {
    await built();
    const damages: [string, (file: string, bytes: number) => Promise<void>][] = [
      ['gone', (file) => rm(file)],
      ['cut short', async (file, bytes) => writeFile(file, (await readFile(file)).subarray(0, bytes - 10))],
      ['not a change', async (file, bytes) => writeFile(file, '{'.repeat(bytes))],
    ];
    for (const [damage, apply] of damages) {
      await addEvent(1, `The envoys met again on Monday in Oslo after the ${damage} file.`);
      expect(await built(), `before ${damage}`).toMatchObject({ incremental: true, compiled: 1 });
      const { dir, state } = await stateFolder();
      const changes = state.assembly.changes;
      if (changes === undefined) throw new Error('expected the run to keep its change');
      await apply(path.join(dir, changes.file), changes.bytes);
      await addEvent(2, `The envoys met again on Tuesday in Bern after the ${damage} file.`);
      expect(await built(), `${damage}`).toMatchObject({ incremental: false, compiled: 1 });
      expect(await snapshot(out)).toEqual(await expected());
    }
    // A change appended by a run that stopped before its state.json is cut by the next run.
    await addEvent(1, 'The envoys met again on Friday in Rome.');
    await built();
    const { dir, state } = await stateFolder();
    const file = path.join(dir, state.assembly.changes?.file as string);
    const before = await readFile(file, 'utf8');
    await writeFile(file, `${before}\n{"left by a run that stopped": true}`);
    for (let n = 0; n < 2; n++) {
      await addEvent(n, `The envoys met again on Saturday in Lisbon, round ${n}.`);
      expect(await built()).toMatchObject({ incremental: true, compiled: 1 });
      expect(await snapshot(out)).toEqual(await expected());
    }
    const after = await readFile(file, 'utf8');
    expect(after.startsWith(`${before}\n`)).toBe(true);
    expect(after).not.toContain('left by a run that stopped');
  });

  it('cuts what a run that stopped before saving its state appended to the events file', async () => {
    await built();
    const runs = path.join(work, 'cache', 'runs');
    const [run] = await readdir(runs);
    const dir = path.join(runs, run as string);
    const events = path.join(dir, (await readdir(dir)).find((name) => name.startsWith('events-')) as string);
    const before = await readFile(events, 'utf8');
    await writeFile(events, `${before}\n{"title":"left by a run that stopped"}`);
    // Only the events one article touches are made again, so the file grows rather than being written anew.
    for (let n = 0; n < 2; n++) {
      await editOneArticle();
      expect(await built({ redoAllShare: 1 })).toMatchObject({ incremental: true, compiled: 1 });
      expect(await snapshot(out)).toEqual(await expected());
    }
    const after = await readFile(events, 'utf8');
    expect(after.startsWith(`${before}\n`)).toBe(true);
    expect(after).not.toContain('left by a run that stopped');
  });

  it('leaves timeline.json as it is when an edit changes only an article’s text, and rewrites it when the events change', async () => {
    await built();
    const index = path.join(out, 'timeline.json');
    const first = await stat(index);
    // A correction that reports no event: the article's text changes, its events and summary do not.
    const name = (await readdir(input)).filter((n) => !n.includes('yonhap')).sort()[1] as string;
    const file = path.join(input, name);
    await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\nThe ministry did not comment further.\n`);
    expect(await built()).toMatchObject({ incremental: true, compiled: 1, written: 1, made: 0 });
    const second = await stat(index);
    expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
    expect(await snapshot(out)).toEqual(await expected());
    // The same run again finds the output as it left it: nothing to do.
    expect(await built()).toMatchObject({ incremental: true, compiled: 0, written: 0 });
    // An edit that adds an event changes the index.
    await editOneArticle();
    expect((await built()).made).toBeGreaterThan(0);
    expect((await stat(index)).ino).not.toBe(first.ino);
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('compiles everything, and replaces the output whole, without a cache', async () => {
    expect(await built({ cacheDir: false })).toMatchObject({ incremental: false, compiled: 8, read: 8 });
    expect(await snapshot(out)).toEqual(await expected());
    expect(await built({ cacheDir: false })).toMatchObject({ incremental: false, compiled: 8 });
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('writes nothing, and reads nothing of the state but state.json, when nothing changed', async () => {
    const first = await build(options);
    const before = await snapshot(out);
    const articles = (await stat(path.join(out, 'articles'))).mtimeMs;
    // Without its records and clusters the state could only be rebuilt from scratch, so a run
    // that needed them would not be incremental.
    const runs = path.join(work, 'cache', 'runs');
    const [run] = await readdir(runs);
    const dir = path.join(runs, run as string);
    for (const name of await readdir(dir)) if (name !== 'state.json') await rm(path.join(dir, name));
    const again = await build(options);
    if (!first.ok || !again.ok) throw new Error('expected both runs to succeed');
    expect(again.stats).toMatchObject({ incremental: true, compiled: 0, read: 0, written: 0, removed: 0 });
    expect(again.counts).toEqual(first.counts);
    expect(again.warnings).toEqual(first.warnings);
    expect(again.stats.bytes).toBe(first.stats.bytes);
    expect(await snapshot(out)).toEqual(before);
    expect((await stat(path.join(out, 'articles'))).mtimeMs).toBe(articles);
  });

  it('compiles nothing again for a copy of the folder elsewhere, into the same output or another', async () => {
    await built();
    const before = await snapshot(out);
    const moved = path.join(work, 'desk', 'moved');
    await cp(input, moved, { recursive: true });
    // Another output folder: its first run, assembled anew, but from the cache.
    const elsewhere = path.join(work, 'out-elsewhere');
    expect(await built({ in: moved, out: elsewhere })).toMatchObject({ incremental: false, compiled: 0, cached: 8, read: 8 });
    expect(await snapshot(elsewhere)).toEqual(before);
    // The same output folder: every file is new by its path, but not by its key; the output comes
    // out the same bytes, so nothing is written, timeline.json included.
    expect(await built({ in: moved })).toMatchObject({ incremental: true, compiled: 0, cached: 8, read: 8, written: 0 });
    expect(await snapshot(out)).toEqual(before);
  });

  it('deletes the text of an article that is gone', async () => {
    await built();
    const name = (await readdir(input)).find((n) => n.includes('yonhap-alliance')) as string;
    await rm(path.join(input, name));
    const stats = await built();
    expect(stats).toMatchObject({ incremental: true });
    expect(stats.removed).toBeGreaterThanOrEqual(1);
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('reads an article again whose bytes changed under the same size and modification time', async () => {
    const name = (await readdir(input)).find((n) => n.includes('yonhap-security')) as string;
    const file = path.join(input, name);
    // A whole second, so that setting it again gives the very same stamp.
    const time = new Date('2025-11-01T00:00:00Z');
    await utimes(file, time, time);
    await built();
    const { size } = await stat(file);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Nov. 4', 'Nov. 5'));
    await utimes(file, time, time);
    expect(await stat(file)).toMatchObject({ size, mtimeMs: time.getTime() });
    expect(await built()).toMatchObject({ compiled: 1, read: 1 });
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('rebuilds the output whole when a file in it was deleted by hand', async () => {
    await built();
    const [text] = (await readdir(path.join(out, 'articles'))).sort();
    await rm(path.join(out, 'articles', text as string));
    expect(await built()).toMatchObject({ incremental: false, compiled: 0 });
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('ignores a damaged state and one made for other options', async () => {
    await built();
    const runs = path.join(work, 'cache', 'runs');
    const [run] = await readdir(runs);
    await writeFile(path.join(runs, run as string, 'state.json'), '{"format": 3, "trunc');
    expect(await built()).toMatchObject({ incremental: false });
    expect(await snapshot(out)).toEqual(await expected());
    // Another shard size writes other files: the state of the run before must not be used.
    expect(await built({ shardEvents: 3 })).toMatchObject({ incremental: false });
    expect(await built()).toMatchObject({ incremental: false });
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('leaves the output and the state as they were when an article is malformed, and goes on from there', async () => {
    await built();
    const before = await snapshot(out);
    await writeFile(path.join(input, 'broken.txt'), '---\ntitle: Broken\npublished: 2025-13-45\n---\nBody.\n');
    const failed = await build(options);
    expect(failed.ok).toBe(false);
    expect(await snapshot(out)).toEqual(before);
    await rm(path.join(input, 'broken.txt'));
    await editOneArticle();
    expect(await built()).toMatchObject({ incremental: true, compiled: 1 });
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('keeps the last run’s state in memory for the next run in the same process, which reads none of it back', async () => {
    const memory: BuildMemory = {};
    await built({}, memory);
    expect(memory.last?.assembled.articles).toHaveLength(8);
    // With the assembly's files gone a run from disk starts over; one with the memory has no need of them.
    const runs = path.join(work, 'cache', 'runs');
    const [run] = await readdir(runs);
    for (const name of await readdir(path.join(runs, run as string)))
      if (name.startsWith('assembly-')) await rm(path.join(runs, run as string, name));
    await editOneArticle();
    expect(await built({}, memory)).toMatchObject({ incremental: true, compiled: 1, read: 1 });
    expect(await snapshot(out)).toEqual(await expected());
    // The memory's run saved its state whole again (not as a change of the outline that is gone), so a fresh process goes on from it too.
    await editOneArticle();
    expect(await built()).toMatchObject({ incremental: true, compiled: 1 });
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('goes on in memory from a state read from disk, writing kept events from the lines it read', async () => {
    // Clusters are made again only where an edit touches them (not all of them, as for an eighth of the articles).
    const touched = { redoAllShare: 1 };
    await built(touched);
    // The first run of a process reads the state: its kept clusters come without their events' JSON.
    const memory: BuildMemory = {};
    await editOneArticle();
    expect(await built(touched, memory)).toMatchObject({ incremental: true, compiled: 1 });
    expect(memory.last?.assembled.clusters.some((cluster) => cluster.json === undefined)).toBe(true);
    // The next one rewrites shards that hold kept events, read from those lines.
    const name = (await readdir(input)).filter((n) => !n.includes('yonhap')).sort()[1] as string;
    const file = path.join(input, name);
    await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\nThe ministers met again on Monday.\n`);
    await editOneArticle();
    const stats = await built(touched, memory);
    expect(stats).toMatchObject({ incremental: true, compiled: 2 });
    expect(stats.written).toBeGreaterThan(3);
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('does not use a memory when the output folder was changed since, or the options differ', async () => {
    const memory: BuildMemory = {};
    await built({}, memory);
    const [text] = (await readdir(path.join(out, 'articles'))).sort();
    await rm(path.join(out, 'articles', text as string));
    expect(await built({}, memory)).toMatchObject({ incremental: false });
    expect(await snapshot(out)).toEqual(await expected());
    expect(await built({ shardEvents: 3 }, memory)).toMatchObject({ incremental: false });
    expect(await built({}, memory)).toMatchObject({ incremental: false });
    await editOneArticle();
    expect(await built({}, memory)).toMatchObject({ incremental: true, compiled: 1 });
    expect(await snapshot(out)).toEqual(await expected());
  });

  it('keeps its memory through a failed run', async () => {
    const memory: BuildMemory = {};
    await built({}, memory);
    const remembered = memory.last;
    await writeFile(path.join(input, 'broken.txt'), '---\ntitle: Broken\npublished: 2025-13-45\n---\nBody.\n');
    expect((await build(options, memory)).ok).toBe(false);
    expect(memory.last).toBe(remembered);
    await rm(path.join(input, 'broken.txt'));
    await editOneArticle();
    expect(await built({}, memory)).toMatchObject({ incremental: true, compiled: 1 });
    expect(await snapshot(out)).toEqual(await expected());
  });
});
