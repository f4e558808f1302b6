/**
 * The write stage on real folders: the output is replaced whole, or changed file by file
 * (applyChanges); a failure part-way leaves the previous output exactly as it was (and no
 * staging folder behind), and paths that leave the output folder or folders that are not an
 * earlier output are refused.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompileError } from '../../src/compiler/errors';
import type { OutputFile } from '../../src/compiler/pipeline';
import { applyChanges, diffOutput, listFiles, writeOutput } from '../../src/compiler/write';

let root: string;
let out: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dateline-write-'));
  out = path.join(root, 'data');
});
afterEach(() => rm(root, { recursive: true, force: true }));

const files = (count: number, tag: string): OutputFile[] => [
  { path: 'timeline.json', content: `{"tag":"${tag}"}` },
  ...Array.from({ length: count }, (_, i) => ({ path: `articles/a${i}.json`, content: `{"i":${i},"tag":"${tag}"}` })),
];

describe('writeOutput', () => {
  it('writes many files into nested folders and replaces the previous output whole', async () => {
    await writeOutput(out, files(500, 'first'));
    await writeOutput(out, files(200, 'second'));
    expect(await listFiles(out)).toHaveLength(201);
    expect(await diffOutput(out, files(200, 'second'))).toEqual([]);
    expect(await readFile(path.join(out, 'articles/a199.json'), 'utf8')).toBe('{"i":199,"tag":"second"}');
  });

  it('leaves the previous output byte-identical and no staging folder when a write fails part-way', async () => {
    await writeOutput(out, files(50, 'kept'));
    // "articles/a3.json" is written as a file, then needed as a folder: the second write fails.
    const broken = [...files(300, 'lost'), { path: 'articles/a3.json/inner.json', content: '{}' }];
    await expect(writeOutput(out, broken)).rejects.toBeInstanceOf(CompileError);
    expect(await diffOutput(out, files(50, 'kept'))).toEqual([]);
    expect((await readdir(root)).sort()).toEqual(['data']);
  });

  it('refuses a path that leaves the output folder', async () => {
    await expect(writeOutput(out, [{ path: '../escaped.json', content: '{}' }])).rejects.toThrow(/inside/);
    expect((await readdir(root)).sort()).toEqual([]);
  });

  it('refuses to replace a folder that is not an earlier output', async () => {
    await writeOutput(out, files(1, 'x'));
    await rm(path.join(out, 'timeline.json'));
    await writeFile(path.join(out, 'notes.txt'), 'mine');
    await expect(writeOutput(out, files(1, 'y'))).rejects.toThrow(/refusing to replace/);
    expect(await readFile(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('applyChanges', () => {
  /** The output folder as path → content. */
  async function contents(): Promise<Record<string, string>> {
    const all: Record<string, string> = {};
    for (const file of await listFiles(out)) all[file] = await readFile(path.join(out, file), 'utf8');
    return all;
  }

  it('writes the files given, deletes the paths given and leaves every other file as it was', async () => {
    await writeOutput(out, files(5, 'first'));
    const untouched = await stat(path.join(out, 'articles/a0.json'));
    await applyChanges(
      out,
      [
        { path: 'timeline.json', content: '{"tag":"second"}' },
        { path: 'articles/a1.json', content: 'changed' },
        { path: 'events/0001.json', content: 'new' },
      ],
      ['articles/a4.json'],
    );
    expect(await contents()).toEqual({
      'timeline.json': '{"tag":"second"}',
      'articles/a0.json': '{"i":0,"tag":"first"}',
      'articles/a1.json': 'changed',
      'articles/a2.json': '{"i":2,"tag":"first"}',
      'articles/a3.json': '{"i":3,"tag":"first"}',
      'events/0001.json': 'new',
    });
    expect((await stat(path.join(out, 'articles/a0.json'))).ino).toBe(untouched.ino);
    expect((await readdir(root)).sort()).toEqual(['data']);
  });

  it('puts every file back when a step fails after others were done', async () => {
    await writeOutput(out, files(5, 'kept'));
    const before = await contents();
    // In name order: a1 is replaced and a9 added before "a3.json/inner.json" needs a3.json to be a folder.
    const changes = [
      { path: 'articles/a1.json', content: 'lost' },
      { path: 'articles/a9.json', content: 'lost' },
      { path: 'articles/a3.json/inner.json', content: 'lost' },
      { path: 'timeline.json', content: 'lost' },
    ];
    await expect(applyChanges(out, changes, ['articles/a2.json'])).rejects.toBeInstanceOf(CompileError);
    expect(await contents()).toEqual(before);
    expect((await readdir(root)).sort()).toEqual(['data']);
  });

  it('refuses a path that leaves the output folder', async () => {
    await writeOutput(out, files(1, 'x'));
    await expect(applyChanges(out, [{ path: '../escaped.json', content: '{}' }], [])).rejects.toThrow(/inside/);
    await expect(applyChanges(out, [], ['../../etc/passwd'])).rejects.toThrow(/inside/);
    expect((await readdir(root)).sort()).toEqual(['data']);
  });
});

describe('what a killed compile left beside the output', () => {
  // Far above any pid_max: no process has it.
  const dead = 99_999_999;

  it('is removed by the next write, but the folders of a compile still running are left alone', async () => {
    await writeOutput(out, files(2, 'first'));
    const staging = path.join(root, `.data.staging-${dead}`);
    const previous = path.join(root, `.data.previous-${dead}`);
    const alive = path.join(root, `.data.staging-${process.ppid}`);
    for (const dir of [staging, previous, alive]) {
      await mkdir(dir);
      await writeFile(path.join(dir, 'timeline.json'), '{}');
    }
    await applyChanges(out, [{ path: 'timeline.json', content: '{"tag":"second"}' }], []);
    expect((await readdir(root)).sort()).toEqual([`.data.staging-${process.ppid}`, 'data']);
    await writeOutput(out, files(1, 'third'));
    expect((await readdir(root)).sort()).toEqual([`.data.staging-${process.ppid}`, 'data']);
  });

  it('puts the previous output back when the kill came between the two renames', async () => {
    await writeOutput(out, files(3, 'kept'));
    await rename(out, path.join(root, `.data.previous-${dead}`));
    const broken = [...files(3, 'lost'), { path: 'articles/a1.json/inner.json', content: '{}' }];
    await expect(writeOutput(out, broken)).rejects.toBeInstanceOf(CompileError);
    expect(await diffOutput(out, files(3, 'kept'))).toEqual([]);
    expect((await readdir(root)).sort()).toEqual(['data']);
  });
});
