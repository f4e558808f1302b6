/**
 * Compile benchmark: cold compiles of generated corpora of 100, 1,000 and 10,000
 * articles on one thread and on all cores (each in a fresh process, for honest peak
 * RSS), and an incremental compile of the largest corpus with a warm cache after one
 * article changed. Reports median time, throughput and peak RSS.
 */
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { compilerBundle } from '../scripts/compile.mjs';
import type { ChildReport, EditReport } from './compileChild';
import { CORPUS_STAMP, corpusStamp, writeCorpus } from './generate';
import { median, Recorder, repeat } from './results';
import { SETTLE_MS } from '../src/compiler/watch';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

/**
 * The child, bundled as `npm run compile` bundles the compiler (scripts/compile.mjs), so that its
 * start-up is the CLI's. Made once: every run of a bench runs the same code, even if src/ changes meanwhile.
 */
let bundledChild: Promise<string> | undefined;
const childScript = () =>
  (bundledChild ??= compilerBundle(['bench/compileChild.ts']).then((dir) => path.join(dir, 'compileChild.js')));

/** `modes`: which compiles to run at every size; `incremental` runs at the largest size only. */
export type CompileMode = 'thread' | 'workers' | 'incremental';
export type CompileBenchOptions = { sizes: number[]; modes: CompileMode[]; warmups: number; runs: number; seed: number };

/** The corpus folder for `n` articles, generated when it is missing, or was made by another generator or seed. */
export async function ensureCorpus(n: number, seed: number): Promise<string> {
  const dir = path.join(root, 'bench', '.corpus', String(n));
  const stamp = await readFile(path.join(dir, CORPUS_STAMP), 'utf8').catch(() => '');
  if (stamp.trim() !== (await corpusStamp(n, seed))) await writeCorpus(dir, n, seed);
  return path.join(dir, 'articles');
}

async function child(args: string[]): Promise<ChildReport & { wallMs: number; edits: EditReport }> {
  const script = await childScript();
  const started = performance.now();
  const { stdout } = await run(process.execPath, [script, ...args], { cwd: root, maxBuffer: 1 << 24 }).catch(
    (error: { code?: number; signal?: string; stderr?: string }) => {
      // Keep the child's own last words (an out-of-memory abort, a compile error) in the n/a note.
      const tail = (error.stderr ?? '').trim().split('\n').slice(-3).join(' | ');
      throw new Error(`compile child exited with ${error.signal ?? `code ${error.code}`}: ${tail}`);
    },
  );
  const wallMs = performance.now() - started;
  // The compile's report, then (with --edits) the edits' report.
  const lines = stdout.trim().split('\n');
  const edits = args.includes('--edits') ? (JSON.parse(lines.pop() ?? '[]') as EditReport) : [];
  return { ...(JSON.parse(lines.pop() ?? '') as ChildReport), wallMs, edits };
}

function record(rec: Recorder, label: string, n: number, reports: readonly (ChildReport & { wallMs: number })[]): void {
  const ms = median(reports.map((r) => r.ms));
  const bytes = reports[0]?.bytes ?? 0;
  rec.add(`${label} time`, ms / 1000, 's', n);
  rec.add(`${label} throughput`, n / (ms / 1000), 'articles/s', n);
  rec.add(`${label} throughput (MB)`, bytes / 1e6 / (ms / 1000), 'MB/s', n);
  rec.add(`${label} CPU time`, median(reports.map((r) => r.cpuMs)) / 1000, 's', n, 'user + system, all threads, whole process');
  rec.add(`${label} peak RSS`, median(reports.map((r) => r.maxRssMiB)), 'MiB', n);
  rec.add(
    `${label} process wall time`,
    median(reports.map((r) => r.wallMs)) / 1000,
    's',
    n,
    'includes starting Node and loading the compiler',
  );
}

