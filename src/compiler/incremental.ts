/**
 * Incremental assembly. `assemble` merges every article's events on each run; with 10,000
 * articles that is seconds of merging, validating and serialising when one article changed.
 * This module keeps, between runs, what assembly derived from each article (its merge items,
 * summary, actors and warnings) and the clusters merge made of them. A run then redoes only
 * the clusters that the added and removed articles touch, and names the output files that
 * change; the rest of the output is left as it is.
 *
 * The result is exactly `assemble`'s (tests compare the bytes): clustering joins items that
 * are linked (`linked`: on the same dates, or a vaguer report with the one event it fits
 * best) or that a caption pictures (`captionHost`), so a cluster none of whose items is
 * removed, linked to a new item, or pictured by a caption that now chooses another cluster
 * is a cluster of the new run as well, with the same members and draft. A vaguer report
 * whose event was removed is probed for links like a new item, as it may now fit another.
 */
import type { Actor, ArticleSummary, ArticleText, Timeline, TimelineEvent } from '../model/schema';
import { formatDataPath, referenceProblems, SCHEMA_VERSION } from '../model/schema';
import { CompileError } from './errors';
import {
  captionHost,
  captionHosts,
  clusterItems,
  draftOf,
  finishMerge,
  identityOf,
  linked,
  orderOf,
  prepareItems,
  sourceOf,
  sourcesOf,
  type EventDraft,
  type MergeItem,
} from './merge';
import {
  schemaFile,
  shardJson,
  stableJson,
  summarise,
  type CompiledArticle,
  type CompileOptions,
  type OutputFile,
} from './pipeline';
import { shardTimeline } from './shard';
import { validateOutput } from './validate';

/**
 * A merge item as kept on disk, without what can be made again at once: its article and
 * sort key come from the article's record, its source from the event and `quote`.
 */
type StoredItem = Pick<MergeItem, 'event' | 'bounds'> & {
  quote: { start: number; end: number; quote: string };
  keywords: string[];
};

/** What assembly needs of one article, kept between runs so the article need not be read again. */
export type ArticleRecord = {
  /** The article's cache key (name, bytes, compiler, catalogue). */
  key: string;
  summary: ArticleSummary;
  actors: Actor[];
  items: StoredItem[];
  warnings: string[];
};

/**
 * One merged event: its items as `<article key>#<position>`, and the draft made of them
 * (without what is quickly made again from the items: its sources and identity).
 */
export type ClusterRecord = { members: string[]; draft: Omit<EventDraft, 'sources' | 'identity'> };

/** What an earlier run assembled: every article's record (by id) and every cluster. */
export type Assembled = {
  articles: ArticleRecord[];
  clusters: ClusterRecord[];
  /** The shard files written, with their event ids in order (empty for a one-file timeline). */
  shards: { path: string; ids: string[] }[];
};

export const NOTHING_ASSEMBLED: Assembled = { articles: [], clusters: [], shards: [] };

/** Article records as kept on disk: each distinct actor once, and each record naming its actors by position. */
export type PackedRecords = {
  actors: Actor[];
  articles: (Omit<ArticleRecord, 'actors'> & { actors: number[] })[];
};

/** Packs records for disk: articles name a few hundred actors between them, each defined the same way in most. */
export function packRecords(records: readonly ArticleRecord[]): PackedRecords {
  const actors: Actor[] = [];
  const byObject = new Map<Actor, number>();
  const byValue = new Map<string, number>();
  const indexOf = (actor: Actor): number => {
    let index = byObject.get(actor);
    if (index !== undefined) return index;
    const value = JSON.stringify(actor);
    index = byValue.get(value);
    if (index === undefined) {
      index = actors.push(actor) - 1;
      byValue.set(value, index);
    }
    byObject.set(actor, index);
    return index;
  };
  return { actors, articles: records.map((record) => ({ ...record, actors: record.actors.map(indexOf) })) };
}

/** The inverse of `packRecords`; records share the actor objects. Throws on a reference to no actor. */
export function unpackRecords({ actors, articles }: PackedRecords): ArticleRecord[] {
  return articles.map((record) => ({
    ...record,
    actors: record.actors.map((index) => {
      const actor = actors[index];
      if (actor === undefined) throw new RangeError(`expected an actor at ${index}, got none`);
      return actor;
    }),
  }));
}

/** The record of a freshly compiled article. */
export function recordOf(key: string, compiled: CompiledArticle): ArticleRecord {
  const items = prepareItems({
    article: compiled.article,
    text: compiled.text.text,
    events: compiled.events,
    actors: compiled.actors,
  });
  return {
    key,
    summary: summarise(compiled.article),
    actors: compiled.actors,
    items: items.map(({ event, bounds, source, keywords }) => ({
      event,
      bounds,
      quote: { start: source.start, end: source.end, quote: source.quote },
      keywords: [...keywords],
    })),
    warnings: compiled.warnings,
  };
}

