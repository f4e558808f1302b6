/**
 * One compile in a fresh process, for the compile benchmark: reads --in, compiles with
 * --jobs workers (and --cache DIR if given), writes --out, then prints one JSON line
 * with the time from first read to last write and the process's peak RSS (main thread
 * and workers share the process, so workers are counted).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { build } from '../src/compiler/build';

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
};

const { values } = parseArgs({
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    jobs: { type: 'string', default: '1' },
    cache: { type: 'string' },
    version: { type: 'string', default: 'bench' },
  },
});
if (values.in === undefined || values.out === undefined)
  throw new Error('compileChild: expected --in DIR and --out DIR, got neither');

const started = performance.now();
const result = await build({
  in: values.in,
  out: values.out,
  generator: { name: 'dateline', version: values.version },
  jobs: Number(values.jobs),
  cacheDir: values.cache ?? false,
  // A fixed version keeps the cache valid while other people edit src/ during a run.
  compilerVersion: values.version,
  progress: false,
});
if (!result.ok) throw new Error(`compileChild: expected a clean compile, got ${result.errors.map((e) => e.format()).join('\n')}`);
const { stats } = result;
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
};
process.stdout.write(`${JSON.stringify(report)}\n`);
