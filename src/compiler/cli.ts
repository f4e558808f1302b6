/**
 * `npm run compile`: the only module that touches argv, files and exit codes.
 * Reads every article in --in (default data/articles), compiles, and atomically
 * replaces --out (default public/data). With --check it writes nothing and fails
 * when --out is not what a compile would produce. Exit codes: 0 done, 1 bad input or
 * stale output, 2 bad usage, 70 a bug in the compiler (stack trace with --debug).
 */
import { constants, type Dirent } from 'node:fs';
import { lstat, open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CompileError, escapeUnsafe } from './errors';
import { DEFAULT_CACHE_DIR } from './cache';
import { mapLimited } from './concurrency';
import { DEFAULT_CATALOG, loadCompileOptions } from './options';
import { compileParallel } from './parallel';
import type { InputFile } from './pipeline';
import { diffOutput, writeOutput } from './write';

const USAGE = `usage: npm run compile -- [--in DIR] [--out DIR] [--check] [--actors FILE] [--jobs N] [--cache DIR | --no-cache] [--debug]

  --in DIR       folder of articles (*.txt, *.md), default data/articles
  --out DIR      output folder, replaced atomically, default public/data
  --check        write nothing; exit 1 if --out is not up to date
  --actors FILE  curated actor list, default ${DEFAULT_CATALOG}
  --jobs N       threads to compile on, default all cores
  --cache DIR    per-article cache, default ${DEFAULT_CACHE_DIR}
  --no-cache     compile every article again
  --debug        print stack traces of unexpected errors`;

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

/** Far beyond any news article, and small enough that reading one cannot exhaust memory. */
export const MAX_ARTICLE_BYTES = 32 * 1024 * 1024;

const EXIT_INTERNAL = 70;

type Options = {
  in: string;
  out: string;
  check: boolean;
  debug: boolean;
  help: boolean;
  actors: string;
  jobs: number | undefined;
  cache: string | false;
};

function usageError(message: string): CompileError {
  return new CompileError({ code: 'usage', message: `${message}\n${USAGE}` });
}

function parseOptions(argv: string[]): Options {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        in: { type: 'string', default: 'data/articles' },
        out: { type: 'string', default: 'public/data' },
        check: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        actors: { type: 'string', default: DEFAULT_CATALOG },
        jobs: { type: 'string' },
        cache: { type: 'string', default: DEFAULT_CACHE_DIR },
        'no-cache': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.in === '' || values.out === '') throw usageError('--in, --out: expected a folder, got an empty string');
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
      throw usageError(`--jobs: expected a positive integer, got ${JSON.stringify(values.jobs)}`);
    return {
      in: values.in,
      out: values.out,
      check: values.check,
      debug: values.debug,
      help: values.help,
      actors: values.actors,
      jobs,
      cache: values['no-cache'] ? false : values.cache,
    };
  } catch (error) {
    if (error instanceof CompileError) throw error;
    throw usageError(`expected the options below, got: ${(error as Error).message}`);
  }
}

/** The real path of `target`, or of its nearest existing ancestor joined with the rest. */
async function resolveReal(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const real = await realpath(absolute).catch(() => undefined);
  if (real !== undefined) return real;
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(await resolveReal(parent), path.basename(absolute));
}

const within = (inner: string, outer: string) =>
  inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/** Refuses an --out that would replace or write into the articles (the compiler never edits input). */
async function checkFolders(options: Options): Promise<void> {
  const [input, output] = await Promise.all([resolveReal(options.in), resolveReal(options.out)]);
  if (within(input, output) || within(output, input))
    throw usageError(
      `--out: expected a folder that neither is, holds nor lies inside --in ${JSON.stringify(options.in)}, got ${JSON.stringify(options.out)}; the compiler never writes over articles`,
    );
}

function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  return stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a named pipe' : stats.isSocket() ? 'a socket' : 'a device';
}

/** Reads one listed entry, refusing links that leave `root`, anything but a regular file, and huge files. */
async function readEntry(root: string, dir: string, entry: Dirent): Promise<InputFile> {
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
    return { file: shown, bytes: await file.readFile() };
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
export async function readInputFolder(dir: string): Promise<InputFile[]> {
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
  // Several files at a time, results in name order; every unreadable file is reported, not just the first.
  const outcomes = await mapLimited(articles, READS_IN_FLIGHT, (entry) =>
    readEntry(root, dir, entry).catch((error: unknown) => {
      if (error instanceof CompileError) return error;
      throw error;
    }),
  );
  const errors = outcomes.filter((outcome) => outcome instanceof CompileError);
  if (errors.length > 0) throw new AggregateError(errors);
  return outcomes.filter((outcome): outcome is InputFile => !(outcome instanceof CompileError));
}

/** Prints each error on stderr: a CompileError as `file:line: message`, anything else as one line. */
function report(errors: readonly unknown[], debug: boolean): number {
  let exitCode = 1;
  for (const error of errors) {
    if (error instanceof CompileError) {
      process.stderr.write(`${error.format()}\n`);
      exitCode = Math.max(exitCode, error.exitCode);
      continue;
    }
    const message = error instanceof Error ? error.message : String(error);
    const line = escapeUnsafe(message.split('\n')[0] ?? '', true);
    if (debug && error instanceof Error) process.stderr.write(`internal error: ${escapeUnsafe(error.stack ?? line, false)}\n`);
    else process.stderr.write(`internal error: ${line} (a bug in the compiler; run again with --debug for the stack trace)\n`);
    exitCode = EXIT_INTERNAL;
  }
  return exitCode;
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const options = parseOptions(argv);
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    await checkFolders(options);
    const inputs = await readInputFolder(options.in);
    const { result } = await compileParallel(inputs, {
      ...(await loadCompileOptions(options.actors)),
      ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
      cacheDir: options.cache,
    });
    if (!result.ok) {
      const code = report(result.errors, debug);
      process.stderr.write(
        `${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; ${options.check ? 'nothing checked' : `${options.out} left unchanged`}\n`,
      );
      return code;
    }
    for (const warning of result.warnings) process.stderr.write(`warning: ${escapeUnsafe(warning, true)}\n`);
    const { events, articles, actors } = result.timeline;
    if (options.check) {
      const problems = await diffOutput(options.out, result.files);
      if (problems.length > 0) {
        process.stderr.write(
          `${options.out} is out of date; run npm run compile and commit the result:\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
        );
        return 1;
      }
      process.stdout.write(`${options.out} is up to date (${articles.length} articles, ${events.length} events)\n`);
      return 0;
    }
    await writeOutput(options.out, result.files);
    process.stdout.write(
      `compiled ${articles.length} articles → ${events.length} events, ${actors.length} actors in ${options.out}\n`,
    );
    return 0;
  } catch (error) {
    return report(error instanceof AggregateError ? error.errors : [error], debug);
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