/** The output of one assembly: every file's path, the files to (re)write and the paths to delete. */
export type AssembledOutput = {
  timeline: Timeline;
  warnings: string[];
  /** Every file the output folder holds after this run. */
  paths: string[];
  /** Files that are new or differ from the previous run's. */
  write: OutputFile[];
  /** Paths of the previous run that this run does not produce. */
  remove: string[];
  next: Assembled;
};

/** Above this share of new items, every cluster is made again. */
const REDO_ALL_SHARE = 0.05;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const membersKey = (cluster: Pick<ClusterRecord, 'members'>) => cluster.members.join(' ');

/** Finds the root of `x` in a union-find parent array, halving paths on the way. */
function root(parent: number[], x: number): number {
  let at = x;
  while (parent[at] !== at) {
    const up = parent[at] as number;
    parent[at] = parent[up] as number;
    at = up;
  }
  return at;
}

/**
 * What is made again from stored records and clusters on every run, kept for as long as the
 * very objects live: within one process (`--watch`), the next run is given the records and
 * clusters this one made, so their merge items and drafts are not made again. Safe because
 * records and clusters are never changed once made, and a ref names its article's content.
 */
const itemsByRecord = new WeakMap<ArticleRecord, { items: MergeItem[]; refs: string[] }>();
const draftByCluster = new WeakMap<ClusterRecord, EventDraft>();
/** Each event's JSON in a shard, kept with the draft it was made from: an event is its draft and its id. */
const jsonByDraft = new WeakMap<EventDraft, { id: string; json: string }>();

/** A record's merge items and their refs. */
function recordItems(record: ArticleRecord): { items: MergeItem[]; refs: string[] } {
  let made = itemsByRecord.get(record);
  if (made === undefined) {
    const { id, published } = record.summary;
    made = {
      items: record.items.map(({ event, bounds, quote, keywords }) => ({
        event,
        article: id,
        source: sourceOf(id, event, quote),
        order: orderOf(published, id, event),
        bounds,
        keywords: new Set(keywords),
      })),
      refs: record.items.map((_, n) => `${record.key}#${n}`),
    };
    itemsByRecord.set(record, made);
  }
  return made;
}

/** Every item of a run, in the order `assemble` sees them (by article id, then position), with its ref and whether it is new. */
function itemsOf(records: readonly ArticleRecord[], previousKeys: ReadonlySet<string>) {
  const items: MergeItem[] = [];
  const refs: string[] = [];
  const isNew: boolean[] = [];
  for (const record of records) {
    const added = !previousKeys.has(record.key);
    const made = recordItems(record);
    for (let n = 0; n < made.items.length; n++) {
      items.push(made.items[n] as MergeItem);
      refs.push(made.refs[n] as string);
      isNew.push(added);
    }
  }
  return { items, refs, isNew };
}

/**
 * Which earlier clusters stand as they were (`kept`), and which items must be clustered
 * again (`affected`, positions in `items`): those of clusters with a removed item, the new
 * items, and every cluster they are linked to or a caption now joins them with.
 */
