/**
 * `npm run compile` without --check: a folder of articles → the output folder, doing only
 * the work that changed since the last run with the same cache. Beside the per-article
 * cache it keeps one state folder per output folder (for one compiler, catalogue and options):
 *
 * - the stamp (size, times, inode) and cache key of every article file, so an unchanged
 *   file is not read again;
 * - what assembly derived from every article and the clusters it made (see incremental.ts),
 *   so only the clusters that changed articles touch are merged again: an outline written
 *   whole now and then, and in between each run's change to it;
 * - the files of the output folder and the stamp of its `timeline.json`.
 *
 * When the output folder is as that run left it, only the files that change are written
 * (applyChanges), and a run in which no article file changed reads nothing but the file
 * stamps and writes nothing; otherwise, or without a state, everything is assembled and the
 * folder is replaced as a whole (writeOutput). Either way the output is the same bytes
 * `compile` makes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compilerFingerprint, openCache, readCachedSync, type ArticleCache } from './cache';
import { scanInputFolder, type FileStamp, type ReadFile } from './inputs';
import type { CompileError } from './errors';
import {
  assembleIncremental,
  NOTHING_ASSEMBLED,
  packAssembly,
  recordOf,
  unpackAssembly,
  type ArticleRecord,
  type Assembled,
  type AssemblyChange,
  type ItemReader,
} from './incremental';
import { compileInputs, hasStages, jobsOf, type CompileStats, type ParallelCompileOptions } from './parallel';
import { startWarmCompile } from './warm';
import type { CompiledArticle } from './assemble';
import { applyChanges, listFiles, writeOutput } from './write';

/** Bumped when the state's layout changes; a state of another format is ignored. */
const STATE_FORMAT = 9;

/**
 * A file changed less than this long before a run may change again within the same
 * timestamp tick; its stamp is not trusted next time (it is read again instead).
 */
const RACY_MS = 2000;

/**
 * How many runs' changes the state keeps beside its outline before it writes the outline anew.
 * Keeping a change costs a recompile of one article of 10,000 a few kilobytes written instead
 * of ~17 MB packed and written (~40 ms against 0.2–0.3 s); a run that reads the state back
 * pays ~30 ms for the first change and ~5–10 ms for each further one.
 */
export const CHANGES_KEPT = 8;

/** A state not written for this long belongs to an output folder nobody compiles to any more. */
const STATE_UNUSED_MS = 30 * 24 * 3600 * 1000;

/** What a run's output holds and the warnings it gave: all a run in which nothing changed reports. */
type Outline = { articles: number; events: number; actors: number; warnings: string[] };

/**
 * `state.json` in a run's folder. What only assembly needs is in files of its own (`assembly`),
 * so that a run in which nothing changed reads no more than this small file. The records'
 * items are not kept here: they are the per-article cache's, read back from there when a run
 * makes again a cluster they belong to.
 */
type State = {
  format: number;
  /** Hash of the compiler version, catalogue, options and output folder the state belongs to. */
  settings: string;
  /** Article files by name: stamp and cache key. */
  inputs: Record<string, FileStamp & { key: string }>;
  outline: Outline;
  /**
   * The files of the run's assembly (PackedAssembly): the outline (records without their items,
   * clusters, shards), never rewritten in place, and the events file, of which the state names
   * the first `lines` lines (`bytes` long). A run appends to the events file (or writes a new
   * one), then writes a new outline, then `state.json`, so the state that names them is always
   * whole: what follows its `bytes` is a later run's that did not finish. `changes` names the
   * file of the changes made since the outline was written (AssemblyChange), one a line, of
   * which the state names the first `count` (`bytes` long), kept the same way.
   */
  assembly: {
    outline: string;
    events: string;
    lines: number;
    bytes: number;
    changes?: { file: string; count: number; bytes: number };
  };
  /** The output folder's files, and the stamp and content hash of its `timeline.json`. */
  output: { paths: string[]; index: FileStamp; indexHash: string };
};

