/**
 * Incremental assembly. `assemble` merges every article's events on each run; with 10,000
 * articles that is seconds of merging, validating and serialising when one article changed.
 * This module keeps, between runs, what assembly derived from each article (its summary,
 * actors, warnings, and what telling its events apart asks of them) and the clusters merge
 * made of them, each with its event's JSON. A run then redoes only the clusters that the
 * added and removed articles touch, reading back only their items whole, and names the output
 * files that change; the rest of the output is left as it is, and no kept event is made again.
 *
 * The result is exactly `assemble`'s (tests compare the bytes): clustering joins items that
 * are linked (`linked`: on the same dates, or a vaguer report with the one event it fits
 * best) or that a caption pictures (`captionHost`), so a cluster none of whose items is
 * removed, linked to a new item, or pictured by a caption that now chooses another cluster
 * is a cluster of the new run as well, with the same members and draft. A vaguer report
 * whose event was removed is probed for links like a new item, as it may now fit another.
 */
import { createHash } from 'node:crypto';
import type { Actor, ArticleSummary, ArticleText, Timeline, TimelineEvent } from '../model/schema';
import { formatDataPath, referenceProblems, SCHEMA_VERSION } from '../model/schema';
import { CompileError } from './errors';
import {
  captionHost,
  captionHosts,
  clusterItems,
  draftOf,
  finishMerge,
  linked,
  orderOf,
  prepareItems,
  sourceOf,
  type DraftHead,
  type LinkItem,
  type MergeItem,
} from './merge';
import { schemaFile, stableJson, summarise, type CompiledArticle, type CompileOptions, type WrittenFile } from './assemble';
import { compatible } from './merge/dates';
import { shardEvents, sharded } from './shard';
import { validateOutput } from './validate';

/**
 * A merge item as kept on disk, without what can be made again at once: its article and
 * sort key come from the article's record, its source from the event and `quote`.
 */
export type StoredItem = Pick<MergeItem, 'event' | 'bounds'> & {
  quote: { start: number; end: number; quote: string };
  keywords: string[];
};

/**
 * What assembly needs of one article, kept between runs so the article need not be read again.
 * Every run asks each item whether it is one happening with a changed article's (`links`);
 * only the items of the clusters a change touches are needed whole (`items`), so a record
 * read back from disk comes without them, and they are read when needed (`ItemReader`).
 */
export type ArticleRecord = {
  /** The article's cache key (name, bytes, compiler, catalogue). */
  key: string;
  summary: ArticleSummary;
  actors: Actor[];
  warnings: string[];
  /** Each item as telling happenings apart sees it, in passage order. */
  links: LinkItem[];
  /** The items whole, in the same order: on hand for a freshly compiled article. */
  items?: StoredItem[];
};

/** Reads back the items of a record that came without them. */
export type ItemReader = (record: ArticleRecord) => readonly StoredItem[];

/**
 * One merged event: its items by position among all items of the run (its records' items in
 * order, record after record), what giving out ids and ordering events asks of the draft made
 * of them (DraftHead), and the event's JSON without its id (`{"title":…}`), as the shards hold
 * it. A run that keeps the cluster writes that JSON again without making the event anew from
 * its items, so it need not read the items back at all.
 */
export type ClusterRecord = {
  members: number[];
  head: DraftHead;
  /** The event's JSON; left out of a cluster read back from disk until it is asked for (`eventJson`). */
  json?: string;
  /** Where the JSON is in the state's events file, once it is written there (see packAssembly). */
  line?: number;
};

/** What an earlier run assembled: every article's record (by id) and every cluster. */
export type Assembled = {
  articles: ArticleRecord[];
  clusters: ClusterRecord[];
  /**
   * The shard files written, each with a hash of its event ids in order (empty for a one-file
   * timeline): a shard whose ids are as they were and none of whose events is new is not
   * written again. The ids themselves (a tenth of the outline at 10,000 articles) are not kept.
   */
  shards: { path: string; ids: string }[];
  /** The events file's line `n` as it is stored (UTF-8), for the clusters read back without their JSON. */
  eventLine?: (n: number) => Uint8Array;
};

const decoder = new TextDecoder();
const encoder = new TextEncoder();
/** Only characters of one byte in UTF-8 (a printable ASCII id, its quotes and the JSON around it). */
const ASCII = /^[ -~]*$/;

/** A cluster's event JSON as stored: its own, encoded, or its line of the events file it was read back from. */
function eventBytes(cluster: ClusterRecord, { eventLine }: Pick<Assembled, 'eventLine'>): Uint8Array {
  if (cluster.json !== undefined) return encoder.encode(cluster.json);
  if (cluster.line === undefined || eventLine === undefined)
    throw new Error('expected an event JSON or a line of the events file, got neither');
  return eventLine(cluster.line);
}

/** A cluster's event JSON: its own, or its line of the events file it was read back from. */
function eventJson(cluster: ClusterRecord, assembled: Pick<Assembled, 'eventLine'>): string {
  return cluster.json ?? decoder.decode(eventBytes(cluster, assembled));
}

export const NOTHING_ASSEMBLED: Assembled = { articles: [], clusters: [], shards: [] };

