/**
 * A warm start for small compiles. Loading the per-article stages (compromise, chrono-node) and
 * their first run cost a fresh process ~0.6 s, more than compiling a changed article; a run that
 * recompiles one article of 10,000 was spending it after reading its state, on the one thread.
 * When the bundle has a start-up snapshot of the stages (snapshot.ts), a run with a few articles
 * to compile starts a process from it as soon as it has read those files, and that process
 * compiles them on the other core while this one reads its state back. A result is used only
 * for the same file and bytes; anything that goes wrong there (no snapshot, a snapshot this Node
 * cannot load, a crash, an error in an article) leaves the article to be compiled here, as
 * without a warm start, so the output is always the same.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { ArticleContext, CompiledArticle, InputFile } from './assemble';
import type { WarmReply, WarmRequest } from './snapshot';

/** Node's flags for running the bundle's snapshot, the ones it was made with (scripts/compile.mjs defines them). */
declare const DATELINE_SNAPSHOT_FLAGS: readonly string[] | undefined;

/** Above this many articles to compile, a run compiles them as it always has (workers pay off, or the main thread's own load of the stages is a small share). */
export const WARM_MAX_ARTICLES = 8;

/** A start-up snapshot of the stages and Node's flags for running it. */
export type StagesSnapshot = { blob: string; flags: readonly string[] };

/** The snapshot beside the bundled compiler; none when the compiler runs from its sources (tsx). */
export function bundledSnapshot(): StagesSnapshot | undefined {
  const url = new URL('./stages.blob', import.meta.url);
  if (url.protocol !== 'file:' || typeof DATELINE_SNAPSHOT_FLAGS === 'undefined') return undefined;
  const blob = fileURLToPath(url);
  return existsSync(blob) ? { blob, flags: DATELINE_SNAPSHOT_FLAGS } : undefined;
}

/** Articles being compiled by a warm process. */
export type WarmCompile = {
  /** The compiled article for this file and these bytes, or undefined when the warm process has none: compile it yourself then. */
  result(input: InputFile): Promise<CompiledArticle | undefined>;
  /** Ends the process if it still runs. */
  stop(): void;
};

/**
 * Starts a process from `snapshot` compiling `files`, or returns undefined when there is nothing to
 * compile or too much. The child gets a clean environment for Node's own options: NODE_OPTIONS
 * that load modules (tsx) do not apply to a snapshot.
 */
export function startWarmCompile(
  files: readonly InputFile[],
  context: ArticleContext,
  snapshot: StagesSnapshot | undefined = bundledSnapshot(),
): WarmCompile | undefined {
  if (snapshot === undefined || files.length === 0 || files.length > WARM_MAX_ARTICLES) return undefined;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [...snapshot.flags, '--snapshot-blob', snapshot.blob], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env,
    });
  } catch {
    return undefined;
  }
  const reply = new Promise<WarmReply | undefined>((resolve) => {
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => {
      if (code !== 0) return resolve(undefined);
      try {
        const value = deserialize(Buffer.concat(chunks)) as WarmReply;
        resolve(Array.isArray(value?.results) && value.results.length === files.length ? value : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
  // A child that could not start closes its stdin: the write fails, and the reply says so.
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(serialize({ context, files: files.map(({ file, bytes }) => ({ file, bytes })) } satisfies WarmRequest));
  return {
    async result(input) {
      const at = files.findIndex((file) => file.file === input.file && Buffer.compare(file.bytes, input.bytes) === 0);
      if (at < 0) return undefined;
      const found = (await reply)?.results[at];
      return found?.ok ? found.compiled : undefined;
    },
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}
