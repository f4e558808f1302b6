/**
 * Stage `write`: output files → the output folder, atomically. Everything is written to
 * a sibling temporary folder first and swapped in with renames, so a failed or
 * interrupted run leaves the previous output exactly as it was.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimited } from './concurrency';
import { CompileError } from './errors';
import type { OutputFile, WrittenFile } from './assemble';

/** The file every output has; a folder holding it may be replaced. */
const MARKER = 'timeline.json';

function safeTarget(root: string, relative: string): string {
  const target = path.resolve(root, relative);
  if (!target.startsWith(path.resolve(root) + path.sep))
    throw new CompileError({
      code: 'output',
      message: `expected an output path inside ${root}, got ${JSON.stringify(relative)}`,
    });
  return target;
}

/**
 * Refuses to replace anything but an empty folder or an earlier output: a mistyped
 * `--out .` must not swap the project away.
 */
async function checkReplaceable(outDir: string, out: string): Promise<void> {
  const stats = await stat(out).catch(() => undefined);
  if (stats === undefined) return;
  if (!stats.isDirectory())
    throw new CompileError({ file: outDir, code: 'output', message: 'expected a folder to write the output to, got a file' });
  const entries = await readdir(out);
  if (entries.length > 0 && !entries.includes(MARKER))
    throw new CompileError({
      file: outDir,
      code: 'output',
      message: `expected an empty folder or the output of an earlier compile (with ${MARKER}), got a folder of other files; refusing to replace it`,
    });
}

/** Whether process `pid` is running (one of another user counts as running). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Clears what a compile killed part-way (Ctrl-C, a crash) left beside the output folder: its
 * staging folder, and its folder of replaced files. Left there, they would sit in `public/`
 * and Vite would copy them into the build. When the kill came between the two renames that
 * swap a folder in, the output is missing and the set-aside folder is the previous output:
 * it is put back. Folders of compiles still running are left alone.
 */
async function clearLeftovers(out: string): Promise<void> {
  const parent = path.dirname(out);
  const pattern = new RegExp(`^\\.${path.basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|previous)-(\\d+)$`);
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    const match = pattern.exec(name);
    const pid = Number(match?.[2]);
    if (!match || pid === process.pid || running(pid)) continue;
    const left = path.join(parent, name);
    if (match[1] === 'previous' && !existsSync(out)) await rename(left, out);
    else await rm(left, { recursive: true, force: true });
  }
}

/** Files written at once: enough to keep the disk busy, few enough to stay far from the open-file limit. */
const WRITES_IN_FLIGHT = 16;

/**
 * The output folder and this process's two folders beside it: `staging` for the files being
 * written, `retired` for what they replace. Clears what dead compiles left and checks that
 * the output may be replaced first; both folders start empty.
 */
async function sideFolders(outDir: string): Promise<{ out: string; staging: string; retired: string }> {
  const out = path.resolve(outDir);
  await clearLeftovers(out);
  await checkReplaceable(outDir, out);
  const parent = path.dirname(out);
  const staging = path.join(parent, `.${path.basename(out)}.staging-${process.pid}`);
  const retired = path.join(parent, `.${path.basename(out)}.previous-${process.pid}`);
  await mkdir(parent, { recursive: true });
  await rm(staging, { recursive: true, force: true });
  await rm(retired, { recursive: true, force: true });
  return { out, staging, retired };
}

/** Replaces the contents of `outDir` with `files`, or leaves it untouched on failure. */
export async function writeOutput(outDir: string, files: readonly WrittenFile[]): Promise<void> {
  const { out, staging, retired } = await sideFolders(outDir);
  try {
    const targets = files.map((file) => ({ target: safeTarget(staging, file.path), content: file.content }));
    // Each folder once, then the files several at a time: an archive has tens of thousands of article files.
    for (const folder of new Set(targets.map(({ target }) => path.dirname(target)))) await mkdir(folder, { recursive: true });
    await mapLimited(targets, WRITES_IN_FLIGHT, ({ target, content }) => writeFile(target, content, 'utf8'));
    if (existsSync(out)) await rename(out, retired);
    try {
      await rename(staging, out);
    } catch (error) {
      if (existsSync(retired)) await rename(retired, out);
      throw error;
    }
    await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof CompileError) throw error;
    throw new CompileError({ code: 'output', message: `could not write ${outDir}: ${(error as Error).message}` });
  }
}

