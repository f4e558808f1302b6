/**
 * One compile in a fresh process, for the compile benchmark: reads --in, compiles with
 * --jobs workers (and --cache DIR if given), writes --out, then prints one JSON line
 * with the time from first read to last write and the process's peak RSS (main thread
 * and workers share the process, so workers are counted).
 *
 * With --edits N it then stays, as `npm run compile -- --watch` does: N times it appends a
 * line to one more article and compiles again with the last run's state kept in memory, and
 * it prints one more JSON line with each edit's times (EditReport).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildMemory, type BuildOptions } from '../src/compiler/build';

/** What the child prints on its last line of stdout. */
export type ChildReport = {
  ms: number;
  /** User + system CPU time of the whole process (all threads), less sensitive to a busy machine than wall time. */
  cpuMs: number;
  maxRssMiB: number;
  articles: number;
  bytes: number;
  cached: number;
  compiled: number;
  workers: number;
  /** Articles compiled by a warm process (see src/compiler/warm.ts). */
  warm: number;
  /** Events made again (none after an edit that changes no event: merge keeps every cluster). */
  made: number;
};

/** One edit under --edits: milliseconds from the edit to the output in place, and to the end of the run (state saved). */
export type EditReport = { outputMs: number; ms: number; compiled: number; maxRssMiB: number }[];

const { values } = parseArgs({
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    jobs: { type: 'string', default: '1' },
    cache: { type: 'string' },
    version: { type: 'string', default: 'bench' },
    edits: { type: 'string', default: '0' },
    // `--warm-start no` compiles every article in this process (for comparing; see warm.ts).
    'warm-start': { type: 'string', default: 'yes' },
  },
});
if (values.in === undefined || values.out === undefined)
  throw new Error('compileChild: expected --in DIR and --out DIR, got neither');
const input = values.in;

const options: BuildOptions = {
  in: input,
  out: values.out,
  generator: { name: 'dateline', version: values.version },
  jobs: Number(values.jobs),
  cacheDir: values.cache ?? false,
  // A fixed version keeps the cache valid while other people edit src/ during a run.
  compilerVersion: values.version,
  progress: false,
  warmStart: values['warm-start'] !== 'no',
};
const memory: BuildMemory = {};

async function compileOnce() {
  const result = await build(options, memory);
  if (!result.ok)
    throw new Error(`compileChild: expected a clean compile, got ${result.errors.map((e) => e.format()).join('\n')}`);
  return result.stats;
}

const started = performance.now();
const stats = await compileOnce();
const ms = performance.now() - started;
const usage = process.resourceUsage();
const report: ChildReport = {
  ms,
  cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  // resourceUsage().maxRSS is in kilobytes.
  maxRssMiB: usage.maxRSS / 1024,
  articles: stats.articles,
  bytes: stats.bytes,
  cached: stats.cached,
  compiled: stats.compiled,
  workers: stats.workers,
  warm: stats.warm,
  made: stats.made,
};

const edits: EditReport = [];
const names = (await readdir(input)).sort();
for (let i = 0; i < Number(values.edits); i++) {
  // Spread over the corpus, away from the articles the fresh-process runs edited.
  const name = names[Math.floor(((i + 0.5) / Number(values.edits)) * names.length)] as string;
  const edited = performance.now();
  await appendFile(path.join(input, name), `\nA watched edit, number ${i}.\n`);
  const compiling = performance.now();
  const run = await compileOnce();
  edits.push({
    outputMs: compiling - edited + run.outputMs,
    ms: performance.now() - edited,
    compiled: run.compiled,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  });
}
process.stdout.write(`${JSON.stringify(report)}\n`);
if (edits.length > 0) process.stdout.write(`${JSON.stringify(edits)}\n`);
