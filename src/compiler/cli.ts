/**
 * `npm run compile`: the only module that touches argv, files and exit codes.
 * Reads every article in --in (default data/articles), compiles, and atomically
 * replaces --out (default public/data). With --check it writes nothing and fails
 * when --out is not what a compile would produce.
 */
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CompileError } from './errors';
import { compile, type InputFile } from './pipeline';
import { diffOutput, writeOutput } from './write';

const USAGE = `usage: npm run compile -- [--in DIR] [--out DIR] [--check] [--debug]

  --in DIR    folder of articles (*.txt, *.md), default data/articles
  --out DIR   output folder, replaced atomically, default public/data
  --check     write nothing; exit 1 if --out is not up to date
  --debug     print stack traces of unexpected errors`;

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

type Options = { in: string; out: string; check: boolean; debug: boolean };

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
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    return { in: values.in, out: values.out, check: values.check, debug: values.debug };
  } catch (error) {
    throw new CompileError({ code: 'usage', message: `${(error as Error).message}\n${USAGE}` });
  }
}

/** Reads every article file in `dir`, refusing symlinks that lead outside it. */
export async function readInputFolder(dir: string): Promise<InputFile[]> {
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await lstat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new CompileError({
      file: dir,
      code: 'input',
      message: 'expected a folder of articles, got nothing readable there; pass --in DIR',
    });
  }
  const names = (await readdir(root)).filter((name) => ARTICLE_EXTENSIONS.includes(path.extname(name).toLowerCase())).sort();
  const inputs: InputFile[] = [];
  const errors: CompileError[] = [];
  for (const name of names) {
    const full = path.join(root, name);
    const shown = path.join(dir, name);
    const target = await realpath(full).catch(() => undefined);
    if (target === undefined || (!target.startsWith(root + path.sep) && target !== root)) {
      errors.push(
        new CompileError({
          file: shown,
          code: 'input',
          message: `expected a file inside ${dir}, got a link to ${target ?? 'nothing'}`,
        }),
      );
      continue;
    }
    if (!(await lstat(target)).isFile()) continue;
    inputs.push({ file: shown, bytes: await readFile(target) });
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return inputs;
}

async function generatorInfo(): Promise<{ name: string; version: string }> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return { name: 'dateline', version: pkg.version };
}

function report(errors: readonly unknown[], debug: boolean): number {
  let exitCode = 1;
  for (const error of errors) {
    if (error instanceof CompileError) {
      process.stderr.write(`${error.format()}\n`);
      exitCode = Math.max(exitCode, error.exitCode);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`internal error: ${message}\n`);
      process.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : 'run again with --debug for the stack trace\n');
      exitCode = 70;
    }
  }
  return exitCode;
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const options = parseOptions(argv);
    const inputs = await readInputFolder(options.in);
    const result = compile(inputs, { generator: await generatorInfo() });
    if (!result.ok) {
      const code = report(result.errors, debug);
      process.stderr.write(
        `${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; ${options.check ? 'nothing checked' : `${options.out} left unchanged`}\n`,
      );
      return code;
    }
    for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
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

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
