/**
 * Parallel, cached compile: the same result as `compile`, byte for byte, but the
 * per-article stages run on worker threads and an article whose bytes, compiler and
 * catalogue are unchanged is taken from the cache instead of being compiled again.
 * Only `assemble` (merge, validate, serialise) sees all articles, on the main thread.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { cacheKey, compilerFingerprint, openCache, readCached, relocated, writeCached } from './cache';
import { mapLimited } from './concurrency';
import { CompileError } from './errors';
import {
  assemble,
  readArticles,
  type ArticleContext,
  type CompiledArticle,
  type CompileOptions,
  type CompileResult,
  type InputFile,
} from './assemble';
import type { Article } from './read';
import type { WarmCompile } from './warm';
import type { WorkerError, WorkerInit, WorkerReply, WorkerTask } from './worker';

export type ParallelCompileOptions = CompileOptions & {
  /** Threads to compile on, the main thread included (so jobs - 1 workers); 1 means no workers. Default: os.availableParallelism(). */
  jobs?: number;
  /** Cache folder, or false for no cache. Default: no cache (the CLI passes DEFAULT_CACHE_DIR). */
  cacheDir?: string | false;
  /** Version baked into cache keys. Default: compilerFingerprint(generator.version). */
  compilerVersion?: string;
  /** Called as articles finish; `true` draws a bar on stderr when it is a terminal. Default: true. */
  progress?: boolean | ((done: number, total: number) => void);
  /** Whether the main thread compiles too (default true); false leaves all of it to `jobs` workers. */
  mainThread?: boolean;
  /** Per-article compile for the articles done on the main thread (tests count calls with it); workers use article.ts's. */
  compileOne?: (article: Article, context: ArticleContext) => CompiledArticle;
  /** Articles to compile from which workers start before the articles are read (default WORKERS_UP_FRONT). */
  workersUpFront?: number;
  /** A warm process already compiling some of the articles (see warm.ts): what it compiled is taken from it. */
  warm?: WarmCompile;
};

/** What a run did: articles taken from the cache, compiled (of them on workers, and by a warm process), and workers started. */
export type CompileStats = {
  articles: number;
  cached: number;
  compiled: number;
  onWorkers: number;
  workers: number;
  warm: number;
};

/**
 * Main-thread work (ms, projected) that must be left before workers are started: a worker
 * loads the whole compiler first, ~1–3 s on an idle 2-core machine and far more on a busy one.
 */
export const WORKER_WORTH_MS = 3000;

/**
 * Articles to compile from which workers are started before the articles are read, so that
 * their start-up overlaps the reading instead of following the main thread's first batches.
 * Even at 3 ms an article (a fifth of what a generated article costs on this machine) that is
 * 3 s of work, so the workers always pay off. On 3,000 articles the worker's first results
 * came 1.1–3.7 s sooner than when it was started after the second batch.
 */
export const WORKERS_UP_FRONT = 1000;

/**
 * Batches handed to a worker before it is done with the one it compiles. The main thread
 * reads a worker's reply only between its own batches (up to 32 articles, ~0.6 s), so a
 * worker given one batch at a time waited 4.4–5.3 s of a 2,000-article run to be fed
 * (0.04–0.18 s with two), about a fifth of its time.
 */
const BATCHES_IN_FLIGHT = 2;

/** Cache files read or written at once. */
const FILE_CONCURRENCY = 64;

/** Below this many articles the default progress bar stays quiet. */
const PROGRESS_MIN_ARTICLES = 200;

/**
 * An article file whose cache key is already known (an earlier run recorded the key with the
 * file's size and times, and they have not changed), so its bytes need not be read unless the
 * cache lacks the entry. `path` is where to read it then.
 */
export type KnownFile = { file: string; key: string; path: string };

export type ArticleInput = InputFile | KnownFile;

const isKnown = (input: ArticleInput): input is KnownFile => 'key' in input;

/** The per-article results of a run, in file-name order. */
export type CompiledInputs = {
  /** Every input, sorted by file name. */
  inputs: ArticleInput[];
  /** Each input's cache key (its file name without a cache). */
  keys: string[];
  /** Each input's result; undefined for the ones the caller said it has (`have`). */
  compiled: (CompiledArticle | undefined)[];
};

