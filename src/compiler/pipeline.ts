/**
 * The compiler's stages wired together, with no I/O: article files (name + bytes) in,
 * output files (relative path + text) out. Per-article stages run independently;
 * `merge` alone sees every article. Output is deterministic: same input, same bytes.
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
import { resolveActors, type ActorMention, type CatalogActor } from './actors/resolveActors';
import { explainClean } from './clean';
import { CompileError } from './errors';
import { extractEvents } from './events';
import { attachActors, mergeEvents, type ActorEvent } from './merge';
import { fileNameOf, readArticle, type Article } from './read';
import { referenceOf } from './reference';
import { segmentText, type Segmentation } from './segment';
import { shardTimeline } from './shard';
import { resolveTimes, type TimeExpression } from './time/resolveTimes';
import { validateOutput } from './validate';

export type InputFile = { file: string; bytes: Uint8Array };

export type OutputFile = { path: string; content: string };

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

// "Lee Jae Myung's five-year term", "Obama's presidency": the possessor names a period, not a participant.
const TERM_OF_OFFICE =
  /^['’]s\s+(?:(?:[\w-]+-year|first|second|current|last|next)\s+)?(?:term|tenure|presidency|premiership|administration|reign|era|watch)\b/i;

// People and groups known only by a role or kind: a name that qualifies them says who they are,
// and does not act itself ("U.S. forces", "the defense chiefs of South Korea and the United States").
const GROUP_NOUNS =
  'forces|troops|soldiers|sailors|vessels|ships|warships|aircraft|jets|planes|drones|officials|diplomats|lawmakers|authorities|' +
  'negotiators|delegates|citizens|nationals|residents|workers|companies|firms|banks|investors|media|envoys|delegation|delegations';
const ROLE_NOUNS =
  'chiefs?|heads?|leaders?|ministers?|secretar(?:y|ies)|presidents?|prime ministers?|officials?|envoys?|ambassadors?|' +
  'representatives?|delegations?|delegates?|spokes(?:man|woman|people|persons?)|commanders?|generals?';
// "Washington forces Seoul to pay" uses the noun as a verb: an object follows, so it is no modifier.
const MODIFIES_GROUP = new RegExp(`^\\s+(?:${GROUP_NOUNS})\\b(?!\\s+(?:[A-Z]|(?:to|the|a|an|its|his|her|their|them|us)\\b))`);
// A name right before a lower-case office or agency noun says whose office it is, like an
// adjective: "former Evanston mayor Daniel Whitaker", "Chicago police said" — the town does not act.
const OFFICE_NOUNS =
  'mayor|governor|police|sheriff|council(?:man|woman|lor)?|alderman|alderwoman|prosecutors?|attorney general|' +
  'district attorney|judge|senator|congressman|congresswoman|lawmaker|legislator|school board|fire department|city hall|' +
  'ministers?|officials?|authorities|chiefs?|envoys?|ambassadors?';
const MODIFIES_OFFICE = new RegExp(`^\\s+(?:${OFFICE_NOUNS})\\b(?!\\s+(?:to|the|a|an|its|his|her|their|them|us)\\b)`);
const QUALIFIES_ROLE = new RegExp(`\\b(?:${ROLE_NOUNS})\\s+of\\s+(?:the\\s+)?$`);
const LIST_LINK = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$/;

/**
 * Whether a name only qualifies unnamed people or things: a noun modifier of a generic plural
 * ("U.S. forces") or the complement of a lower-case role noun ("the defense chiefs of X and Y").
 * ANNOTATION.md lists unnamed people as no actors and countries only for state-level acts, and a
 * country that says whose officials act is no more a participant than "U.S." in "U.S. Defense Secretary".
 */
function qualifier(text: string, mention: ActorMention, previous: { mention: ActorMention; qualifier: boolean } | undefined) {
  if (MODIFIES_GROUP.test(text.slice(mention.end, mention.end + 30))) return true;
  if (MODIFIES_OFFICE.test(text.slice(mention.end, mention.end + 40))) return true;
  if (QUALIFIES_ROLE.test(text.slice(Math.max(0, mention.start - 60), mention.start))) return true;
  // "… of South Korea and the United States": a list continues the qualifier.
  return previous?.qualifier === true && LIST_LINK.test(text.slice(previous.mention.end, mention.start));
}