/**
 * An assembly as kept on disk. `outline` is JSON of the records without their items, the
 * clusters without their events' JSON, and the shards; the items' links are stored column by
 * column (PackedLinks), which parses several times faster than an object per item. `events`
 * is the events file: event JSON, one a line (JSON has no raw line breaks); each cluster names
 * its line, which is decoded only when its event is written (a run rewrites the few shards an
 * edit touches, so most of the 25 MB is never decoded). The file only grows (a run appends the
 * lines of the clusters it made) until it is mostly lines no cluster names any more, and is
 * then written anew. The records' items are not kept: a run reads them back when it needs
 * them (ItemReader). A run need not write the outline: it may keep its change instead
 * (`changes`, PackedChange), which a run that reads the state back applies to the outline.
 */
export type PackedAssembly = {
  outline: string;
  events: Uint8Array;
  /** The changes made since the outline was written, one packed change each (see packAssembly), oldest first. */
  changes?: readonly string[];
};

/**
 * What packing gives: the outline, or when `change` is set, the packed change to add to the
 * outline's changes instead; the clusters with their lines; and the lines to add to the events
 * file (or to write it anew with, when `anew`).
 */
export type Packed = { outline: string; change: boolean; clusters: ClusterRecord[]; lines: string[]; anew: boolean };

/**
 * What a run changed of the assembly it started from, enough to make its assembly from that
 * one again (applyChanges): the state keeps a recompile's change instead of writing the whole
 * outline anew (~18 MB at 10,000 articles), and a later run reads the outline and applies the
 * changes made since.
 */
export type AssemblyChange = {
  /** Keys of the records the run no longer has (an edited article's old record among them). */
  removed: string[];
  /** The run's records that the previous assembly did not have. */
  added: ArticleRecord[];
  /** For each old record an edited one replaced: the new record's key, and where each old item went (-1: gone). */
  carried: Carried['to'];
  /** Positions among the previous clusters of the clusters kept, in order. */
  kept: number[];
  /** The clusters made this run, their members positions among the run's items. */
  made: ClusterRecord[];
  shards: Assembled['shards'];
};

/** A change as kept on disk: the added records and made clusters as an outline of their own. */
type PackedChange = {
  removed: string[];
  /** Old key, new key, where each old item went. */
  carried: [string, string, number[]][];
  /** The kept clusters' positions as runs: first position, count, first position, count… */
  kept: number[];
  part: PackedOutline;
};

/** Every item's links, column by column, in record order; lists of ids and words joined by spaces, '' for none. */
type PackedLinks = {
  name: (string | null)[];
  actors: string[];
  places: string[];
  /** 1: a caption; 2: the date is how long it lasts. */
  flags: number[];
  start: string[];
  end: string[];
  days: number[];
  keywords: string[];
};

/** Every cluster, column by column: members one cluster after another (`sizes` says how many each), heads' fields, and lines. */
type PackedClusters = {
  members: number[];
  sizes: number[];
  identity: string[];
  baseId: string[];
  edtf: string[];
  start: (string | null)[];
  end: (string | null)[];
  precision: DraftHead['when']['precision'][];
  actors: string[];
  line: number[];
};

type PackedOutline = {
  /** Each distinct actor once: articles name a few hundred between them, each defined the same way in most. */
  actors: Actor[];
  /** Each record without its items: its actors by position in `actors`, and how many items it has. */
  articles: (Omit<ArticleRecord, 'actors' | 'links' | 'items'> & { actors: number[]; items: number })[];
  links: PackedLinks;
  clusters: PackedClusters;
  shards: Assembled['shards'];
};

const joinWords = (list: readonly string[] | undefined): string => (list === undefined ? '' : list.join(' '));
const splitWords = (text: string): string[] => (text === '' ? [] : text.split(' '));

/**
 * A link read back from the outline, at position `at` of its columns, which is its own event
 * (`event` is the link itself). A recompile reads back every item of the archive and asks each
 * only whether it is a caption, its name and its dates; only the few whose dates fit a changed
 * item's are asked their actors, and fewer still their keywords. So each field is read from
 * the columns when it is asked for, and the lists are split then (and kept). A link is stored
 * again by copying its columns' values, not by joining its lists anew.
 */
class StoredLink implements LinkItem, Readonly<LinkItem['event']> {
  #actors: string[] | undefined;
  #places: string[] | undefined;
  #keywords: ReadonlySet<string> | undefined;
  constructor(
    readonly bounds: LinkItem['bounds'],
    readonly columns: PackedLinks,
    readonly at: number,
  ) {}

  get event(): LinkItem['event'] {
    return this;
  }

  get name(): string | undefined {
    return this.columns.name[this.at] ?? undefined;
  }

  get actors(): string[] {
    this.#actors ??= splitWords(this.columns.actors[this.at] as string);
    return this.#actors;
  }

  get places(): string[] | undefined {
    const places = this.columns.places[this.at] as string;
    if (places === '') return undefined;
    this.#places ??= splitWords(places);
    return this.#places;
  }

  get caption(): true | undefined {
    return (this.columns.flags[this.at] as number) & 1 ? true : undefined;
  }

  get duration(): true | undefined {
    return (this.columns.flags[this.at] as number) & 2 ? true : undefined;
  }

  get keywords(): ReadonlySet<string> {
    this.#keywords ??= new Set(splitWords(this.columns.keywords[this.at] as string));
    return this.#keywords;
  }
}

