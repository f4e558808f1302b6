import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
// What `npm run compile` runs: the compiler bundled (scripts/compile.mjs), not through tsx.
const launcher = path.join(root, 'scripts/compile.mjs');

async function compile(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [launcher, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = await readFile(full, 'utf8');
  }
  return files;
}

describe('npm run compile', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'dateline-cli-'));
    await cp(path.join(root, 'data/articles'), path.join(work, 'in'), { recursive: true });
  });
  afterEach(() => rm(work, { recursive: true, force: true }));

  it('writes byte-identical output when run twice on the same input', async () => {
    const first = await compile('--in', path.join(work, 'in'), '--out', path.join(work, 'out1'));
    const second = await compile('--in', path.join(work, 'in'), '--out', path.join(work, 'out2'));
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const [a, b] = [await snapshot(path.join(work, 'out1')), await snapshot(path.join(work, 'out2'))];
    expect(Object.keys(a)).toContain('timeline.json');
    expect(a).toEqual(b);
  }, 60_000);

  it('reports every malformed file as file:line, exits non-zero and leaves the output untouched', async () => {
    const out = path.join(work, 'out');
    expect((await compile('--in', path.join(work, 'in'), '--out', out)).code).toBe(0);
    const before = await snapshot(out);
    await writeFile(path.join(work, 'in', 'bad-date.txt'), '---\ntitle: T\npublished: 2025-13-45\n---\nBody.\n');
    await writeFile(path.join(work, 'in', 'no-title.txt'), '---\npublished: 2025-11-04\n---\nBody.\n');
    const result = await compile('--in', path.join(work, 'in'), '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad-date\.txt:3: published: .*got "2025-13-45"/);
    expect(result.stderr).toMatch(/no-title\.txt:1: title: expected a value/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(out)).toEqual(before);
  }, 60_000);

  it('--check passes on fresh output and fails once an article changes', async () => {
    const out = path.join(work, 'out');
    await compile('--in', path.join(work, 'in'), '--out', out);
    expect((await compile('--in', path.join(work, 'in'), '--out', out, '--check')).code).toBe(0);
    await writeFile(path.join(work, 'in', 'new.txt'), '---\ntitle: New\npublished: 2025-11-05\n---\nBody.\n');
    const stale = await compile('--in', path.join(work, 'in'), '--out', out, '--check');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('out of date');
  }, 60_000);

  it.each([
    [['--jobs', '0'], 2, '--jobs: expected a positive integer, got "0"'],
    [['--actors', 'no-such-list.yaml'], 1, 'no-such-list.yaml: expected the curated actor list'],
  ])(
    'refuses %j with a message and exit code %i',
    async (args, code, message) => {
      const result = await compile('--in', path.join(work, 'in'), '--out', path.join(work, 'out'), ...args);
      expect(result.code).toBe(code);
      expect(result.stderr).toContain(message);
    },
    60_000,
  );

  it('gives the same bytes from the cache, on worker threads and on one thread', async () => {
    const cache = path.join(work, 'cache');
    await compile('--in', path.join(work, 'in'), '--out', path.join(work, 'cold'), '--cache', cache);
    await compile('--in', path.join(work, 'in'), '--out', path.join(work, 'warm'), '--cache', cache);
    await compile('--in', path.join(work, 'in'), '--out', path.join(work, 'single'), '--no-cache', '--jobs', '1');
    const cold = await snapshot(path.join(work, 'cold'));
    expect(await snapshot(path.join(work, 'warm'))).toEqual(cold);
    expect(await snapshot(path.join(work, 'single'))).toEqual(cold);
  }, 120_000);

  it.each([
    { name: 'an unknown option', args: ['--nope'], says: 'expected the options below' },
    { name: '--check with --watch', args: ['--check', '--watch'], says: '--check, --watch: expected one of them, got both' },
  ])(
    'rejects $name with usage and exit code 2',
    async ({ args, says }) => {
      const result = await compile(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(says);
      expect(result.stderr).toContain('usage: npm run compile');
    },
    30_000,
  );
});
