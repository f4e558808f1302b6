/**
 * Reading the folder of articles: every `*.txt` and `*.md` file in it, in name order, with
 * every unreadable file reported (which file, what it is instead). A link may point only
 * inside the folder; named pipes, sockets, devices and huge files are refused. A file whose
 * stamp an earlier run recorded unchanged is not read at all (see build.ts).
 */
import { constants, statSync, type Dirent } from 'node:fs';
import { lstat, open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { mapLimited } from './concurrency';
import { CompileError } from './errors';
import type { KnownFile } from './parallel';
import type { InputFile } from './assemble';

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

/** Far beyond any news article, and small enough that reading one cannot exhaust memory. */
export const MAX_ARTICLE_BYTES = 32 * 1024 * 1024;

export const within = (inner: string, outer: string) =>
  inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  return stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a named pipe' : stats.isSocket() ? 'a socket' : 'a device';
}

/** What identifies a file's version without reading it: if none of these changed, neither did the bytes. */
export type FileStamp = { size: number; mtimeMs: number; ctimeMs: number; ino: number };

/** An article read from disk, with the stamp of what was read. */
export type ReadFile = InputFile & { stamp: FileStamp };

const stampOf = (stats: FileStamp): FileStamp => ({
  size: stats.size,
  mtimeMs: stats.mtimeMs,
  ctimeMs: stats.ctimeMs,
  ino: stats.ino,
});

const sameStamp = (a: FileStamp, b: FileStamp) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** Reads one listed entry, refusing links that leave `root`, anything but a regular file, and huge files. */
async function readEntry(root: string, dir: string, entry: Dirent): Promise<ReadFile> {
  const shown = path.join(dir, entry.name);
  const fail = (message: string) => new CompileError({ file: shown, code: 'input', message });
  // A plain file listed in the folder is inside it; only a link needs resolving (and checking) first.
  let target = path.join(root, entry.name);
  if (!entry.isFile()) {
    const resolved = await realpath(target).catch(() => undefined);
    if (resolved === undefined || !within(resolved, root) || resolved === root)
      throw fail(`expected a file inside ${dir}, got a link to ${resolved ?? 'nothing'}`);
    target = resolved;
  }
  // Non-blocking, so a named pipe cannot hold the open; what was opened is then checked, not the name again.
  let file: FileHandle;
  try {
    file = await open(target, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    // A socket cannot be opened at all: say what it is rather than how opening failed.
    const stats = await stat(target).catch(() => undefined);
    if (stats && !stats.isFile()) throw fail(`expected a regular file, got ${kindOf(stats)}; move it out of ${dir}`);
    throw fail(`expected a readable file, got ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const stats = await file.stat();
    if (!stats.isFile()) throw fail(`expected a regular file, got ${kindOf(stats)}; move it out of ${dir}`);
    if (stats.size > MAX_ARTICLE_BYTES)
      throw fail(
        `expected an article of at most ${MAX_ARTICLE_BYTES / 1024 / 1024} MB, got ${(stats.size / 1024 / 1024).toFixed(1)} MB`,
      );
    return { file: shown, bytes: await file.readFile(), stamp: stampOf(stats) };
  } catch (error) {
    if (error instanceof CompileError) throw error;
    throw fail(`expected a readable file, got ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    await file.close();
  }
}

/** Article files read at once: far below the open-file limit, enough to overlap the disk's waits. */
const READS_IN_FLIGHT = 16;

/** Reads every article file in `dir`, refusing symlinks that lead outside it. */
export async function readInputFolder(dir: string): Promise<ReadFile[]> {
  return (await scanInputFolder(dir, new Map())) as ReadFile[];
}

/**
 * Lists every article file in `dir` and reads it, except a plain file whose stamp is the one
 * `known` holds for its name: that one is handed back as a KnownFile with the recorded key.
 */
export async function scanInputFolder(
  dir: string,
  known: ReadonlyMap<string, FileStamp & { key: string }>,
): Promise<(ReadFile | KnownFile)[]> {
  let root: string;
  let entries: Dirent[];
  try {
    root = await realpath(dir);
    if (!(await lstat(root)).isDirectory()) throw new Error('not a folder');
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    throw new CompileError({
      file: dir,
      code: 'input',
      message: 'expected a folder of articles, got nothing readable there; pass --in DIR',
    });
  }
  const articles = entries
    .filter((entry) => ARTICLE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase()))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Known files first, one stat each (synchronous: far quicker than 10,000 round trips through the thread pool).
  const outcomes: (ReadFile | KnownFile | CompileError | undefined)[] = articles.map((entry) => {
    const shown = path.join(dir, entry.name);
    const record = entry.isFile() ? known.get(shown) : undefined;
    if (record === undefined) return undefined;
    const target = path.join(root, entry.name);
    const stats = statSync(target, { throwIfNoEntry: false });
    return stats?.isFile() && sameStamp(stats, record) ? { file: shown, key: record.key, path: target } : undefined;
  });
  // The others are read, several at a time; every unreadable file is reported, not just the first.
  const unread = articles.flatMap((entry, i) => (outcomes[i] === undefined ? [{ entry, i }] : []));
  await mapLimited(unread, READS_IN_FLIGHT, async ({ entry, i }) => {
    outcomes[i] = await readEntry(root, dir, entry).catch((error: unknown) => {
      if (error instanceof CompileError) return error;
      throw error;
    });
  });
  const errors = outcomes.filter((outcome) => outcome instanceof CompileError);
  if (errors.length > 0) throw new AggregateError(errors);
  return outcomes.filter((outcome): outcome is ReadFile | KnownFile => !(outcome instanceof CompileError));
}
