// @ts-check
/**
 * `npm run compile`: runs the compiler (src/compiler/cli.ts) from a bundle made by esbuild
 * instead of through tsx, whose loader and on-the-fly transforms cost ~0.3–1 s of every run
 * (a recompile of one article of 10,000 took 3.6–4.6 s under tsx, 2.9–3.6 s bundled). The
 * packages go into the bundle too: compromise alone is hundreds of small modules, and
 * compromise and chrono-node load in 0.4–0.5 s from one file against 0.77–0.86 s from
 * node_modules. The bundle is made again whenever a file of src/compiler or src/model, this
 * script or package-lock.json changes (by size or time), which adds ~0.6 s to that run, and kept in
 * node_modules/.cache. `npx tsx src/compiler/cli.ts` runs the same code unbundled.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Where bundles are kept; DATELINE_BUNDLES moves them (tests point it at a folder that cannot be made). */
const BUNDLES = process.env.DATELINE_BUNDLES ?? path.join(ROOT, 'node_modules', '.cache', 'dateline', 'compiler');
/** Folders whose files go into the bundle, with the packages they import. */
const SOURCES = ['src/compiler', 'src/model'];
/** Files besides the sources that change what a bundle holds: this script, and the packages' versions. */
const RECIPE = ['scripts/compile.mjs', 'package-lock.json'];
/** A bundle of other sources not run for this long goes (a `--watch` running one still loads its parts). */
const UNUSED_MS = 24 * 3600 * 1000;
/**
 * Node's flags for making and for running the stages' snapshot (a snapshot loads only under the
 * V8 flags it was made with). V8 cannot put a regular expression's machine code in a snapshot,
 * and the warm-up makes some (the build aborts), so regular expressions are interpreted; for the
 * few articles a warm process compiles that is faster, too: one article 270–360 ms from start to
 * reply, against 344–436 ms with machine code made as they run.
 */
export const SNAPSHOT_FLAGS = ['--regexp-interpret-all'];

/**
 * Every file under the source folders with its size and time, in a fixed order.
 * @param {readonly string[]} entries
 */
async function sourceStamps(entries) {
  // An entry under a source folder (src/compiler/cli.ts) is listed once.
  const files = new Set([...entries, ...RECIPE].map((file) => path.relative(ROOT, path.resolve(ROOT, file))));
  for (const folder of SOURCES)
    for (const entry of await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true }))
      if (entry.isFile()) files.add(path.relative(ROOT, path.join(entry.parentPath, entry.name)));
  const stamps = await Promise.all(
    [...files].sort().map(async (file) => {
      const { size, mtimeMs } = await stat(path.resolve(ROOT, file));
      return `${file}\0${size}\0${mtimeMs}`;
    }),
  );
  return stamps.join('\n');
}

/**
 * The folder of a bundle of `entries` (paths from the checkout's root or absolute, each becoming
 * `<name>.js` there, with src/compiler/worker.ts always among them: the compiler starts its
 * workers from `worker.js` beside itself), made now if the sources changed since the last one.
 * @param {readonly string[]} entries
 * @returns {Promise<string>}
 */