function splitClusters(
  previous: Assembled,
  { items, refs, isNew }: ReturnType<typeof itemsOf>,
  removed: ReadonlySet<string>,
  redoAllShare: number,
): { kept: ClusterRecord[]; affected: number[] } {
  // Many new items: finding their links one by one would cost more than clustering everything again.
  const added = items.flatMap((item, i) => (isNew[i] && !item.event.caption ? [i] : []));
  if (previous.clusters.length === 0 || added.length > items.length * redoAllShare)
    return { kept: [], affected: items.map((_, i) => i) };

  // Nodes of a union-find over the previous clusters (0 … C-1) and the new items (C + i).
  const clusterOf = new Map<string, number>();
  previous.clusters.forEach((cluster, c) => {
    for (const member of cluster.members) clusterOf.set(member, c);
  });
  const C = previous.clusters.length;
  const node = (i: number): number => (isNew[i] ? C + i : (clusterOf.get(refs[i] as string) ?? C + i));
  const parent = Array.from({ length: C + items.length }, (_, x) => x);
  const join = (a: number, b: number): void => {
    const [x, y] = [root(parent, a), root(parent, b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  // Clusters that lose an item are made again. A vaguer report in one may have lost its host
  // (see clusterItems) and then belongs with another cluster's event, so those items are
  // probed for links as new items are.
  const broken = new Set<number>();
  previous.clusters.forEach((cluster, c) => {
    if (cluster.members.some((member) => removed.has(member.slice(0, member.indexOf('#'))))) broken.add(c);
  });
  const orphans =
    broken.size === 0
      ? []
      : items.flatMap((item, i) =>
          !isNew[i] && !item.event.caption && broken.has(clusterOf.get(refs[i] as string) ?? -1) ? [i] : [],
        );
  // New items and orphans: joined to every item they are linked to. Only items that could be
  // are asked: a shared name or actor; for reports without actors, the same start; or the same
  // start with an id one names as an actor and the other as a place.
  const probes = [...added, ...orphans];
  if (probes.length > 0) {
    const names = new Set(probes.map((i) => items[i]?.event.name).filter((name) => name !== undefined));
    const actors = new Set(probes.flatMap((i) => items[i]?.event.actors ?? []));
    const bareStarts = new Set(probes.flatMap((i) => (items[i]?.event.actors.length === 0 ? [items[i]?.bounds.start] : [])));
    // Reports of one start day in which one names as a place an actor of the other.
    const onDay = (item: MergeItem): string[] =>
      [...item.event.actors, ...(item.event.places ?? [])].map((id) => `${id}\0${item.bounds.start}`);
    const probeDays = new Set(probes.flatMap((i) => onDay(items[i] as MergeItem)));
    items.forEach((other, j) => {
      if (other.event.caption) return;
      const candidate =
        (other.event.name !== undefined && names.has(other.event.name)) ||
        other.event.actors.some((a) => actors.has(a)) ||
        (other.event.actors.length === 0 && bareStarts.has(other.bounds.start)) ||
        onDay(other).some((key) => probeDays.has(key));
      if (!candidate) return;
      for (const i of probes) if (i !== j && linked(items[i] as MergeItem, i, other, j)) join(node(i), node(j));
    });
  }
  // Captions: each joined to the event it pictures now. A caption that changed hosts did so
  // because its old host was removed or a new item pictures it better, so one of the two
  // clusters is redone already, and this join takes the other along.
  if (items.some((item) => item.event.caption)) {
    const hosts = captionHosts(items);
    items.forEach((item, i) => {
      if (!item.event.caption) return;
      const host = captionHost(item, hosts);
      if (host >= 0) join(node(i), node(host));
    });
  }
  const redo = new Set([...broken].map((c) => root(parent, c)));
  items.forEach((_, i) => {
    if (isNew[i]) redo.add(root(parent, node(i)));
  });
  return {
    kept: previous.clusters.filter((_, c) => !redo.has(root(parent, c))),
    affected: items.flatMap((_, i) => (redo.has(root(parent, node(i))) ? [i] : [])),
  };
}

/**
 * Assembles `records` (every article of this run, by id) given what `previous` assembled.
 * `fresh` holds the compiled articles whose records are new this run (their texts are written).
 * With NOTHING_ASSEMBLED as `previous`, or when more than `redoAllShare` of the items are new,
 * every cluster is made anew (with NOTHING_ASSEMBLED every file is written, too).
 */
export function assembleIncremental(
  previous: Assembled,
  records: readonly ArticleRecord[],
  fresh: ReadonlyMap<string, CompiledArticle>,
  options: CompileOptions,
  { redoAllShare = REDO_ALL_SHARE }: { redoAllShare?: number } = {},
): { ok: true; output: AssembledOutput } | { ok: false; errors: CompileError[] } {
  const keys = new Set(records.map((record) => record.key));
  const previousKeys = new Set(previous.articles.map((record) => record.key));
  const removed = new Set([...previousKeys].filter((key) => !keys.has(key)));
  const run = itemsOf(records, previousKeys);
  const { items, refs } = run;

  // The clusters kept as they were, and the ones made again from their items.
  const { kept, affected } = splitClusters(previous, run, removed, redoAllShare);
  const refOf = new Map<MergeItem, string>(affected.map((i) => [items[i] as MergeItem, refs[i] as string]));
  const made = clusterItems(affected.map((i) => items[i] as MergeItem)).map((members) => ({
    members: members.map((item) => refOf.get(item) as string),
    draft: draftOf(members),
  }));
  let position: Map<string, number> | undefined;
  const drafts: EventDraft[] = [
    ...kept.map((cluster) => {
      const known = draftByCluster.get(cluster);
      if (known) return known;
      position ??= new Map(refs.map((ref, i) => [ref, i]));
      const { members, draft: stored } = cluster;
      const { conflicts, ...draft } = stored;
      const memberItems = members.map((ref) => items[position?.get(ref) as number] as MergeItem);
      // Keys in draftOf's order, so the event serialises to the same bytes.
      const full: EventDraft = {
        identity: identityOf(memberItems),
        ...draft,
        sources: sourcesOf(memberItems),
        ...(conflicts === undefined ? {} : { conflicts }),
      };
      draftByCluster.set(cluster, full);
      return full;
    }),
    ...made.map((cluster) => cluster.draft),
  ];
  const clusters: ClusterRecord[] = [
    ...kept,
    ...made.map(({ members, draft: full }) => {
      const { sources: _sources, identity: _identity, ...draft } = full;
      const cluster = { members, draft };
      draftByCluster.set(cluster, full);
      return cluster;
    }),
  ];
  const merged = finishMerge(
    drafts,
    records.map((record) => record.actors),
  );
  // Clusters made this run follow the kept ones. Those whose events are new are the ones to
  // check and write; a cluster made again with exactly the members it had is the same event
  // as before (a draft is a function of its items, and an item's ref names its article's
  // content), so only its id can have changed, and the shard ids show that.
  const keptSet = new Set(kept);
  const redone = new Set(previous.clusters.filter((cluster) => !keptSet.has(cluster)).map(membersKey));
  const freshIds = new Set(merged.ids.slice(kept.length).filter((_, m) => !redone.has(membersKey(made[m] as ClusterRecord))));

  const timeline: Timeline = {
    schemaVersion: SCHEMA_VERSION,
    generator: options.generator,
    articles: records.map((record) => record.summary),
    actors: merged.actors,
    events: merged.events,
  };
  const texts: ArticleText[] = [...fresh.values()].map((compiled) => compiled.text).sort(byId);
  try {
    // Events kept from the previous run were checked when they were made, by the same compiler.
    const articles = records.filter((record) => fresh.has(record.key)).map((record) => record.summary);
    validateOutput({ ...timeline, articles, events: merged.events.filter((event) => freshIds.has(event.id)) }, texts, {
      partial: true,
    });
    const problems = referenceProblems(merged.events, {
      actors: new Set(merged.actors.map((actor) => actor.id)),
      articles: new Set(records.map((record) => record.summary.id)),
    });
    if (problems.length > 0)
      throw new CompileError({
        file: 'timeline.json',
        code: 'contract',
        message: `output breaks the contract: ${problems.map((p) => `${formatDataPath(['events', ...p.path])}: ${p.message}`).join('; ')}`,
      });
  } catch (error) {
    if (error instanceof CompileError) return { ok: false, errors: [error] };
    throw error;
  }

  const { index, shards } = shardTimeline(timeline, options.shardEvents);
  const write: OutputFile[] = [{ path: 'timeline.json', content: stableJson(index) }];
  const previousShards = new Map(previous.shards.map((shard) => [shard.path, shard.ids]));
  const draftById = new Map(merged.ids.map((id, k) => [id, drafts[k] as EventDraft]));
  const shardIds = shards.map(({ path, shard }) => ({ path, ids: shard.events.map((event) => event.id) }));
  shards.forEach(({ path, shard }, s) => {
    const before = previousShards.get(path);
    const ids = shardIds[s]?.ids ?? [];
    const same =
      before !== undefined &&
      before.length === ids.length &&
      before.every((id, k) => id === ids[k]) &&
      !shard.events.some((event: TimelineEvent) => freshIds.has(event.id));
    if (same) return;
    const eventJson = (event: TimelineEvent) => {
      const draft = draftById.get(event.id) as EventDraft;
      const known = jsonByDraft.get(draft);
      if (known?.id === event.id) return known.json;
      const json = JSON.stringify(event);
      jsonByDraft.set(draft, { id: event.id, json });
      return json;
    };
    write.push({ path, content: shardJson(shard, eventJson) });
  });
  if (previous.articles.length === 0) write.push(schemaFile());
  for (const text of texts) write.push({ path: `articles/${text.id}.json`, content: stableJson(text) });

  const paths = [
    'timeline.json',
    ...shards.map((shard) => shard.path),
    'timeline.schema.json',
    ...records.map((record) => `articles/${record.summary.id}.json`),
  ];
  const now = new Set(paths);
  const before = [
    ...previous.shards.map((shard) => shard.path),
    ...previous.articles.map((record) => `articles/${record.summary.id}.json`),
  ];
  return {
    ok: true,
    output: {
      timeline,
      warnings: records.flatMap((record) => record.warnings),
      paths,
      write,
      remove: [...new Set(before.filter((path) => !now.has(path)))],
      next: { articles: [...records], clusters, shards: shardIds },
    },
  };
}
