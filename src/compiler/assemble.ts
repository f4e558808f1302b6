/**
 * The cross-article part of a compile and the output files' serialisation, with no I/O:
 * compiled articles in, output files (relative path + text) out, deterministic (same input,
 * same bytes). Nothing here loads the NLP libraries, so the runs that compile no article
 * (everything from the cache or the compile state) start without them.
 */
import { z } from 'zod';
import {
  SCHEMA_VERSION,
  TimelineSchema,
  type ArticleSummary,
  type ArticleText,
  type Timeline,
  type Actor,
  type EventShard,
  type TimelineEvent,
} from '../model/schema';
import type { CatalogActor } from './actors/resolveActors';
import { CompileError } from './errors';
import { mergeEvents, type ActorEvent } from './merge';
import { readArticle, type Article } from './read';
import { shardTimeline } from './shard';
import { validateOutput } from './validate';

export type InputFile = { file: string; bytes: Uint8Array };

export type OutputFile = { path: string; content: string };

/** A file to write: its text, or its bytes when they are put together already encoded (a recompile's shards). */
export type WrittenFile = { path: string; content: string | Uint8Array };

export type CompileOptions = {
  generator: { name: string; version: string };
  catalog?: readonly CatalogActor[];
  /** Events per shard file, and the count above which the timeline is sharded (default SHARD_EVENTS). */
  shardEvents?: number;
};

/** What the per-article stages need besides the article itself (JSON-serialisable). */
export type ArticleContext = { catalog: readonly CatalogActor[] };

export type CompileResult =
  { ok: true; files: OutputFile[]; timeline: Timeline; warnings: string[] } | { ok: false; errors: CompileError[] };

/** One article after the per-article stages; plain JSON, so it can cross worker threads and be cached. */
export type CompiledArticle = {
  article: Article;
  text: ArticleText;
  events: ActorEvent[];
  actors: Actor[];
  /** Problems worth telling the user that did not stop the article from compiling. */
  warnings: string[];
};

/** The article's entry in `timeline.json`. */
export function summarise({ meta }: Article): ArticleSummary {
  return {
    id: meta.id,
    title: meta.title,
    ...(meta.publisher === undefined ? {} : { publisher: meta.publisher }),
    ...(meta.wire === undefined ? {} : { wire: meta.wire }),
    ...(meta.byline === undefined ? {} : { byline: meta.byline }),
    ...(meta.url === undefined ? {} : { url: meta.url }),
    published: meta.published,
    text: `data/articles/${meta.id}.json`,
  };
}

/** Serialises JSON the same way every time: two-space indent and a trailing newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Serialises an event shard the same way every time, without indentation: shards are read
 * by the viewer only, hold thousands of events each, and so are a third smaller and made
 * twice as fast (a recompile rewrites the shards whose events changed).
 */
export function shardJson<E = TimelineEvent>(
  shard: { schemaVersion: EventShard['schemaVersion']; events: readonly E[] },
  eventJson: (event: E) => string = (event) => JSON.stringify(event),
): string {
  // JSON.stringify(shard), put together from each event's JSON, which a recompile keeps (incremental.ts).
  return `{"schemaVersion":${JSON.stringify(shard.schemaVersion)},"events":[${shard.events.map(eventJson).join(',')}]}\n`;
}

/** Reads every input, collecting all errors before giving up. */
export function readArticles(inputs: readonly InputFile[]): { articles: Article[]; errors: CompileError[] } {
  const articles: Article[] = [];
  const errors: CompileError[] = [];
  const seen = new Map<string, string>();
  for (const input of inputs) {
    try {
      const article = readArticle(input.file, input.bytes);
      const previous = seen.get(article.meta.id);
      if (previous !== undefined) {
        errors.push(
          new CompileError({
            file: input.file,
            line: 1,
            code: 'duplicate-id',
            message: `expected a unique article id, got ${JSON.stringify(article.meta.id)} already used by ${previous}; set a different id: in the front matter`,
          }),
        );
        continue;
      }
      seen.set(article.meta.id, input.file);
      articles.push(article);
    } catch (error) {
      if (error instanceof CompileError) errors.push(error);
      else throw error;
    }
  }
  return { articles, errors };
}

/** `timeline.schema.json`: the contract as JSON Schema, for tools other than the viewer. */
export function schemaFile(): OutputFile {
  return {
    path: 'timeline.schema.json',
    content: stableJson(z.toJSONSchema(TimelineSchema, { io: 'input', unrepresentable: 'any' })),
  };
}

/** The cross-article part: merge, validate and serialise (in shards when the timeline is large). */
export function assemble(compiledArticles: readonly CompiledArticle[], options: CompileOptions): CompileResult {
  const compiled = [...compiledArticles].sort((a, b) => (a.text.id < b.text.id ? -1 : a.text.id > b.text.id ? 1 : 0));
  const merged = mergeEvents(
    compiled.map((c) => ({ article: c.article, text: c.text.text, events: c.events, actors: c.actors })),
  );
  const timeline: Timeline = {
    schemaVersion: SCHEMA_VERSION,
    generator: options.generator,
    articles: compiled.map((c) => summarise(c.article)),
    actors: merged.actors,
    events: merged.events,
  };
  const texts = compiled.map((c) => c.text);
  try {
    validateOutput(timeline, texts);
  } catch (error) {
    if (error instanceof CompileError) return { ok: false, errors: [error] };
    throw error;
  }
  const { index, shards } = shardTimeline(timeline, options.shardEvents);
  const files: OutputFile[] = [
    { path: 'timeline.json', content: stableJson(index) },
    ...shards.map(({ path, shard }) => ({ path, content: shardJson(shard) })),
    schemaFile(),
    ...texts.map((text) => ({ path: `articles/${text.id}.json`, content: stableJson(text) })),
  ];
  return { ok: true, files, timeline, warnings: compiled.flatMap((c) => c.warnings) };
}