/**
 * The per-article part of a compile: takes each article from the cache or compiles it (on
 * workers when the work is big enough), or skips it when `have` holds its cache key (the
 * caller has what it needs of it; the value is its article id, for the duplicate check).
 */
export async function compileInputs(
  inputs: readonly ArticleInput[],
  options: ParallelCompileOptions & { have?: ReadonlyMap<string, string> },
): Promise<
  { ok: true; value: CompiledInputs; stats: CompileStats } | { ok: false; errors: CompileError[]; stats: CompileStats }
> {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const context: ArticleContext = { catalog: options.catalog ?? [] };
  const cache =
    options.cacheDir === undefined || options.cacheDir === false
      ? undefined
      : openCache(
          options.cacheDir,
          options.compilerVersion ?? (await compilerFingerprint(options.generator.version)),
          context.catalog,
        );
  if (!cache && sorted.some(isKnown)) throw new Error('compileInputs: expected a cache for inputs known by cache key');
  // Without a cache the file name stands in: unique within a run, which is all the caller needs then.
  const keys = sorted.map((input) => (isKnown(input) ? input.key : cache ? cacheKey(cache, input) : input.file));
  const have = options.have ?? new Map<string, string>();
  const held = keys.map((key) => have.has(key));
  const compiled: (CompiledArticle | undefined)[] = cache
    ? await mapLimited(keys, FILE_CONCURRENCY, async (key, i) => {
        if (held[i]) return undefined;
        const entry = await readCached(cache, key);
        return entry && relocated(entry, (sorted[i] as ArticleInput).file);
      })
    : new Array<undefined>(sorted.length).fill(undefined);
  const missing = compiled.flatMap((entry, i) => (entry === undefined && !held[i] ? [i] : []));
  const stats: CompileStats = {
    articles: sorted.length,
    cached: sorted.length - missing.length,
    compiled: 0,
    onWorkers: 0,
    workers: 0,
    warm: 0,
  };

  // Workers that will be needed start now, so that their start-up overlaps the reading.
  const crew =
    missing.length >= (options.workersUpFront ?? WORKERS_UP_FRONT) && (options.mainThread ?? true)
      ? startCrew(jobsOf(options) - 1, context)
      : undefined;
  try {
    // Only articles missing from the cache are read: a hit was read without error before (same name, bytes, compiler).
    const files = await Promise.all(missing.map((i) => bytesOf(sorted[i] as ArticleInput)));
    const fresh = readArticles(files);
    const readIds = fresh.articles.map((article) => article.meta.id);
    const cachedIds = compiled.flatMap((entry, i) =>
      entry ? [entry.article.meta.id] : held[i] ? [have.get(keys[i] as string) as string] : [],
    );
    if (fresh.errors.length > 0 || hasDuplicates([...cachedIds, ...readIds])) {
      // Read everything again so the errors are exactly those of `compile`, in the same order.
      const { errors } = readArticles(await Promise.all(sorted.map(bytesOf)));
      if (errors.length > 0) return { ok: false, errors, stats: { ...stats, cached: 0 } };
    }

    const report = progressReporter(options.progress ?? true, sorted.length);
    let done = stats.cached;
    const tasks = missing.map((index, k) => ({ index, article: fresh.articles[k] as Article }));
    // Each result goes to the cache as soon as it is made, so a run that is stopped part-way
    // (Ctrl-C, a crash, a full disk later on) keeps the work it has done for the next run.
    const cacheWrites: Promise<void>[] = [];
    let cacheFailure: { error: unknown } | undefined;
    const finish = (index: number, result: CompiledArticle, by: 'main' | 'worker' | 'warm'): void => {
      compiled[index] = result;
      stats.compiled += 1;
      if (by === 'worker') stats.onWorkers += 1;
      if (by === 'warm') stats.warm += 1;
      // Caught at once (a rejection left unhandled until the end would stop the process).
      if (cache)
        cacheWrites.push(
          writeCached(cache, keys[index] as string, result).catch((error: unknown) => {
            cacheFailure ??= { error };
          }),
        );
      report?.(++done, sorted.length);
    };
    // What a warm process compiled is taken from it; what it could not, is compiled here.
    const { warm } = options;
    const warmed = warm ? await Promise.all(missing.map((_, k) => warm.result(files[k] as InputFile))) : [];
    const left = tasks.filter((task, k) => {
      const result = warmed[k];
      if (result !== undefined) finish(task.index, result, 'warm');
      return result === undefined;
    });
    stats.workers = await compileTasks(left, context, options, crew, (index, result, onWorker) =>
      finish(index, result, onWorker ? 'worker' : 'main'),
    );
    report?.(-1, sorted.length);
    await Promise.all(cacheWrites);
    if (cacheFailure) throw cacheFailure.error;
    return { ok: true, value: { inputs: sorted, keys, compiled }, stats };
  } finally {
    // Workers the run did not come to use (a read error, or too little work) stop here.
    await crew?.stop();
  }
}

