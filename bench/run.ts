/**
 * `npm run bench`: runs the benchmarks, prints a table and writes bench/results.json.
 * Parts: compile (generated corpora, cold/parallel/incremental), quality (the generated
 * corpora scored against the events they plant), bundle (gzip sizes of the production
 * build), viewer (headless Chromium vs a plain vis-timeline page) and lighthouse. `--only compile,bundle` runs a subset; `--quick` runs smaller sizes and
 * fewer repeats. See bench/README.md for how long each part takes.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { browserBench } from './browserBench';
import { bundleBench } from './bundleBench';
import { compileBench, type CompileMode } from './compileBench';
import { lighthouseBench } from './lighthouseBench';
import { qualityBench } from './qualityBench';
import { printTable, Recorder, saveResults, type Figure } from './results';
import { buildPlain, buildViewer } from './site';

const PARTS = ['compile', 'quality', 'bundle', 'viewer', 'lighthouse'] as const;
type Part = (typeof PARTS)[number];

const USAGE = `usage: npm run bench -- [--only PARTS] [--quick] [--compile-sizes N,N] [--quality-sizes N,N] [--compile-modes M,M] [--viewer-sizes N,N] [--runs N] [--warmups N] [--seed N] [--out FILE]

  --only PARTS          comma-separated subset of ${PARTS.join(', ')} (default: all)
  --quick               smaller sizes and fewer repeats (compile 100 and 1,000; viewer 1,000 and 10,000)
  --compile-sizes N,N   article counts for the compile part (default 100,1000,10000)
  --quality-sizes N,N   article counts for the quality part (default 1000,10000; quick 100)
  --viewer-sizes N,N    event counts for the viewer part (default 1000,10000,50000,250000)
  --compile-modes M,M   of thread, workers, incremental (default all three)
  --runs N              measured compile runs per figure, after the warm-ups (default 3; quick 2)
  --warmups N           compile runs before the measured ones (default 1; 0 for a long 10,000-article run)
  --seed N              seed of the generated corpora and timelines (default 1)
  --out FILE            results file (default bench/results.json; rows of parts not run are kept)`;

function sizes(text: string | undefined, fallback: number[]): number[] {
  if (text === undefined) return fallback;
  const values = text.split(',').map(Number);
  if (values.some((v) => !Number.isInteger(v) || v < 1))
    throw new Error(`expected sizes like 100,1000, got ${JSON.stringify(text)}`);
  return values;
}

function compileModes(text: string): CompileMode[] {
  const modes = text.split(',').map((m) => m.trim());
  const known: readonly string[] = ['thread', 'workers', 'incremental'];
  const bad = modes.filter((m) => !known.includes(m));
  if (bad.length > 0) throw new Error(`--compile-modes: expected thread, workers or incremental, got ${bad.join(', ')}`);
  return modes as CompileMode[];
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'compile-sizes': { type: 'string' },
      'quality-sizes': { type: 'string' },
      'viewer-sizes': { type: 'string' },
      runs: { type: 'string' },
      warmups: { type: 'string' },
      'compile-modes': { type: 'string', default: 'thread,workers,incremental' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench/results.json' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const only = (values.only?.split(',') ?? [...PARTS]).map((p) => p.trim());
  const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`--only: expected parts among ${PARTS.join(', ')}, got ${unknown.join(', ')}`);
  const parts = new Set(only as Part[]);
  const quick = values.quick;
  const seed = Number(values.seed);

  const work = path.resolve('bench', '.out');
  const viewerDist = path.join(work, 'dist');
  const plainDist = path.join(work, 'plain');
  await mkdir(work, { recursive: true });
  const figures: Figure[] = [];
  let built: Promise<void> | undefined;
  const needBuild = (): Promise<void> => (built ??= buildViewer(viewerDist));

  const steps: Record<Part, () => Promise<Recorder>> = {
    compile: () =>
      compileBench({
        sizes: sizes(values['compile-sizes'], quick ? [100, 1000] : [100, 1000, 10_000]),
        modes: compileModes(values['compile-modes']),
        warmups: values.warmups === undefined ? 1 : Math.max(0, Number(values.warmups)),
        runs: values.runs === undefined ? (quick ? 2 : 3) : Math.max(1, Number(values.runs)),
        seed,
      }),
    quality: () => qualityBench({ sizes: sizes(values['quality-sizes'], quick ? [100] : [1000, 10_000]), seed, work }),
    bundle: async () => (await needBuild(), bundleBench(viewerDist)),
    viewer: async () => {
      await needBuild();
      await buildPlain(plainDist);
      const viewerSizes = sizes(values['viewer-sizes'], quick ? [1000, 10_000] : [1000, 10_000, 50_000, 250_000]);
      return browserBench({ sizes: viewerSizes, quick, seed, viewerDist, plainDist });
    },
    lighthouse: async () => (await needBuild(), lighthouseBench(viewerDist, quick ? 1 : 3)),
  };
  for (const part of PARTS) {
    if (!parts.has(part)) continue;
    const started = Date.now();
    process.stderr.write(`bench: ${part}…\n`);
    try {
      figures.push(...(await steps[part]()).figures);
    } catch (error) {
      const failed = new Recorder(part);
      failed.missing(
        `${part} (whole part)`,
        '',
        null,
        error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
      );
      figures.push(...failed.figures);
    }
    process.stderr.write(`bench: ${part} took ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
  printTable(figures);
  await saveResults(values.out, figures);
  process.stdout.write(`wrote ${values.out}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exitCode = 1;
});
