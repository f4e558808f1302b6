/**
 * Entry of the compiler's start-up snapshot: the per-article stages, loaded and run once on a
 * sample, saved as a V8 heap by `node --build-snapshot` (scripts/compile.mjs makes it beside the
 * bundle). A process started from it (`node --snapshot-blob stages.blob`) has compromise and
 * chrono-node loaded and their lazy tables built, so it compiles an article ~0.15 s after it
 * starts, where loading the stages alone takes a fresh process ~0.4 s. A run with a few
 * articles to compile starts one while it reads its state (see warm.ts).
 *
 * The process reads one request (WarmRequest, v8-serialised) on stdin until it closes, writes one
 * reply (WarmReply) on stdout and ends. Built as one CommonJS file: a snapshot cannot load modules.
 */
import { deserialize, serialize, startupSnapshot } from 'node:v8';
import { compileArticle } from './article';
import type { ArticleContext, CompiledArticle, InputFile } from './assemble';
import { readArticle } from './read';

export type WarmRequest = { context: ArticleContext; files: InputFile[] };

/** Per file, in the request's order: its compiled article, or why it could not be compiled (the caller compiles it itself then). */
export type WarmReply = { results: ({ ok: true; compiled: CompiledArticle } | { ok: false; message: string })[] };

/** Invented for the warm-up: every stage runs on it (dates, a caption, a quote, names, places). */
const SAMPLE = `---
title: "Harbour council approves new ferry link after long debate"
published: 2024-03-14T10:30+01:00
publisher: Dateline Sample Desk
url: https://example.org/sample/ferry-link
---
Harbour council approves new ferry link after long debate
Mayor Anna Lindqvist, left, shakes hands with Transport Minister Omar Haddad in Portsmouth on Wednesday.
The harbour council of Portsmouth approved a new ferry link to Cherbourg on Wednesday, ending a debate that began last month.
Transport Minister Omar Haddad said the first crossing would take place on June 1, and that France had agreed to share the cost.
"We have waited ten years for this," Mayor Anna Lindqvist told reporters the following day.
The council had rejected an earlier plan in 2019. The two governments will sign the agreement in Paris next week.
`;

function warmUp(): void {
  const article = readArticle('2024-03-14-sample-ferry-link.txt', new TextEncoder().encode(SAMPLE));
  compileArticle(article, { catalog: [] });
}

function answer(request: WarmRequest): WarmReply {
  return {
    results: request.files.map(({ file, bytes }) => {
      try {
        return { ok: true, compiled: compileArticle(readArticle(file, bytes), request.context) };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    }),
  };
}

function serve(): void {
  const chunks: Buffer[] = [];
  process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
  process.stdin.on('end', () => {
    process.stdout.write(serialize(answer(deserialize(Buffer.concat(chunks)) as WarmRequest)));
  });
}

if (startupSnapshot.isBuildingSnapshot()) {
  warmUp();
  startupSnapshot.setDeserializeMainFunction(serve);
}