/** Runs the compile part and returns its figures. */
export async function compileBench(options: CompileBenchOptions): Promise<Recorder> {
  const rec = new Recorder('compile');
  const jobs = os.availableParallelism();
  const work = await mkdtemp(path.join(os.tmpdir(), 'dateline-bench-compile-'));
  try {
    for (const n of options.sizes) {
      const input = await ensureCorpus(n, options.seed);
      const out = path.join(work, 'out');
      const modes = [
        ['thread', 'cold 1 thread', 1],
        ['workers', `cold ${jobs} threads`, jobs],
      ] as const;
      for (const [, label, j] of modes.filter(([mode]) => options.modes.includes(mode))) {
        process.stderr.write(`compile: ${n} articles, ${label}\n`);
        record(
          rec,
          label,
          n,
          await repeat(options.warmups, options.runs, () => child(['--in', input, '--out', out, '--jobs', String(j)])),
        );
      }
    }
    if (options.modes.includes('incremental')) await incremental(rec, Math.max(...options.sizes), jobs, work, options);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return rec;
}

/** Warm cache, then one article changes before each measured run: only it may be recompiled. */
async function incremental(rec: Recorder, n: number, jobs: number, work: string, options: CompileBenchOptions): Promise<void> {
  process.stderr.write(`compile: ${n} articles, incremental\n`);
  const input = path.join(work, 'incremental');
  await cp(await ensureCorpus(n, options.seed), input, { recursive: true });
  const cache = path.join(work, 'cache');
  const args = ['--in', input, '--out', path.join(work, 'out'), '--jobs', String(jobs), '--cache', cache];
  // Filling the cache is itself a cold compile on all threads, plus the cache writes.
  record(rec, `cold ${jobs} threads + cache fill`, n, [await child(args)]);
  const names = (await readdir(input)).sort();
  // Two kinds of edit, each before every run of its own figure, each to another article: a
  // correction that reports no event (the article's events stay as they were, so merge keeps
  // every cluster), and a dated sentence that reports a new one (the clusters it touches are
  // made again). The events the run made tell them apart.
  const kinds = [
    { label: 'incremental (1 changed)', sentence: (i: number) => `Correction appended for benchmark run ${i}.`, event: false },
    {
      label: 'incremental (1 changed, new event)',
      sentence: (i: number) =>
        `Officials from both sides met again on March ${(Math.abs(i) % 28) + 1}, 2024, to sign the accord.`,
      event: true,
    },
  ];
  for (const [k, edit] of kinds.entries()) {
    const reports = await repeat(options.warmups, options.runs, async (i) => {
      const name = names[(i * kinds.length + k + names.length) % names.length] as string;
      await appendFile(path.join(input, name), `\n${edit.sentence(i)}\n`);
      const report = await child(args);
      if (report.compiled !== 1)
        throw new Error(`compile bench: expected 1 article recompiled after one change, got ${report.compiled}`);
      if (edit.event !== report.made > 0)
        throw new Error(
          `compile bench: expected ${edit.event ? 'events' : 'no event'} made again after "${edit.sentence(i)}", got ${report.made}`,
        );
      return report;
    });
    rec.add(`${edit.label} time`, median(reports.map((r) => r.ms)) / 1000, 's', n, `cache on, ${jobs} jobs`);
    rec.add(`${edit.label} peak RSS`, median(reports.map((r) => r.maxRssMiB)), 'MiB', n);
    // What `npm run compile` takes end to end: the run, plus starting Node and loading the (bundled) compiler.
    const startUp = 'the whole process: includes starting Node and loading the compiler';
    rec.add(`${edit.label} process wall time`, median(reports.map((r) => r.wallMs)) / 1000, 's', n, startUp);
  }
  // Then a run in which nothing changed.
  const unchanged = await repeat(options.warmups, options.runs, async () => {
    const report = await child(args);
    if (report.compiled !== 0)
      throw new Error(`compile bench: expected nothing recompiled when nothing changed, got ${report.compiled}`);
    return report;
  });
  rec.add('incremental (none changed) time', median(unchanged.map((r) => r.ms)) / 1000, 's', n, `cache on, ${jobs} jobs`);
  rec.add(
    'incremental (none changed) process wall time',
    median(unchanged.map((r) => r.wallMs)) / 1000,
    's',
    n,
    'the whole process: includes starting Node and loading the compiler',
  );

  // The same in one process kept running, as `npm run compile -- --watch` is: it starts from
  // the saved state, then each edit is compiled with the last run's state in memory. The
  // first edit also pays the NLP libraries' first call, so it is a warm-up like the others.
  process.stderr.write(`compile: ${n} articles, incremental in a running compile (--watch)\n`);
  const watched = await child([...args, '--edits', String(options.warmups + options.runs)]);
  const edits = watched.edits.slice(options.warmups);
  if (edits.length === 0 || watched.edits.some((edit) => edit.compiled !== 1))
    throw new Error(`compile bench: expected 1 article recompiled after each watched edit, got ${JSON.stringify(watched.edits)}`);
  const note = `one process, state kept in memory; from the edit, not counting --watch's ${SETTLE_MS} ms wait for the folder to settle`;
  rec.add('incremental (1 changed), running compile: output in place', median(edits.map((e) => e.outputMs)) / 1000, 's', n, note);
  rec.add('incremental (1 changed), running compile: state saved', median(edits.map((e) => e.ms)) / 1000, 's', n, note);
  rec.add('incremental (1 changed), running compile: peak RSS', Math.max(...edits.map((e) => e.maxRssMiB)), 'MiB', n);
}