/**
 * Updates `outDir` in place: writes `files` (new or changed) and deletes `remove`, leaving
 * every other file as it is. Each file is written beside the folder first and renamed in,
 * `timeline.json` last, so a reader never sees half a file and the index is the last thing
 * to change; the files replaced are kept aside until the end, and put back if any step fails.
 */
export async function applyChanges(outDir: string, files: readonly WrittenFile[], remove: readonly string[]): Promise<void> {
  const { out, staging, retired } = await sideFolders(outDir);
  // The index goes in last: until then a reader finds the previous timeline, whose files are all still there.
  const ordered = [...files].sort((a, b) => Number(a.path === MARKER) - Number(b.path === MARKER));
  const moves = ordered.map((file) => ({
    relative: file.path,
    content: file.content,
    staged: safeTarget(staging, file.path),
    target: safeTarget(out, file.path),
    kept: safeTarget(retired, file.path),
  }));
  const removals = remove.map((relative) => ({ target: safeTarget(out, relative), kept: safeTarget(retired, relative) }));
  const done: { target: string; kept?: string; added: boolean }[] = [];
  try {
    const folders = new Set([
      ...moves.flatMap((m) => [path.dirname(m.staged), path.dirname(m.kept)]),
      ...removals.map((r) => path.dirname(r.kept)),
    ]);
    for (const folder of folders) await mkdir(folder, { recursive: true });
    await mapLimited(moves, WRITES_IN_FLIGHT, ({ staged, content }) => writeFile(staged, content, 'utf8'));
    for (const { target, kept } of removals) {
      if (!existsSync(target)) continue;
      await rename(target, kept);
      done.push({ target, kept, added: false });
    }
    for (const { staged, target, kept } of moves) {
      await mkdir(path.dirname(target), { recursive: true });
      const existed = existsSync(target);
      if (existed) await rename(target, kept);
      done.push({ target, ...(existed ? { kept } : {}), added: false });
      await rename(staged, target);
      (done.at(-1) as { added: boolean }).added = true;
    }
  } catch (error) {
    // Undo in reverse: take out what was put in, and put back what was moved aside.
    for (const step of done.reverse()) {
      if (step.added) await rm(step.target, { force: true });
      if (step.kept !== undefined) await rename(step.kept, step.target);
    }
    await rm(staging, { recursive: true, force: true });
    await rm(retired, { recursive: true, force: true });
    if (error instanceof CompileError) throw error;
    throw new CompileError({ code: 'output', message: `could not write ${outDir}: ${(error as Error).message}` });
  }
  await rm(staging, { recursive: true, force: true });
  await rm(retired, { recursive: true, force: true });
}

/** Lists every file under `dir` as a relative path with `/` separators. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  if (!existsSync(dir)) return [];
  if (!(await stat(dir)).isDirectory())
    throw new CompileError({ file: dir, code: 'output', message: 'expected a folder of compiled output, got a file' });
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : Promise.resolve([`${prefix}${entry.name}`]),
    ),
  );
  return nested.flat().sort();
}

/** The differences between `files` and what is in `outDir`, one line each (empty when equal). */
export async function diffOutput(outDir: string, files: readonly OutputFile[]): Promise<string[]> {
  const existing = new Set(await listFiles(outDir));
  const problems: string[] = [];
  for (const file of files) {
    if (!existing.delete(file.path)) {
      problems.push(`missing ${file.path}`);
      continue;
    }
    const current = await readFile(path.join(outDir, file.path), 'utf8');
    if (current !== file.content) problems.push(`out of date ${file.path}`);
  }
  for (const extra of existing) problems.push(`not produced by the compiler ${extra}`);
  return problems;
}