/** The links of a merge item. */
function linkOf({ event, bounds, keywords }: Pick<MergeItem, 'event' | 'bounds' | 'keywords'>): LinkItem {
  return {
    event: {
      ...(event.name === undefined ? {} : { name: event.name }),
      actors: event.actors,
      ...(event.places === undefined ? {} : { places: event.places }),
      ...(event.caption ? { caption: true } : {}),
      ...(event.duration ? { duration: true } : {}),
    },
    bounds,
    keywords,
  };
}

/**
 * Packs an assembly for disk, without the records' items, given how many lines the events file
 * holds now (`logged`; 0 for none): clusters made this run get the lines after them. Given the
 * run's `change`, and when every kept cluster has its line, the change is packed instead of the
 * whole outline (`change` in the result).
 */
export function packAssembly(assembled: Assembled, logged: number, change?: AssemblyChange): Packed {
  const { articles, clusters: unlogged, shards } = assembled;
  const fresh = unlogged.filter((cluster) => cluster.line === undefined).length;
  // Written anew when more than half of it would be lines no cluster names.
  const anew = logged === 0 || logged + fresh > 2 * unlogged.length;
  let next = anew ? 0 : logged;
  const lines: string[] = [];
  const clusters = unlogged.map((cluster) => {
    if (!anew && cluster.line !== undefined) return cluster;
    const json = eventJson(cluster, assembled);
    lines.push(json);
    return { ...cluster, json, line: next++ };
  });
  const made = change && clusters.slice(change.kept.length);
  if (change && made && !anew && fresh === made.length && made.length === change.made.length) {
    const part = outlineOf(change.added, made, shards);
    const carried = [...change.carried].map(([key, { key: now, to }]): PackedChange['carried'][number] => [key, now, [...to]]);
    const packedChange: PackedChange = { removed: change.removed, carried, kept: runsOf(change.kept), part };
    return { outline: JSON.stringify(packedChange), change: true, clusters, lines, anew };
  }
  return { outline: JSON.stringify(outlineOf(articles, clusters, shards)), change: false, clusters, lines, anew };
}

/** Increasing positions as runs: first position, count, … */
function runsOf(positions: readonly number[]): number[] {
  const runs: number[] = [];
  for (const position of positions) {
    const last = runs.length - 2;
    if (last >= 0 && (runs[last] as number) + (runs[last + 1] as number) === position)
      runs[last + 1] = (runs[last + 1] as number) + 1;
    else runs.push(position, 1);
  }
  return runs;
}

/** The positions runs stand for. */
function positionsOf(runs: readonly number[]): number[] {
  const positions: number[] = [];
  for (let r = 0; r + 1 < runs.length; r += 2)
    for (let k = 0; k < (runs[r + 1] as number); k++) positions.push((runs[r] as number) + k);
  return positions;
}

/** The outline of records (without their items), clusters (with their lines) and shards. */
function outlineOf(
  articles: readonly ArticleRecord[],
  clusters: readonly ClusterRecord[],
  shards: Assembled['shards'],
): PackedOutline {
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
  const links: PackedLinks = { name: [], actors: [], places: [], flags: [], start: [], end: [], days: [], keywords: [] };
  for (const record of articles)
    for (const link of record.links) {
      if (link instanceof StoredLink) {
        const { columns, at } = link;
        links.name.push(columns.name[at] as string | null);
        links.actors.push(columns.actors[at] as string);
        links.places.push(columns.places[at] as string);
        links.flags.push(columns.flags[at] as number);
        links.start.push(columns.start[at] as string);
        links.end.push(columns.end[at] as string);
        links.days.push(columns.days[at] as number);
        links.keywords.push(columns.keywords[at] as string);
        continue;
      }
      const { event, bounds, keywords } = link;
      links.name.push(event.name ?? null);
      links.actors.push(joinWords(event.actors));
      links.places.push(joinWords(event.places));
      links.flags.push((event.caption ? 1 : 0) | (event.duration ? 2 : 0));
      links.start.push(bounds.start);
      links.end.push(bounds.end);
      links.days.push(bounds.days);
      links.keywords.push(joinWords([...keywords]));
    }
  const records = articles.map(({ key, summary, warnings, actors: own, links: items }) => ({
    key,
    summary,
    warnings,
    actors: own.map(indexOf),
    items: items.length,
  }));
  return { actors, articles: records, links, clusters: packClusters(clusters), shards };
}

function packClusters(clusters: readonly ClusterRecord[]): PackedClusters {
  const packed: PackedClusters = {
    members: [],
    sizes: [],
    identity: [],
    baseId: [],
    edtf: [],
    start: [],
    end: [],
    precision: [],
    actors: [],
    line: [],
  };
  for (const { members, head, line } of clusters) {
    for (const member of members) packed.members.push(member);
    packed.sizes.push(members.length);
    packed.identity.push(head.identity);
    packed.baseId.push(head.baseId);
    packed.edtf.push(head.when.edtf);
    packed.start.push(head.when.start);
    packed.end.push(head.when.end);
    packed.precision.push(head.when.precision);
    packed.actors.push(joinWords(head.actors));
    packed.line.push(line as number);
  }
  return packed;
}

/** The lines of an events file: line `n` as stored, and how many there are. */
type EventLines = { line: (n: number) => Uint8Array; count: number; opens: (n: number) => boolean };

