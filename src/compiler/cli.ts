/**
 * `npm run compile`: the only module that touches argv, files and exit codes.
 * Reads every article in --in (default data/articles), compiles, and updates --out
 * (default public/data) so that it is never left half-written (build.ts). With --check it writes nothing and fails
 * when --out is not what a compile would produce. With --watch it stays running and compiles
 * again whenever an article or the actor list changes (watch.ts).
 * Exit codes: 0 done, 1 bad input or stale output, 2 bad usage, 70 a bug in the compiler
 * (stack trace with --debug).
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CompileError, escapeUnsafe } from './errors';
import { DEFAULT_CACHE_DIR } from './cache';
import { DEFAULT_CATALOG, loadCompileOptions } from './options';
import { compileParallel, type ParallelCompileOptions } from './parallel';
import { ARTICLE_EXTENSIONS, readInputFolder, within } from './inputs';
import { diffOutput } from './write';
import { build, type BuildMemory, type BuildOutcome } from './build';
import { serialRunner, watchFolders } from './watch';

const USAGE = `usage: npm run compile -- [--in DIR] [--out DIR] [--check | --watch] [--actors FILE] [--jobs N] [--cache DIR | --no-cache] [--debug]

  --in DIR       folder of articles (*.txt, *.md), default data/articles
  --out DIR      output folder, never left half-written, default public/data
  --check        write nothing; exit 1 if --out is not up to date
  --watch        keep running; compile again when an article or the actor list changes (Ctrl-C stops)
  --actors FILE  curated actor list, default ${DEFAULT_CATALOG}
  --jobs N       threads to compile on, default all cores
  --cache DIR    per-article cache and the last run's state, default ${DEFAULT_CACHE_DIR}
  --no-cache     compile every article again
  --debug        print stack traces of unexpected errors`;

const EXIT_INTERNAL = 70;

type Options = {
  in: string;
  out: string;
  check: boolean;
  watch: boolean;
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
        watch: { type: 'boolean', default: false },
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
    if (values.check && values.watch) throw usageError('--check, --watch: expected one of them, got both');
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
      throw usageError(`--jobs: expected a positive integer, got ${JSON.stringify(values.jobs)}`);
    return {
      in: values.in,
      out: values.out,
      check: values.check,
      watch: values.watch,
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

/** Refuses an --out that would replace or write into the articles (the compiler never edits input). */
async function checkFolders(options: Options): Promise<void> {
  const [input, output] = await Promise.all([resolveReal(options.in), resolveReal(options.out)]);
  if (within(input, output) || within(output, input))
    throw usageError(
      `--out: expected a folder that neither is, holds nor lies inside --in ${JSON.stringify(options.in)}, got ${JSON.stringify(options.out)}; the compiler never writes over articles`,
    );
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

/** `--check`: compiles without writing and compares with --out. */
async function check(options: Options, compileOptions: ParallelCompileOptions, debug: boolean): Promise<number> {
  const { result } = await compileParallel(await readInputFolder(options.in), compileOptions);
  if (!result.ok) return failed(result.errors, debug, 'nothing checked');
  for (const warning of result.warnings) process.stderr.write(`warning: ${escapeUnsafe(warning, true)}\n`);
  const problems = await diffOutput(options.out, result.files);
  if (problems.length > 0) {
    process.stderr.write(
      `${options.out} is out of date; run npm run compile and commit the result:\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  const { events, articles } = result.timeline;
  process.stdout.write(`${options.out} is up to date (${articles.length} articles, ${events.length} events)\n`);
  return 0;
}

function failed(errors: readonly unknown[], debug: boolean, outcome: string): number {
  const code = report(errors, debug);
  process.stderr.write(`${errors.length} error${errors.length === 1 ? '' : 's'}; ${outcome}\n`);
  return code;
}

/**
 * One compile into --out, with the actor list read anew. Prints the warnings that `shown`
 * does not hold (a watched run says only what is new; `shown` is then replaced by this
 * run's), then what was done, and with `memory` how long it took.
 */
async function compileOnce(options: Options, debug: boolean, memory?: BuildMemory, shown = new Set<string>()): Promise<number> {
  const started = performance.now();
  const built: BuildOutcome = await build({ ...(await compileOptionsOf(options)), in: options.in, out: options.out }, memory);
  if (!built.ok) return failed(built.errors, debug, `${options.out} left unchanged`);
  for (const warning of built.warnings)
    if (!shown.has(warning)) process.stderr.write(`warning: ${escapeUnsafe(warning, true)}\n`);
  shown.clear();
  for (const warning of built.warnings) shown.add(warning);
  const { events, articles, actors } = built.counts;
  const { compiled, written, removed } = built.stats;
  const took = memory ? ` in ${((performance.now() - started) / 1000).toFixed(2)} s` : '';
  process.stdout.write(
    `compiled ${articles} articles → ${events} events, ${actors} actors in ${options.out}` +
      ` (${compiled} compiled, ${articles - compiled} from the cache; ${written} file${written === 1 ? '' : 's'} written${removed > 0 ? `, ${removed} removed` : ''})${took}\n`,
  );
  return 0;
}

async function compileOptionsOf(options: Options): Promise<ParallelCompileOptions> {
  return {
    ...(await loadCompileOptions(options.actors)),
    ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
    cacheDir: options.cache,
  };
}

/**
 * `--watch`: compiles, then again after every change to an article file in --in or to the
 * actor list, until SIGINT or SIGTERM (a second one stops at once). The last run's state
 * stays in memory (BuildMemory), so a run after one edit does not read or wait for it.
 * A failed run leaves --out as it was and the watch goes on. Returns the last run's exit code.
 */
async function watchAndCompile(options: Options, debug: boolean): Promise<number> {
  const memory: BuildMemory = {};
  const shown = new Set<string>();
  let code = 0;
  const runner = serialRunner(async () => {
    try {
      code = await compileOnce(options, debug, memory, shown);
    } catch (error) {
      code = report(error instanceof AggregateError ? error.errors : [error], debug);
      process.stderr.write(`${options.out} left unchanged\n`);
    }
  });
  let end: (reason: 'stopped' | 'lost') => void = () => undefined;
  const ended = new Promise<'stopped' | 'lost'>((resolve) => (end = resolve));
  const stop = () => {
    process.stderr.write('stopping once the current compile ends (again to stop at once)\n');
    end('stopped');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const catalogue = path.resolve(options.actors);
  const unwatch = watchFolders(
    [
      { dir: options.in, accepts: (name) => ARTICLE_EXTENSIONS.includes(path.extname(name).toLowerCase()) },
      { dir: path.dirname(catalogue), accepts: (name) => name === path.basename(catalogue) },
    ],
    runner.schedule,
    (error, dir) => {
      process.stderr.write(`--watch: expected a folder to watch at ${dir}, got ${escapeUnsafe(error.message, true)}\n`);
      end('lost');
    },
  );
  runner.schedule();
  const first = await Promise.race([runner.idle().then(() => 'compiled' as const), ended]);
  if (first === 'compiled') process.stdout.write(`watching ${options.in} and ${options.actors} for changes (Ctrl-C to stop)\n`);
  const how = first === 'compiled' ? await ended : first;
  unwatch();
  await runner.close();
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  return how === 'lost' ? 1 : code;
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
    if (options.check) return await check(options, await compileOptionsOf(options), debug);
    if (options.watch) return await watchAndCompile(options, debug);
    return await compileOnce(options, debug);
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