/** A record's items could not be read back: the state is damaged, and the run starts over without it. */
class DamagedState extends Error {}

/**
 * What a run leaves in memory for the next run in the same process (`--watch`): the state it
 * saved, with every article record, so the next run need not read them back. Used only for the
 * same state folder and settings, and only while the output folder is as that run left it, as
 * a state read from disk is.
 */
export type BuildMemory = {
  last?: { stateDir: string; settings: string; state: State; assembled: Assembled };
};

export type BuildOptions = ParallelCompileOptions & {
  in: string;
  out: string;
  /** How long before a run a file must have last changed for its stamp to be trusted next time (default RACY_MS). */
  racyMs?: number;
  /** Above this share of new merge items, every event is made again (assembleIncremental's default). */
  redoAllShare?: number;
  /** Whether a few changed articles may be compiled by a warm process while the state is read (default true; see warm.ts). */
  warmStart?: boolean;
};

export type BuildOutcome =
  | {
      ok: true;
      /** How many articles, events and actors the output holds. */
      counts: Omit<Outline, 'warnings'>;
      warnings: string[];
      stats: CompileStats & {
        /** Whether the output folder was updated in place (false: assembled anew and replaced). */
        incremental: boolean;
        /** Article files whose bytes were read (the others were known by their stamps). */
        read: number;
        /** Size of all article files. */
        bytes: number;
        written: number;
        removed: number;
        /** Events made again from their items (the others were kept as the last run wrote them). */
        made: number;
        /** Milliseconds from the start of the run until the output was in place (the state is saved after). */
        outputMs: number;
      };
    }
  | { ok: false; errors: CompileError[] };

const sha256 = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

const STATE_FILE = 'state.json';