function eventLinesOf(events: Uint8Array): EventLines {
  // Where each line of the events file starts (and, one past the last, where it would).
  const starts: number[] = [0];
  for (let at = events.indexOf(10); at >= 0; at = events.indexOf(10, at + 1)) starts.push(at + 1);
  starts.push(events.length + 1);
  return {
    line: (n) => events.subarray(starts[n], (starts[n + 1] as number) - 1),
    count: starts.length - 1,
    opens: (n) => events[starts[n] as number] === 0x7b,
  };
}

/**
 * The inverse of `packAssembly`: the outline, with the changes made since applied in order.
 * Records come without their items. Throws when the parts do not fit together.
 */
export function unpackAssembly({ outline, events, changes = [] }: PackedAssembly): Assembled {
  const lines = eventLinesOf(events);
  const base = unpackOutline(JSON.parse(outline) as PackedOutline, lines);
  const unpacked = changes.map((text): AssemblyChange => {
    const { removed, carried, kept, part } = JSON.parse(text) as PackedChange;
    if (!Array.isArray(removed) || !Array.isArray(carried) || !Array.isArray(kept))
      throw new RangeError('expected removed records, carried items and kept clusters in a change');
    const { articles: added, clusters: made, shards } = unpackOutline(part, lines);
    return {
      removed,
      added,
      carried: new Map(carried.map(([key, now, to]) => [key, { key: now, to: Int32Array.from(to) }])),
      kept: positionsOf(kept),
      made,
      shards,
    };
  });
  return applyChanges(base, unpacked);
}

/** An outline read back. */
function unpackOutline({ actors, articles, links: packed, clusters, shards }: PackedOutline, lines: EventLines): Assembled {
  if (!Array.isArray(articles) || !Array.isArray(clusters?.sizes) || !Array.isArray(shards))
    throw new RangeError('expected records, clusters and shards in the outline');
  let at = 0;
  // Plain loops and assignments: this makes an object per item of the archive on every run.
  const records = articles.map(({ key, summary, warnings, actors: own, items }): ArticleRecord => {
    const links: LinkItem[] = new Array<LinkItem>(items);
    for (let n = 0; n < items; n++, at++) {
      if (packed.name[at] === undefined) throw new RangeError(`expected links for item ${at}, got none`);
      const bounds = { start: packed.start[at] as string, end: packed.end[at] as string, days: packed.days[at] as number };
      links[n] = new StoredLink(bounds, packed, at);
    }
    const defined = own.map((index) => {
      const actor = actors[index];
      if (actor === undefined) throw new RangeError(`expected an actor at ${index}, got none`);
      return actor;
    });
    return { key, summary, warnings, actors: defined, links };
  });
  const logged: ClusterRecord[] = new Array<ClusterRecord>(clusters.sizes.length);
  for (let c = 0, from = 0; c < logged.length; c++) {
    const line = clusters.line[c] as number;
    // A line the file lacks, or that is no JSON object, is a damaged state: found here, not when it is written.
    if (!(line >= 0 && line < lines.count) || !lines.opens(line))
      throw new RangeError(`expected an event at line ${line}, got none`);
    const to = from + (clusters.sizes[c] as number);
    const when = {
      edtf: clusters.edtf[c] as string,
      start: clusters.start[c] as string | null,
      end: clusters.end[c] as string | null,
      precision: clusters.precision[c] as DraftHead['when']['precision'],
    };
    const head = {
      identity: clusters.identity[c] as string,
      baseId: clusters.baseId[c] as string,
      when,
      actors: splitWords(clusters.actors[c] as string),
    };
    logged[c] = { members: clusters.members.slice(from, to), head, line };
    from = to;
  }
  return { articles: records, clusters: logged, shards, eventLine: lines.line };
}

const byRecordId = (a: ArticleRecord, b: ArticleRecord) =>
  a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0;

/**
 * The assembly after one or more runs, from the one the first started from and what each
 * changed: records by id, the kept clusters (their members where their items are now) and then
 * the ones made. Every run makes its assembly so (assembleIncremental), and a state read back
 * makes it again so, applying the changes of up to CHANGES_KEPT runs (build.ts) at once: each
 * cluster's members are moved once, not once a change (28,000 clusters at 10,000 articles;
 * change by change took ~17 ms a change).
 */
export function applyChanges(previous: Assembled, changes: readonly AssemblyChange[]): Assembled {
  if (changes.length === 0) return previous;
  let records = previous.articles;
  // Each cluster so far, with the change after which its members are positions (-1: before the first).
  let clusters = previous.clusters.map((cluster) => ({ cluster, after: -1 }));
  // Where each item after one change is after the next.
  const moves: Int32Array[] = [];
  changes.forEach((change, k) => {
    // The records kept, in their order, merged with the added ones by id; where each one's items start.
    const removed = new Set(change.removed);
    const added = [...change.added].sort(byRecordId);
    const next: ArticleRecord[] = [];
    const keptStart = new Int32Array(records.length).fill(-1);
    const addedStart = new Map<string, number>();
    let at = 0;
    let a = 0;
    const add = (record: ArticleRecord) => {
      addedStart.set(record.key, at);
      next.push(record);
      at += record.links.length;
    };
    records.forEach((record, r) => {
      if (removed.has(record.key)) return;
      for (; a < added.length && byRecordId(added[a] as ArticleRecord, record) < 0; a++) add(added[a] as ArticleRecord);
      keptStart[r] = at;
      next.push(record);
      at += record.links.length;
    });
    for (; a < added.length; a++) add(added[a] as ArticleRecord);
    const startOf = (key: string, r?: number): number | undefined => {
      const start = r === undefined ? -1 : (keptStart[r] as number);
      return start >= 0 ? start : addedStart.get(key);
    };
    moves.push(positionsNow(records, startOf, change.carried));
    const kept = change.kept.map((c) => {
      const entry = clusters[c];
      if (entry === undefined) throw new RangeError(`expected a cluster at ${c}, got none`);
      return entry;
    });
    clusters = kept.concat(change.made.map((cluster) => ({ cluster, after: k })));
    records = next;
  });
  const last = changes.length - 1;
  const items = records.reduce((sum, record) => sum + record.links.length, 0);
  const moved = clusters.map(({ cluster, after }, c): ClusterRecord => {
    const members =
      after === last
        ? cluster.members
        : cluster.members.map((member) => {
            let at = member;
            for (let k = after + 1; k <= last && at >= 0; k++) at = (moves[k] as Int32Array)[at] ?? -1;
            return at;
          });
    // A member that is gone or that no item is at: a change that does not fit (a damaged state).
    if (members.some((member) => !(member >= 0 && member < items)))
      throw new RangeError(`expected the items of cluster ${c} among the ${items} items, some are not`);
    return after === last ? cluster : { ...cluster, members };
  });
  const shards = changes[last]?.shards ?? previous.shards;
  return { articles: records, clusters: moved, shards, eventLine: previous.eventLine };
}

