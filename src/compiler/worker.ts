/**
 * Worker-thread entry for parallel compiles: receives batches of read articles, runs
 * the per-article stages on each and posts the CompiledArticle JSON back. Errors are
 * sent as plain data so the main thread can rethrow them as the same CompileError.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CompileError, type CompileErrorCode } from './errors';
import { compileArticle } from './article';
import type { ArticleContext, CompiledArticle } from './assemble';
import type { Article } from './read';

/** A batch of articles for one worker; `batch` comes back with the reply. */
export type WorkerTask = { batch: number; articles: Article[] };

/** An error as it crosses the thread boundary. */
export type WorkerError = {
  message: string;
  stack?: string;
  compile?: { file?: string; line?: number; code: CompileErrorCode; exitCode: number };
};

export type WorkerReply =
  { batch: number; ok: true; results: CompiledArticle[] } | { batch: number; ok: false; error: WorkerError };

/** What the main thread gives every worker when it starts; `role` guards against loading this module elsewhere. */
export type WorkerInit = { role: 'dateline-compile-worker'; context: ArticleContext };

function serialise(error: unknown): WorkerError {
  if (error instanceof CompileError) {
    const { file, line, code, exitCode } = error;
    return {
      message: error.message,
      ...(error.stack === undefined ? {} : { stack: error.stack }),
      compile: { ...(file === undefined ? {} : { file }), ...(line === undefined ? {} : { line }), code, exitCode },
    };
  }
  if (error instanceof Error) return { message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  return { message: String(error) };
}

const port = parentPort;
const init = workerData as WorkerInit | undefined;
if (port && init?.role === 'dateline-compile-worker') {
  const { context } = init;
  port.on('message', ({ batch, articles }: WorkerTask) => {
    let reply: WorkerReply;
    try {
      reply = { batch, ok: true, results: articles.map((article) => compileArticle(article, context)) };
    } catch (error) {
      reply = { batch, ok: false, error: serialise(error) };
    }
    port.postMessage(reply);
  });
}