/**
 * Mentions that take part in events: not places (they become an event's `place`), not
 * names inside the words of a date, not the holder of a term that only dates the
 * event ("within President Lee's term that ends in 2030" dates a goal; Lee does not act),
 * and not a name that only qualifies unnamed people ("U.S. forces").
 */
function participantMentions(
  text: string,
  mentions: readonly ActorMention[],
  actors: readonly Actor[],
  times: readonly TimeExpression[],
): ActorMention[] {
  const places = new Set(actors.filter((actor) => actor.kind === 'place').map((actor) => actor.id));
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  let previous: { mention: ActorMention; qualifier: boolean } | undefined;
  const kept: ActorMention[] = [];
  for (const mention of ordered) {
    const isQualifier = qualifier(text, mention, previous);
    previous = { mention, qualifier: isQualifier };
    if (
      !isQualifier &&
      !places.has(mention.actor) &&
      !times.some((time) => mention.start >= time.start && mention.end <= time.end) &&
      !TERM_OF_OFFICE.test(text.slice(mention.end, mention.end + 40))
    )
      kept.push(mention);
  }
  return kept;
}

/** Mentions of places (not countries): where an event happened, which merge compares. */
function placeMentions(mentions: readonly ActorMention[], actors: readonly Actor[]): ActorMention[] {
  const places = new Set(actors.filter((actor) => actor.kind === 'place').map((actor) => actor.id));
  return mentions.filter((mention) => places.has(mention.actor));
}

/**
 * Far longer than any news story (a long feature is ~50,000 characters). Past it, the
 * event stages read only the paragraphs that end within it, so a pasted book or a
 * scraped archive page compiles in bounded time; the whole text is still published.
 */
export const EVENT_TEXT_LIMIT = 1_000_000;

function nlpScope(
  file: string,
  text: string,
  segmentation: Segmentation,
): { scope: { text: string; segmentation: Segmentation }; warning?: string } {
  if (text.length <= EVENT_TEXT_LIMIT) return { scope: { text, segmentation } };
  const paragraphs = segmentation.paragraphs.filter((paragraph) => paragraph.end <= EVENT_TEXT_LIMIT);
  const cut = paragraphs.at(-1)?.end ?? 0;
  const sentences = segmentation.sentences.filter((sentence) => sentence.end <= cut);
  const megabytes = (n: number) => `${(n / 1_000_000).toFixed(1)}M`;
  return {
    scope: { text: text.slice(0, cut), segmentation: { paragraphs, sentences } },
    // The file's name, not its path: a compiled article must not depend on where its folder is (see cacheKey).
    warning: `${fileNameOf(file)}: article text is ${megabytes(text.length)} characters; events were read from its first ${megabytes(cut)} only`,
  };
}

/** Runs the per-article stages on one article that has been read. */
export function compileArticle(article: Article, context: ArticleContext): CompiledArticle {
  const { text } = explainClean(article.body, { title: article.meta.title });
  const segmentation = segmentText(text);
  const reference = referenceOf(article.meta);
  const { scope, warning } = nlpScope(article.file, text, segmentation);
  const times = resolveTimes(scope.text, scope.segmentation, reference);
  const candidates = extractEvents(scope.text, scope.segmentation, times, reference);
  const { actors, mentions } = resolveActors(scope.text, scope.segmentation, context.catalog);
  return {
    article,
    text: {
      id: article.meta.id,
      text,
      paragraphs: segmentation.paragraphs.map(({ start, end }) => [start, end] as [number, number]),
    },
    events: attachActors(candidates, participantMentions(scope.text, mentions, actors, times), placeMentions(mentions, actors)),
    actors,
    warnings: warning === undefined ? [] : [warning],
  };
}

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

/** Compiles article files into the output files of `public/data`. */
export function compile(inputs: readonly InputFile[], options: CompileOptions): CompileResult {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const { articles, errors } = readArticles(sorted);
  if (errors.length > 0) return { ok: false, errors };

  const context: ArticleContext = { catalog: options.catalog ?? [] };
  return assemble(
    articles.map((article) => compileArticle(article, context)),
    options,
  );
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