/** The items of a record, read back when it came without them. */
export function storedItems(record: ArticleRecord, readItems: ItemReader | undefined): readonly StoredItem[] {
  if (record.items) return record.items;
  if (readItems === undefined) throw new Error(`expected the items of ${record.summary.id} on hand, got a record without them`);
  const items = readItems(record);
  if (items.length !== record.links.length)
    throw new RangeError(`expected ${record.links.length} items for ${record.summary.id}, read ${items.length}`);
  return items;
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
    warnings: compiled.warnings,
    links: items.map(linkOf),
    items: items.map(({ event, bounds, source, keywords }) => ({
      event,
      bounds,
      quote: { start: source.start, end: source.end, quote: source.quote },
      keywords: [...keywords],
    })),
  };
}

/** The output of one assembly: every file's path, the files to (re)write and the paths to delete. */
export type AssembledOutput = {
  /** How many articles, events and actors the timeline holds. */
  counts: { articles: number; events: number; actors: number };
  warnings: string[];
  /** Every file the output folder holds after this run. */
  paths: string[];
  /** Files that are new or differ from the previous run's. */
  write: WrittenFile[];
  /** Paths of the previous run that this run does not produce. */
  remove: string[];
  /** Events made again from their items this run (the others kept the previous run's JSON). */
  made: number;
  next: Assembled;
  /** What this run changed of the previous assembly: `next` is `applyChanges(previous, [change])`. */
  change: AssemblyChange;
};

/** Above this share of new items, every cluster is made again. */
const REDO_ALL_SHARE = 0.05;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const membersKey = (members: readonly number[]) => members.join(' ');

/** A hash of events' ids in order (ids hold no line break). */
function idsHash(events: readonly { id: string }[]): string {
  return createHash('sha256')
    .update(events.map(({ id }) => id).join('\n'))
    .digest('base64');
}

/** Finds the root of `x` in a union-find parent array, halving paths on the way. */
function root(parent: Int32Array, x: number): number {
  let at = x;
  while (parent[at] !== at) {
    const up = parent[at] as number;
    parent[at] = parent[up] as number;
    at = up;
  }
  return at;
}

/**
 * A record's items made whole again, kept for as long as the record lives: within one process
 * (`--watch`), the next run is given the records this one made, so their items are not read
 * and made again. Safe because records are never changed once made, and a ref names its
 * article's content.
 */
const wholeByRecord = new WeakMap<ArticleRecord, MergeItem[]>();

/** An event's JSON from its id and its JSON without the id: `JSON.stringify({ id, ...event })`. */
function withId(id: string, json: string): string {
  return `{"id":${JSON.stringify(id)},${json.slice(1)}`;
}

/**
 * A shard's bytes, exactly as `shardJson` writes it with `withId`, put together from each
 * event's stored UTF-8: a recompile rewrites whole shards of thousands of kept events, and
 * decoding their JSON only to encode it again took most of that time.
 */
function shardBytes(
  schemaVersion: number,
  events: readonly { id: string }[],
  clusterOf: (id: string) => ClusterRecord,
  assembled: Pick<Assembled, 'eventLine'>,
): Uint8Array {
  const head = `{"schemaVersion":${JSON.stringify(schemaVersion)},"events":[`;
  const tail = ']}\n';
  // Each event: `{"id":…,` then its stored JSON after the opening brace, copied into one
  // buffer. Ids are slugs and a hash (merge/identity.ts), so a prefix is ASCII: its bytes are
  // its characters.
  const prefixes = events.map(({ id }, k) => `${k > 0 ? ',' : ''}{"id":${JSON.stringify(id)},`);
  const bodies = events.map(({ id }) => eventBytes(clusterOf(id), assembled).subarray(1));
  let size = head.length + tail.length;
  for (let k = 0; k < events.length; k++) size += (prefixes[k] as string).length + (bodies[k] as Uint8Array).length;
  const out = Buffer.allocUnsafe(size);
  let at = out.write(head, 0, 'latin1');
  for (let k = 0; k < events.length; k++) {
    const prefix = prefixes[k] as string;
    if (!ASCII.test(prefix)) throw new RangeError(`expected an ASCII event id, got ${prefix}`);
    at += out.write(prefix, at, 'latin1');
    const body = bodies[k] as Uint8Array;
    out.set(body, at);
    at += body.length;
  }
  out.write(tail, at, 'latin1');
  return out;
}