export async function compilerBundle(entries) {
  const all = [...new Set([...entries, 'src/compiler/worker.ts'])];
  const key = createHash('sha256')
    .update(`${process.version}\0${ROOT}\0${all.join('\0')}\0${await sourceStamps(all)}`)
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(BUNDLES, key);
  const now = new Date();
  try {
    // Made whole (renamed into place), so there is nothing to check but that it is there; its time says it is in use.
    await utimes(dir, now, now);
    return dir;
  } catch {
    // Not made yet for these sources.
  }

  const { build } = await import('esbuild');
  const temporary = `${dir}.${process.pid}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(BUNDLES, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: all,
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    sourcemap: 'linked',
    outdir: temporary,
    // Its errors reach the caller (loadCli says them in one line); warnings are not the user's to act on.
    logLevel: 'silent',
    // Where the checkout is: the compiler finds package.json and its own sources from it (src/compiler/root.ts).
    define: {
      DATELINE_ROOT: JSON.stringify(pathToFileURL(ROOT).href),
      DATELINE_SNAPSHOT_FLAGS: JSON.stringify(SNAPSHOT_FLAGS),
    },
    // yaml is CommonJS and requires Node's modules: an ES module has no `require` of its own.
    banner: {
      js: "import { createRequire as __datelineRequire } from 'node:module'; const require = __datelineRequire(import.meta.url);",
    },
  });
  await makeSnapshot(build, temporary);
  // Another run may have made the same bundle meanwhile: either is as good.
  await rename(temporary, dir).catch(() => rm(temporary, { recursive: true, force: true }));
  // Old bundles go, and what a run stopped part-way left (esbuild writes nothing when it fails,
  // but a full disk can stop it part-way); one being made now is recent.
  for (const name of await readdir(BUNDLES)) {
    const other = path.join(BUNDLES, name);
    const stats = await stat(other).catch(() => undefined);
    if (stats && other !== dir && now.getTime() - stats.mtimeMs > UNUSED_MS) await rm(other, { recursive: true, force: true });
  }
  return dir;
}

/**
 * Adds `stages.blob` to a bundle: a start-up snapshot of the per-article stages (see
 * src/compiler/snapshot.ts and warm.ts), made by this Node from a CommonJS bundle of
 * snapshot.ts (~1 s). Without it the compiler only loses its warm start, so a failure leaves
 * the bundle without one.
 * @param {typeof import('esbuild').build} build
 * @param {string} dir
 */
async function makeSnapshot(build, dir) {
  const entry = path.join(dir, 'stages.cjs');
  try {
    await build({
      absWorkingDir: ROOT,
      entryPoints: ['src/compiler/snapshot.ts'],
      bundle: true,
      platform: 'node',
      format: 'iife',
      target: `node${process.versions.node}`,
      outfile: entry,
      logLevel: 'silent',
      define: { DATELINE_ROOT: JSON.stringify(pathToFileURL(ROOT).href) },
    });
    const blob = path.join(dir, 'stages.blob');
    await promisify(execFile)(process.execPath, [...SNAPSHOT_FLAGS, '--snapshot-blob', blob, '--build-snapshot', entry], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
  } catch {
    await rm(path.join(dir, 'stages.blob'), { force: true });
  } finally {
    await rm(entry, { force: true });
  }
}

/**
 * One line for why a bundle could not be made: esbuild's first error with its place, or the
 * file system's message.
 * @param {unknown} error
 */
export function bundleFailure(error) {
  const first = /** @type {{ errors?: { text: string, location: { file: string, line: number, column: number } | null }[] }} */ (
    error
  ).errors?.[0];
  if (first === undefined) return String(/** @type {Error} */ (error).message ?? error).split('\n')[0];
  const at = first.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : '';
  return `${at}${first.text}`;
}

/**
 * The CLI's module: from the bundle, or, when no bundle can be made (node_modules read-only,
 * a full disk), from the sources through tsx, after saying so on stderr.
 * @returns {Promise<{ main: (argv: string[]) => Promise<number> }>}
 */
async function loadCli() {
  let dir;
  try {
    dir = await compilerBundle(['src/compiler/cli.ts']);
  } catch (error) {
    const reason = bundleFailure(error);
    process.stderr.write(`warning: could not make the compiler's bundle in ${BUNDLES} (${reason}); running it through tsx\n`);
    const tsx = await import('tsx/esm/api');
    tsx.register();
    return import(pathToFileURL(path.join(ROOT, 'src/compiler/cli.ts')).href);
  }
  return import(pathToFileURL(path.join(dir, 'cli.js')).href);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.setSourceMapsEnabled(true);
  const { main } = await loadCli();
  process.exitCode = await main(process.argv.slice(2));
}