/** Writes `content` to `file` through a temporary file, so a reader never sees half of it. */
async function writeWhole(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function loadState(dir: string, settings: string): Promise<State | undefined> {
  try {
    const state = JSON.parse(await readFile(path.join(dir, STATE_FILE), 'utf8')) as Partial<State>;
    const complete = state.inputs && state.outline && state.assembly && state.output;
    return state.format === STATE_FORMAT && state.settings === settings && complete ? (state as State) : undefined;
  } catch {
    return undefined;
  }
}

/** The state's assembly, its records without their items, or undefined when a file is missing or damaged. */
async function loadAssembled(dir: string, state: State): Promise<Assembled | undefined> {
  try {
    const { changes } = state.assembly;
    const [outline, events, log] = await Promise.all([
      readFile(path.join(dir, state.assembly.outline), 'utf8'),
      // Bytes: a line is decoded only when its event is written.
      readFile(path.join(dir, state.assembly.events)),
      changes && readFile(path.join(dir, changes.file)),
    ]);
    // What follows the changes the state names is a later run's that did not finish.
    const kept = changes && log ? log.subarray(0, changes.bytes).toString('utf8').split('\n') : [];
    if (changes && (log?.length ?? 0) < changes.bytes) return undefined;
    if (changes && kept.length !== changes.count) return undefined;
    return unpackAssembly({ outline, events, changes: kept });
  } catch {
    return undefined;
  }
}

/**
 * Reads records' items back: made again from the article's entry in the per-article cache,
 * which holds the compiled article the record was made of (a record's key is its cache key).
 * Throws DamagedState when the entry is gone or damaged.
 */
function itemReader(cache: ArticleCache): ItemReader {
  return (record) => {
    const compiled = readCachedSync(cache, record.key);
    const items = compiled && recordOf(record.key, compiled).items;
    if (items?.length !== record.links.length)
      throw new DamagedState(`the cache entry of ${record.summary.id}, which the compile state names, is missing or damaged`);
    return items;
  };
}

/** A file name no earlier run of this state used. */
const freshName = (prefix: string, extension: string) =>
  `${prefix}-${Date.now().toString(36)}-${process.pid.toString(36)}-${randomBytes(4).toString('hex')}.${extension}`;

/**
 * Writes the state: the events the run made (appended to the events file, or a new one), the
 * run's change (appended to the changes file) or a new outline, then `state.json`; then
 * removes what it no longer names. `before` is the state the run started from, whose events
 * file the assembly's kept clusters name lines of, and `change` what the run changed of it.
 * Returns the state as written, and the assembly with every cluster's line.
 */
async function saveState(
  dir: string,
  fields: Omit<State, 'assembly'>,
  assembled: Assembled,
  before: State['assembly'] | undefined,
  change: AssemblyChange,
): Promise<{ state: State; assembled: Assembled }> {
  await mkdir(dir, { recursive: true });
  const kept = before?.changes;
  // A change is of the outline `before` names: kept only while that is there (a run from memory reads none of it).
  const room =
    before !== undefined &&
    (kept?.count ?? 0) < CHANGES_KEPT &&
    (await stat(path.join(dir, before.outline)).then(
      () => true,
      () => false,
    ));
  const packed = packAssembly(assembled, before?.lines ?? 0, room ? change : undefined);
  let events = before?.events ?? '';
  let bytes = before?.bytes ?? 0;
  if (packed.anew) {
    events = freshName('events', 'lines');
    const text = packed.lines.join('\n');
    await writeWhole(path.join(dir, events), text);
    bytes = Buffer.byteLength(text);
  } else if (packed.lines.length > 0) {
    // What a run that stopped before its state.json appended is cut first.
    const text = `\n${packed.lines.join('\n')}`;
    await truncate(path.join(dir, events), bytes);
    await appendFile(path.join(dir, events), text);
    bytes += Buffer.byteLength(text);
  }
  const lines = packed.anew ? packed.lines.length : (before?.lines ?? 0) + packed.lines.length;
  let assembly: State['assembly'];
  if (packed.change && before !== undefined) {
    // The change follows the ones kept (what a run that stopped before its state.json appended is cut first).
    const file = kept?.file ?? freshName('changes', 'lines');
    const text = kept ? `\n${packed.outline}` : packed.outline;
    if (kept) await truncate(path.join(dir, file), kept.bytes);
    await appendFile(path.join(dir, file), text);
    const changes = { file, count: (kept?.count ?? 0) + 1, bytes: (kept?.bytes ?? 0) + Buffer.byteLength(text) };
    assembly = { outline: before.outline, events, lines, bytes, changes };
  } else {
    assembly = { outline: freshName('assembly', 'json'), events, lines, bytes };
    await writeWhole(path.join(dir, assembly.outline), packed.outline);
  }
  const state: State = { ...fields, assembly };
  await writeWhole(path.join(dir, STATE_FILE), JSON.stringify(state));
  const named = new Set([STATE_FILE, assembly.outline, assembly.events, ...(assembly.changes ? [assembly.changes.file] : [])]);
  for (const name of await readdir(dir)) if (!named.has(name)) await rm(path.join(dir, name), { force: true });
  // The states of output folders nobody has compiled to for a month go.
  const runs = path.dirname(dir);
  for (const name of await readdir(runs)) {
    const stats = await stat(path.join(runs, name, STATE_FILE)).catch(() => undefined);
    if (stats && Date.now() - stats.mtimeMs > STATE_UNUSED_MS) await rm(path.join(runs, name), { recursive: true, force: true });
  }
  // Written anew, every cluster holds its JSON: the lines read at the start need not be kept (`--watch`).
  const eventLine = packed.anew ? undefined : assembled.eventLine;
  return { state, assembled: { ...assembled, clusters: packed.clusters, eventLine } };
}

async function stampOf(file: string): Promise<FileStamp | undefined> {
  const stats = await stat(file).catch(() => undefined);
  return stats && { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/** Whether `out` holds exactly the files the state's run wrote, with its `timeline.json` untouched since. */
async function outputIntact(out: string, recorded: State['output']): Promise<boolean> {
  const index = await stampOf(path.join(out, 'timeline.json'));
  if (index === undefined || JSON.stringify(index) !== JSON.stringify(recorded.index)) return false;
  const files = await listFiles(out).catch(() => undefined);
  return files !== undefined && files.length === recorded.paths.length && files.every((file, i) => file === recorded.paths[i]);
}

/**
 * Compiles `options.in` into `options.out`, reusing what an earlier run with the same cache
 * made. A `memory` kept between runs in one process holds the last run's state in memory.
 */
export async function build(options: BuildOptions, memory?: BuildMemory): Promise<BuildOutcome> {
  try {
    return await buildOnce(options, memory, true);
  } catch (error) {
    if (!(error instanceof DamagedState)) throw error;
    // Found when the items were needed: everything is assembled anew, from the per-article cache.
    if (memory) memory.last = undefined;
    return buildOnce(options, memory, false);
  }
}

async function buildOnce(options: BuildOptions, memory: BuildMemory | undefined, useState: boolean): Promise<BuildOutcome> {
  const started = performance.now();
  const cacheDir = options.cacheDir ?? false;
  const compilerVersion = options.compilerVersion ?? (await compilerFingerprint(options.generator.version));
  let stateDir: string | undefined;
  let settings = '';
  let state: State | undefined;
  let remembered: BuildMemory['last'];
  let cache: ArticleCache | undefined;
  if (cacheDir !== false) {
    // One state per output folder; it is used only by a run with the same compiler, catalogue and options.
    cache = openCache(cacheDir, compilerVersion, options.catalog ?? []);
    const { salt } = cache;
    const out = path.resolve(options.out);
    stateDir = path.join(cacheDir, 'runs', sha256(out).slice(0, 32));
    settings = sha256(salt, JSON.stringify([options.generator, options.shardEvents ?? null, out]));
    const last = memory?.last;
    remembered = last && last.stateDir === stateDir && last.settings === settings ? last : undefined;
    state = useState ? (remembered?.state ?? (await loadState(stateDir, settings))) : undefined;
  }
  const standing = stateDir && state && (await outputIntact(path.resolve(options.out), state.output)) ? state : undefined;
  const scanned = Date.now();
  const inputs = await scanInputFolder(options.in, new Map(Object.entries(state?.inputs ?? {})));
  // Nothing changed: every file is known by its unchanged stamp, none is new or gone, and the
  // output is as the state's run left it. That run's outline is this one's; nothing is read.
  if (stateDir && standing && inputs.length === Object.keys(standing.inputs).length && inputs.every((input) => 'key' in input)) {
    const { warnings, ...counts } = standing.outline;
    const bytes = Object.values(standing.inputs).reduce((sum, stamp) => sum + stamp.size, 0);
    const articles = inputs.length;
    const stats = { articles, cached: articles, compiled: 0, onWorkers: 0, workers: 0, warm: 0 };
    const outputMs = performance.now() - started;
    // The state was used: it is not one that nobody compiles to any more (see saveState).
    const now = new Date();
    await utimes(path.join(stateDir, STATE_FILE), now, now).catch(() => undefined);
    return {
      ok: true,
      counts,
      warnings,
      stats: { ...stats, incremental: true, read: 0, bytes, written: 0, removed: 0, made: 0, outputMs },
    };
  }
  // A few changed articles: compiled on the other core while the state is read back from disk,
  // by a process that has the stages loaded already (see warm.ts). Not in a process that has
  // them loaded itself, nor with the state in memory (`--watch`): there is nothing to overlap.
  const warm =
    (options.warmStart ?? true) && jobsOf(options) > 1 && !hasStages() && remembered === undefined
      ? startWarmCompile(
          inputs.filter((input): input is ReadFile => !('key' in input)),
          { catalog: options.catalog ?? [] },
        )
      : undefined;
  let outcome: Awaited<ReturnType<typeof compileInputs>>;
  let previous: Assembled | undefined;
  const recordByKey = new Map<string, ArticleRecord>();
  try {
    previous = stateDir && standing ? (remembered?.assembled ?? (await loadAssembled(stateDir, standing))) : undefined;
    for (const record of (previous ?? NOTHING_ASSEMBLED).articles) recordByKey.set(record.key, record);
    outcome = await compileInputs(inputs, {
      ...options,
      compilerVersion,
      have: new Map([...recordByKey].map(([key, record]) => [key, record.summary.id])),
      ...(warm === undefined ? {} : { warm }),
    });
  } finally {
    warm?.stop();
  }
  const intact = previous !== undefined;
  if (!outcome.ok) return { ok: false, errors: outcome.errors };
  const { keys, compiled } = outcome.value;

  const fresh = new Map<string, CompiledArticle>();
  const records: ArticleRecord[] = keys.map((key, i) => {
    const made = compiled[i];
    if (made === undefined) return recordByKey.get(key) as ArticleRecord;
    fresh.set(key, made);
    return recordOf(key, made);
  });
  records.sort((a, b) => (a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0));
  const readItems = cache && itemReader(cache);
  const assembled = assembleIncremental(previous ?? NOTHING_ASSEMBLED, records, fresh, options, {
    readItems,
    ...(options.redoAllShare === undefined ? {} : { redoAllShare: options.redoAllShare }),
  });
  if (!assembled.ok) return { ok: false, errors: assembled.errors };
  const { output } = assembled;

  // A `timeline.json` with the bytes the last run wrote is left as it is (an edit that changes
  // only an article's text, such as a correction that reports no event, changes no index).
  const indexText = output.write.find((file) => file.path === 'timeline.json')?.content;
  const indexHash = typeof indexText === 'string' ? sha256(indexText) : '';
  const write =
    intact && standing?.output.indexHash === indexHash
      ? output.write.filter((file) => file.path !== 'timeline.json')
      : output.write;
  if (intact) await applyChanges(options.out, write, output.remove);
  else await writeOutput(options.out, write);
  const outputMs = performance.now() - started;

  if (stateDir !== undefined) {
    const index = await stampOf(path.join(path.resolve(options.out), 'timeline.json'));
    const inputsByName: State['inputs'] = {};
    outcome.value.inputs.forEach((input, i) => {
      const key = keys[i] as string;
      if ('key' in input) {
        const before = state?.inputs[input.file];
        if (before) inputsByName[input.file] = before;
        return;
      }
      const { stamp } = input as ReadFile;
      // A file changed just before the scan may change again without its stamp changing.
      if (stamp && Math.max(stamp.mtimeMs, stamp.ctimeMs) < scanned - (options.racyMs ?? RACY_MS))
        inputsByName[input.file] = { ...stamp, key };
    });
    if (index !== undefined) {
      const saved = await saveState(
        stateDir,
        {
          format: STATE_FORMAT,
          settings,
          inputs: inputsByName,
          outline: { ...output.counts, warnings: output.warnings },
          output: { paths: [...output.paths].sort(), index, indexHash },
        },
        output.next,
        // The events file the kept clusters name lines of, and the outline the change is of.
        intact ? standing?.assembly : undefined,
        output.change,
      );
      if (memory) memory.last = { stateDir, settings, ...saved };
    }
  }
  const bytes = outcome.value.inputs.reduce(
    (sum, input) => sum + ('key' in input ? (state?.inputs[input.file]?.size ?? 0) : input.bytes.length),
    0,
  );
  return {
    ok: true,
    counts: output.counts,
    warnings: output.warnings,
    stats: {
      ...outcome.stats,
      incremental: intact,
      read: inputs.filter((input) => !('key' in input)).length,
      bytes,
      written: write.length,
      made: output.made,
      removed: output.remove.length,
      outputMs,
    },
  };
}