/** A record's merge items, whole. */
function wholeItems(record: ArticleRecord, readItems: ItemReader | undefined): MergeItem[] {
  let made = wholeByRecord.get(record);
  if (made === undefined) {
    const { id, published } = record.summary;
    made = storedItems(record, readItems).map(({ event, bounds, quote, keywords }) => ({
      event,
      article: id,
      source: sourceOf(id, event, quote),
      order: orderOf(published, id, event),
      bounds,
      keywords: new Set(keywords),
    }));
    wholeByRecord.set(record, made);
  }
  return made;
}

/**
 * Every item of a run as telling happenings apart sees it, in the order `assemble` sees them
 * (by article id, then position), with its ref, whether it is new (its record is new and
 * `carry` does not say it is an old item, unchanged), and its record and position there (to
 * make it whole).
 */
function itemsOf(records: readonly ArticleRecord[], previousKeys: ReadonlySet<string>, carry: Carried) {
  const items: LinkItem[] = [];
  const isNew: boolean[] = [];
  const owners: ArticleRecord[] = [];
  const positions: number[] = [];
  /** Where each record's items start. */
  const starts = new Map<string, number>();
  for (const record of records) {
    const added = !previousKeys.has(record.key);
    const kept = carry.kept.get(record.key);
    starts.set(record.key, items.length);
    record.links.forEach((link, n) => {
      items.push(link);
      isNew.push(added && kept?.[n] !== 1);
      owners.push(record);
      positions.push(n);
    });
  }
  return { items, isNew, owners, positions, starts };
}

/**
 * Where each item of `previous` is in this run (-1: gone), given where the items of the record
 * with a key start now (`startOf`; undefined: gone): an unchanged record's items where they
 * were, a replaced record's carried items where `carried` puts them. `startOf` is also asked
 * with the record's position in `previous` (a replacing record's key comes without one).
 */
function positionsNow(
  previous: readonly ArticleRecord[],
  startOf: (key: string, at?: number) => number | undefined,
  carried: Carried['to'],
): Int32Array {
  const now = new Int32Array(previous.reduce((sum, record) => sum + record.links.length, 0));
  let at = 0;
  for (const [r, record] of previous.entries()) {
    const replaced = carried.get(record.key);
    const start = replaced ? startOf(replaced.key) : startOf(record.key, r);
    for (let n = 0; n < record.links.length; n++) {
      const to = replaced ? (replaced.to[n] as number) : n;
      now[at++] = start === undefined || to < 0 ? -1 : start + to;
    }
  }
  return now;
}

/**
 * Which earlier clusters stand as they were (`kept`, their positions), and which items must be
 * clustered again (`affected`, positions in `items`): those of clusters with a removed item, the new
 * items, and every cluster they are linked to or a caption now joins them with.
 */