/** The bytes of an input, read now for a known file. */
async function bytesOf(input: ArticleInput): Promise<InputFile> {
  if (!isKnown(input)) return input;
  try {
    return { file: input.file, bytes: await readFile(input.path) };
  } catch (error) {
    throw new CompileError({
      file: input.file,
      code: 'input',
      message: `expected a readable file, got ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    });
  }
}

/** Compiles like `compile`, on worker threads and through the cache. */
export async function compileParallel(
  inputs: readonly InputFile[],
  options: ParallelCompileOptions,
): Promise<{ result: CompileResult; stats: CompileStats }> {
  const outcome = await compileInputs(inputs, options);
  if (!outcome.ok) return { result: { ok: false, errors: outcome.errors }, stats: outcome.stats };
  return { result: assemble(outcome.value.compiled as CompiledArticle[], options), stats: outcome.stats };
}

function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}

/** The URL of the worker entry and how to start it: under tsx a .ts file needs tsx's loader registered first. */
function startWorker(init: WorkerInit): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: init });
  // Node 20 does not apply `--import tsx` to a worker's entry module, so a small JS
  // bootstrap registers tsx's ESM hooks inside the worker and then imports the entry.
  const tsxApi =
    typeof import.meta.resolve === 'function'
      ? import.meta.resolve('tsx/esm/api')
      : // Some module runners lack import.meta.resolve; require.resolve finds the CommonJS twin beside the ESM file.
        pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: init });
}

function reviveError(error: WorkerError): Error {
  const revived = error.compile ? new CompileError({ ...error.compile, message: error.message }) : new Error(error.message);
  if (error.stack !== undefined) revived.stack = error.stack;
  return revived;
}

type Task = { index: number; article: Article };

let stagesLoaded = false;

/** Whether this process has loaded the per-article stages (then it compiles a few articles sooner than a warm process could start). */
export const hasStages = (): boolean => stagesLoaded;

/** Threads to compile on, the main thread included. */
export const jobsOf = (options: ParallelCompileOptions): number =>
  Math.max(1, Math.floor(options.jobs ?? availableParallelism()));

/** Workers started before there is work for them; an error one raises before it is given work is kept for then. */
type Crew = { workers: Worker[]; failure?: Error; stop: () => Promise<void> };

function startCrew(count: number, context: ArticleContext): Crew | undefined {
  if (count < 1) return undefined;
  const crew: Crew = {
    workers: [],
    stop: async () => {
      await Promise.all(crew.workers.map((worker) => worker.terminate()));
    },
  };
  for (let i = 0; i < count; i++) {
    const worker = startWorker({ role: 'dateline-compile-worker', context });
    worker.on('error', (error) => (crew.failure ??= error));
    worker.on('exit', (code) => (crew.failure ??= new Error(`compile worker: expected to start, got exit code ${code}`)));
    crew.workers.push(worker);
  }
  return crew;
}

/**
 * Compiles every task on the main thread and on workers: those of `crew`, started before the
 * articles were read, or else, when the work is big enough, up to `jobs - 1` started once the
 * main thread has timed its first batches. The main thread starts at once, so a small run
 * never waits for workers to boot, and workers take batches as they come up. Returns the
 * number of workers used.
 */
async function compileTasks(
  tasks: readonly Task[],
  context: ArticleContext,
  options: ParallelCompileOptions,
  crew: Crew | undefined,
  finish: (index: number, result: CompiledArticle, onWorker: boolean) => void,
): Promise<number> {
  const jobs = jobsOf(options);
  const mainThread = options.mainThread ?? true;
  let compileOne = options.compileOne;
  // Several small batches per thread keep every thread busy to the end without a message per article.
  const size = Math.max(1, Math.min(32, Math.ceil(tasks.length / (jobs * 8))));
  const batches: Task[][] = [];
  for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
  const workers: Worker[] = [];

  let next = 0;
  let pending = batches.length;
  let failure: Error | undefined;
  let settle: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (settle = resolve));
  const fail = (error: Error): void => {
    failure ??= error;
    settle();
  };
  const complete = (batch: Task[], results: readonly CompiledArticle[], onWorker: boolean): void => {
    batch.forEach((task, k) => finish(task.index, results[k] as CompiledArticle, onWorker));
    if (--pending === 0) settle();
  };
  const feed = (worker: Worker): void => {
    if (next >= batches.length || failure) return;
    const batch = next++;
    const task: WorkerTask = { batch, articles: (batches[batch] ?? []).map((t) => t.article) };
    worker.postMessage(task);
  };
  const employ = (worker: Worker): void => {
    worker.on('message', (reply: WorkerReply) => {
      if (!reply.ok) return fail(reviveError(reply.error));
      complete(batches[reply.batch] ?? [], reply.results, true);
      feed(worker);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (pending > 0) fail(new Error(`compile worker: expected to run until the work was done, got exit code ${code}`));
    });
    for (let k = 0; k < BATCHES_IN_FLIGHT; k++) feed(worker);
  };
  const startWorkers = (count: number): void => {
    for (let i = 0; i < count; i++) {
      const worker = startWorker({ role: 'dateline-compile-worker', context });
      workers.push(worker);
      employ(worker);
    }
  };
  if (crew?.failure) fail(crew.failure);
  else if (crew && batches.length > 0) crew.workers.forEach(employ);
  if (!mainThread) startWorkers(Math.min(jobs, batches.length));
  try {
    while (mainThread && next < batches.length && !failure) {
      const number = next++;
      const batch = batches[number] ?? [];
      // Loaded for the first batch: a run that compiles nothing on this thread never loads the
      // stages and the NLP libraries they use (~1 s).
      const compileNow = (compileOne ??= (await import('./article')).compileArticle);
      stagesLoaded = true;
      const started = performance.now();
      try {
        complete(
          batch,
          batch.map((t) => compileNow(t.article, context)),
          false,
        );
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
      // Workers only pay off when the work left outlasts their start-up (each loads the whole
      // compiler). Judge by the second batch: the first one also pays the stages' lazy set-up.
      if (number === 1 && jobs > 1 && crew === undefined) {
        const left = Math.max(0, tasks.length - next * size);
        if (((performance.now() - started) / batch.length) * left > WORKER_WORTH_MS)
          startWorkers(Math.min(jobs - 1, batches.length - next));
      }
      // Let worker replies in between batches, so the workers are fed while the main thread works.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (pending > 0 && !failure) await allDone;
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return workers.length + (crew && batches.length > 0 ? crew.workers.length : 0);
}

/** A progress callback: the caller's, a stderr bar for large runs on a terminal, or none. `done < 0` ends the bar. */
function progressReporter(
  progress: boolean | ((done: number, total: number) => void),
  total: number,
): ((done: number, total: number) => void) | undefined {
  if (typeof progress === 'function') return (done, all) => (done >= 0 ? progress(done, all) : undefined);
  if (!progress || !process.stderr.isTTY || total < PROGRESS_MIN_ARTICLES) return undefined;
  let shown = -1;
  return (done, all) => {
    if (done < 0) {
      process.stderr.write('\r\u001b[2K');
      return;
    }
    const percent = Math.floor((done / all) * 100);
    if (percent === shown) return;
    shown = percent;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${all} articles`);
  };
}
