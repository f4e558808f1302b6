/**
 * `npm run compile`: the only module that touches argv, files and exit codes.
 * Reads every article in --in (default data/articles), compiles, and updates --out
 * (default public/data) so that it is never left half-written (build.ts). With --check it writes nothing and fails
 * when --out is not what a compile would produce. Exit codes: 0 done, 1 bad input or
 * stale output, 2 bad usage, 70 a bug in the compiler (stack trace with --debug).
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CompileError, escapeUnsafe } from './errors';
import { DEFAULT_CACHE_DIR } from './cache';
import { DEFAULT_CATALOG, loadCompileOptions } from './options';
import { compileParallel } from './parallel';
import { readInputFolder, within } from './inputs';
import { diffOutput } from './write';
import { build } from './build';

const USAGE = `usage: npm run compile -- [--in DIR] [--out DIR] [--check] [--actors FILE] [--jobs N] [--cache DIR | --no-cache] [--debug]

  --in DIR       folder of articles (*.txt, *.md), default data/articles
  --out DIR      output folder, never left half-written, default public/data
  --check        write nothing; exit 1 if --out is not up to date
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
    const compileOptions = {
      ...(await loadCompileOptions(options.actors)),
      ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
      cacheDir: options.cache,
    };
    const failed = (errors: readonly unknown[]) => {
      const code = report(errors, debug);
      process.stderr.write(
        `${errors.length} error${errors.length === 1 ? '' : 's'}; ${options.check ? 'nothing checked' : `${options.out} left unchanged`}\n`,
      );
      return code;
    };
    if (options.check) {
      const { result } = await compileParallel(await readInputFolder(options.in), compileOptions);
      if (!result.ok) return failed(result.errors);
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
    const built = await build({ ...compileOptions, in: options.in, out: options.out });
    if (!built.ok) return failed(built.errors);
    for (const warning of built.warnings) process.stderr.write(`warning: ${escapeUnsafe(warning, true)}\n`);
    const { events, articles, actors } = built.timeline;
    const { compiled, written, removed } = built.stats;
    process.stdout.write(
      `compiled ${articles.length} articles → ${events.length} events, ${actors.length} actors in ${options.out}` +
        ` (${compiled} compiled, ${articles.length - compiled} from the cache; ${written} file${written === 1 ? '' : 's'} written${removed > 0 ? `, ${removed} removed` : ''})\n`,
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