function splitClusters(
  previous: Assembled,
  { items, isNew }: ReturnType<typeof itemsOf>,
  now: Int32Array,
  redoAllShare: number,
): { kept: number[]; affected: number[] } {
  // Many new items: finding their links one by one would cost more than clustering everything again.
  const added = items.flatMap((item, i) => (isNew[i] && !item.event.caption ? [i] : []));
  if (previous.clusters.length === 0 || added.length > items.length * redoAllShare)
    return { kept: [], affected: items.map((_, i) => i) };

  // Nodes of a union-find over the previous clusters (0 … C-1) and the new items (C + i).
  // Clusters that lose an item are made again. A vaguer report in one may have lost its host
  // (see clusterItems) and then belongs with another cluster's event, so those items are
  // probed for links as new items are.
  const clusterOf = new Int32Array(items.length).fill(-1);
  const broken = new Set<number>();
  previous.clusters.forEach((cluster, c) => {
    for (const member of cluster.members) {
      const at = now[member] ?? -1;
      if (at < 0) broken.add(c);
      else clusterOf[at] = c;
    }
  });
  const C = previous.clusters.length;
  const node = (i: number): number => (isNew[i] || (clusterOf[i] as number) < 0 ? C + i : (clusterOf[i] as number));
  const parent = new Int32Array(C + items.length).map((_, x) => x);
  const join = (a: number, b: number): void => {
    const [x, y] = [root(parent, a), root(parent, b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  const orphans =
    broken.size === 0
      ? []
      : items.flatMap((item, i) => (!isNew[i] && !item.event.caption && broken.has(clusterOf[i] as number) ? [i] : []));
  // New items and orphans: joined to every item they are linked to. Only items that could be
  // are asked: a shared name or actor; for reports without actors, the same start; or the same
  // start with an id one names as an actor and the other as a place.
  const probes = [...added, ...orphans];
  if (probes.length > 0) {
    const names = new Set(probes.map((i) => items[i]?.event.name).filter((name) => name !== undefined));
    const actors = new Set(probes.flatMap((i) => items[i]?.event.actors ?? []));
    const bareStarts = new Set(probes.flatMap((i) => (items[i]?.event.actors.length === 0 ? [items[i]?.bounds.start] : [])));
    // Reports of one start day in which one names as a place an actor of the other: the ids
    // the probes name as actors or places, by start day.
    const probeDays = new Map<string, Set<string>>();
    for (const i of probes) {
      const { event, bounds } = items[i] as LinkItem;
      const ids = probeDays.get(bounds.start) ?? new Set<string>();
      for (const id of [...event.actors, ...(event.places ?? [])]) ids.add(id);
      probeDays.set(bounds.start, ids);
    }
    const onProbeDay = ({ event, bounds }: LinkItem): boolean => {
      const ids = probeDays.get(bounds.start);
      return ids !== undefined && (event.actors.some((id) => ids.has(id)) || (event.places?.some((id) => ids.has(id)) ?? false));
    };
    // Two items are linked only when they share a name or one's dates contain the other's
    // (sameHappening): an item of another name whose dates fit no probe's is not asked.
    const probeBounds = probes.map((i) => (items[i] as LinkItem).bounds);
    items.forEach((other, j) => {
      if (other.event.caption) return;
      const named = other.event.name !== undefined && names.has(other.event.name);
      if (!named && !probeBounds.some((bounds) => compatible(bounds, other.bounds))) return;
      const candidate =
        named ||
        other.event.actors.some((a) => actors.has(a)) ||
        (other.event.actors.length === 0 && bareStarts.has(other.bounds.start)) ||
        onProbeDay(other);
      if (!candidate) return;
      for (const i of probes) {
        const probe = items[i] as LinkItem;
        // The same test per probe: a removed article can orphan a hundred items, each a probe.
        const sameName = probe.event.name !== undefined && probe.event.name === other.event.name;
        if (i === j || (!sameName && !compatible(probe.bounds, other.bounds))) continue;
        if (linked(probe, i, other, j)) join(node(i), node(j));
      }
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
    kept: previous.clusters.flatMap((_, c) => (redo.has(root(parent, c)) ? [] : [c])),
    affected: items.flatMap((_, i) => (redo.has(root(parent, node(i))) ? [i] : [])),
  };
}

/**
 * The items an edited article kept: for each previous record that a fresh one replaces (same id
 * and publication time), where each of its items is among the fresh record's (`to`, by key of
 * the old record: the new key and each old item's new position, -1 when it is gone), and which
 * of the fresh record's items are old ones (`kept`, by new key: 1 for an old item).
 */
type Carried = {
  to: Map<string, { key: string; to: Int32Array }>;
  kept: Map<string, Uint8Array>;
};

/**
 * Finds the items an edited article kept as they were. Merge sees nothing of an article but its
 * items, its id and its publication time, so an item whose stored form is unchanged is the same
 * item: it stays in its clusters, like an unchanged article's, and only the items that are new
 * or gone touch clusters. A correction that reports no event changes no cluster; a sentence
 * that reports one adds one item. Items are paired in order (an item holds its passage's
 * place, so the pairs keep it). A previous record whose items cannot be read back is taken
 * as wholly changed.
 */
function carriedItems(
  previous: Assembled,
  previousKeys: ReadonlySet<string>,
  records: readonly ArticleRecord[],
  readItems: ItemReader | undefined,
): Carried {
  const carried: Carried = { to: new Map(), kept: new Map() };
  const fresh = records.filter((record) => record.items !== undefined && !previousKeys.has(record.key));
  if (fresh.length === 0) return carried;
  const previousById = new Map(previous.articles.map((record) => [record.summary.id, record]));
  for (const record of fresh) {
    const before = previousById.get(record.summary.id);
    if (before === undefined || before.summary.published !== record.summary.published) continue;
    let old: string[];
    try {
      old = storedItems(before, readItems).map((item) => JSON.stringify(item));
    } catch {
      continue;
    }
    const now = (record.items ?? []).map((item) => JSON.stringify(item));
    const to = new Int32Array(old.length).fill(-1);
    const kept = new Uint8Array(now.length);
    for (let n = 0, from = 0; n < now.length; n++)
      for (let o = from; o < old.length; o++)
        if (old[o] === now[n]) {
          to[o] = n;
          kept[n] = 1;
          from = o + 1;
          break;
        }
    carried.to.set(before.key, { key: record.key, to });
    carried.kept.set(record.key, kept);
  }
  return carried;
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
  { redoAllShare = REDO_ALL_SHARE, readItems }: { redoAllShare?: number; readItems?: ItemReader } = {},
): { ok: true; output: AssembledOutput } | { ok: false; errors: CompileError[] } {
  const previousKeys = new Set(previous.articles.map((record) => record.key));
  const carry = carriedItems(previous, previousKeys, records, readItems);
  const run = itemsOf(records, previousKeys, carry);
  // The previous run's item positions, as they are in this run.
  const movedTo = positionsNow(previous.articles, (key) => run.starts.get(key), carry.to);
  const moved = (members: readonly number[]): number[] => members.map((member) => movedTo[member] as number);

  // The clusters kept as they were, and the ones made again from their items.
  const split = splitClusters(previous, run, movedTo, redoAllShare);
  // Only the items of the clusters made again are made whole (their records' items read back).
  const positionOf = new Map<MergeItem, number>();
  const whole = split.affected.map((i) => {
    const item = wholeItems(run.owners[i] as ArticleRecord, readItems)[run.positions[i] as number] as MergeItem;
    positionOf.set(item, i);
    return item;
  });
  // Each cluster made again: its record, and its event without the id (what the record's JSON is of).
  const madeEvents = clusterItems(whole).map((members) => {
    const { identity, baseId, ...event } = draftOf(members);
    const cluster: ClusterRecord = {
      members: members.map((item) => positionOf.get(item) as number),
      head: { identity, baseId, when: event.when, actors: event.actors },
      json: JSON.stringify(event),
    };
    return { cluster, event };
  });
  const made = madeEvents.map(({ cluster }) => cluster);
  // The run's assembly, made from the previous one and this change, as a later run that reads
  // the change back from the state makes it: the kept clusters with their members moved, then
  // the made ones.
  const change: AssemblyChange = {
    removed: previous.articles.flatMap((record) => (run.starts.has(record.key) ? [] : [record.key])),
    added: records.filter((record) => !previousKeys.has(record.key)),
    carried: carry.to,
    kept: split.kept,
    made,
    shards: [],
  };
  const changed = applyChanges(previous, [change]);
  if (changed.articles.length !== records.length || changed.articles.some((record, k) => record.key !== records[k]?.key))
    throw new Error('expected the change to give the run its records in their order');
  // The run's own records (a record of an unchanged article may be handed in anew, with its items).
  const next: Assembled = { ...changed, articles: [...records] };
  const { clusters } = next;
  // Ids and order need only the heads: kept events are not made again, their JSON is the previous run's.
  const merged = finishMerge(
    clusters.map((cluster) => cluster.head),
    records.map((record) => record.actors),
  );
  // Clusters made this run follow the kept ones. Those whose events are new are the ones to
  // check and write; a cluster made again with exactly the members it had is the same event
  // as before (a draft is a function of its items, and an item is its article's, whose key
  // names its content), so only its id can have changed, and the shard ids show that.
  const keptSet = new Set(split.kept);
  const redone = new Set(
    previous.clusters.filter((_, c) => !keptSet.has(c)).map((cluster) => membersKey(moved(cluster.members))),
  );
  const freshEvents: TimelineEvent[] = madeEvents.flatMap(({ cluster, event }, m) =>
    redone.has(membersKey(cluster.members)) ? [] : [{ id: merged.ids[split.kept.length + m] as string, ...event }],
  );
  const freshIds = new Set(freshEvents.map((event) => event.id));

  const clusterById = new Map(merged.ids.map((id, k) => [id, clusters[k] as ClusterRecord]));
  const jsonOf = ({ id }: { id: string }) => withId(id, eventJson(clusterById.get(id) as ClusterRecord, previous));
  const timeline: Omit<Timeline, 'events'> = {
    schemaVersion: SCHEMA_VERSION,
    generator: options.generator,
    articles: records.map((record) => record.summary),
    actors: merged.actors,
  };
  const texts: ArticleText[] = [...fresh.values()].map((compiled) => compiled.text).sort(byId);
  try {
    // Events kept from the previous run were checked when they were made, by the same compiler,
    // and the articles and actors they name are still there: a cluster with an item of a
    // removed article is made again, and an item's actors are its article's.
    const articles = records.filter((record) => fresh.has(record.key)).map((record) => record.summary);
    validateOutput({ ...timeline, articles, events: freshEvents }, texts, { partial: true });
    const problems = referenceProblems(freshEvents, {
      actors: new Set(merged.actors.map((actor) => actor.id)),
      articles: new Set(records.map((record) => record.summary.id)),
    });
    if (problems.length > 0) {
      const at = new Map(merged.events.map((event, k) => [event.id, k]));
      const path = ([index, ...rest]: readonly PropertyKey[]) => [
        'events',
        at.get(freshEvents[index as number]?.id ?? ''),
        ...rest,
      ];
      throw new CompileError({
        file: 'timeline.json',
        code: 'contract',
        message: `output breaks the contract: ${problems.map((p) => `${formatDataPath(path(p.path) as PropertyKey[])}: ${p.message}`).join('; ')}`,
      });
    }
  } catch (error) {
    if (error instanceof CompileError) return { ok: false, errors: [error] };
    throw error;
  }

  // A timeline of one file holds its events whole; shards are written from the events' JSON.
  const { index, shards } = sharded(merged.events.length, options.shardEvents)
    ? shardEvents(timeline, merged.events, options.shardEvents)
    : { index: { ...timeline, events: merged.events.map((event) => JSON.parse(jsonOf(event)) as TimelineEvent) }, shards: [] };
  const write: WrittenFile[] = [{ path: 'timeline.json', content: stableJson(index) }];
  const previousShards = new Map(previous.shards.map((shard) => [shard.path, shard.ids]));
  const shardIds = shards.map(({ path, shard }) => ({ path, ids: idsHash(shard.events) }));
  shards.forEach(({ path, shard }, s) => {
    const same = previousShards.get(path) === shardIds[s]?.ids && !shard.events.some((event) => freshIds.has(event.id));
    if (same) return;
    write.push({
      path,
      content: shardBytes(shard.schemaVersion, shard.events, (id) => clusterById.get(id) as ClusterRecord, previous),
    });
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
      counts: { articles: records.length, events: merged.events.length, actors: merged.actors.length },
      warnings: records.flatMap((record) => record.warnings),
      paths,
      write,
      remove: [...new Set(before.filter((path) => !now.has(path)))],
      made: made.length,
      next: { ...next, shards: shardIds },
      change: { ...change, shards: shardIds },
    },
  };
}
