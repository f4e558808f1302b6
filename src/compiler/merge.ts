/**
 * Stage `merge`: candidate events of every article → timeline events. Candidates are
 * one event when they share a name, or when their dates are compatible (one contains
 * the other), they share an actor (two, when each has two or more) and their headlines
 * share a keyword ("summit"); reports that name no actor join on the same days when
 * most of their headlines agree; reports that each name where they happened, and name
 * no place in common, stay apart; a vaguer date joins only the one narrower event it fits
 * best, so it never chains two events together; photo captions fold into the same-day
 * event whose actors they show.
 * The merged event keeps the most precise date that the other sources contain, lists
 * incompatible readings as conflicts, takes its status from the latest source and gets
 * an id from a hash of its identity. Output is sorted by date, then id.
 */
import type { Actor, Conflict, Source, TimelineEvent } from '../model/schema';
import { whenOf } from '../model/schema';
import { quoteOf, type Span } from '../model/quote';
import type { Article } from './read';
import type { CandidateEvent } from './events';
import { boundsOf, compatible, contains, width, type Bounds } from './merge/dates';
import { eventId } from './merge/identity';

/**
 * A candidate event with the ids of the actors that take part in it, and of the places its
 * words name ("in Naidaith", "visited Paidrajas"), when it names any.
 */
export type ActorEvent = CandidateEvent & { actors: string[]; places?: string[] };

export type ArticleEvents = { article: Article; text: string; events: ActorEvent[]; actors: Actor[] };

/** An actor mention as the actors stage reports it; locative mentions ("in Seoul") are not participants. */
export type ParticipantMention = { actor: string; start: number; end: number; locative?: boolean };

/**
 * Gives each event the non-locative actors mentioned inside its passage (or its `participantSpans`
 * when set) or its `actorSpans`, and the places (`placeMentions`) named inside its passage or
 * `participantSpans` (ids sorted, no repeats).
 */
export function attachActors(
  events: readonly CandidateEvent[],
  mentions: readonly ParticipantMention[],
  placeMentions: readonly ParticipantMention[] = [],
): ActorEvent[] {
  const within = (spans: readonly Span[], found: readonly ParticipantMention[]): string[] => [
    ...new Set(found.filter((m) => spans.some((span) => m.start >= span.start && m.end <= span.end)).map((m) => m.actor)),
  ];
  return events.map((event) => {
    const own = event.participantSpans ?? [event.passage];
    const actors = within(
      [...own, ...(event.actorSpans ?? [])],
      mentions.filter((m) => !m.locative),
    ).sort();
    const places = within(own, placeMentions).sort();
    return { ...event, actors, ...(places.length > 0 ? { places } : {}) };
  });
}

/**
 * A candidate event ready for clustering. It holds its source (quote included) rather than the
 * article's text, and apart from `keywords` it is plain JSON, so an incremental compile can keep
 * it between runs instead of re-reading the article.
 */
export type MergeItem = {
  event: ActorEvent;
  /** Id of the article that reports it. */
  article: string;
  source: Source;
  /** Sort key: publication date, article id, passage position. */
  order: string;
  bounds: Bounds;
  keywords: Set<string>;
};

type Item = MergeItem;

/**
 * What telling whether two reports are one happening asks of each (`linked`, `captionHost`):
 * no text and no source, so an incremental compile can ask it of every kept report without
 * reading them back whole.
 */
export type LinkItem = {
  event: Pick<ActorEvent, 'name' | 'actors' | 'places' | 'caption' | 'duration'>;
  bounds: Bounds;
  keywords: ReadonlySet<string>;
};

const STOPWORDS = new Set(
  'the and for with from into over after before during about his her their its this that than then will to of in on at by as is are was were be has have had new first last more'.split(
    ' ',
  ),
);

function keywordsOf(title: string, actorWords: ReadonlySet<string>): Set<string> {
  const words = title.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? [];
  return new Set(
    words
      .filter((word) => word.length > 2 && !STOPWORDS.has(word) && !actorWords.has(word))
      .map((word) => word.replace(/(?<=\w{3})s$/, '')),
  );
}

/** One article's candidate events as merge items, in passage order. */
export function prepareItems({ article, text, events, actors }: ArticleEvents): MergeItem[] {
  const actorWords = new Set(actors.flatMap((a) => [a.name, ...a.aliases]).flatMap((n) => n.toLowerCase().split(/[^a-z0-9-]+/)));
  const { id, published } = article.meta;
  return events.map((event) => ({
    event,
    article: id,
    source: sourceOf(id, event, quoteOf(text, event.passage)),
    order: orderOf(published, id, event),
    bounds: boundsOf(event.edtf),
    keywords: keywordsOf(event.title, actorWords),
  }));
}

// Names with an ordinal ("57th …") name one happening; a bare name ("Security Consultative
// Meeting") recurs every year, so its mentions must also agree on the date.
function sameName(a: LinkItem, b: LinkItem): boolean {
  if (a.event.name === undefined || a.event.name !== b.event.name) return false;
  return /^\d+(?:st|nd|rd|th)\b/.test(a.event.name) || compatible(a.bounds, b.bounds);
}

function overlap(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  for (const actor of a) if (b.includes(actor)) shared += 1;
  return shared;
}

function sameActors(a: readonly string[], b: readonly string[]): boolean {
  return a.length >= 2 && a.length === b.length && overlap(a, b) === a.length;
}

function sharedKeywords(a: LinkItem, b: LinkItem): number {
  let shared = 0;
  for (const word of a.keywords) if (b.keywords.has(word)) shared += 1;
  return shared;
}

/** Dates wider than this say little about which happening a report means ("earlier this year"). */
const VAGUE_DAYS = 7;

/**
 * Whether two headlines can tell of one happening. A story's topic words ("rail link",
 * "fisheries") recur in its every headline, so one shared keyword is not always enough:
 *
 * - on dates of a week or less, a vaguer report joins only the one event it fits best, so one
 *   shared keyword will do ("summit talks last week" and "the summit on Wednesday");
 * - reports of the same days join each other, and through each other more (a chain), so they
 *   must share at least a third of all the keywords they have between them ("Lee and Trump
 *   hold summit", "Trump attends summit"). With one word, "Lawmakers approve fisheries bill"
 *   and "Porain Energy announces new fisheries plan" on one day were one event, and two
 *   organisations' plans one event through it;
 * - on a wider date, at least half: across "earlier this year" one shared word made "Zanisia
 *   signs the rail link agreement" and "Zanisia's lawmakers approve the rail link bill" one
 *   event, and such reports chained on: one event of the 10,000-article corpus had 150 sources.
 */
function headlinesAgree(a: LinkItem, b: LinkItem): boolean {
  if (Math.max(a.bounds.days, b.bounds.days) > VAGUE_DAYS) return mostlyAgree(a, b);
  const shared = sharedKeywords(a, b);
  if (shared === 0) return false;
  return !sameBounds(a.bounds, b.bounds) || shared * 3 >= a.keywords.size + b.keywords.size - shared;
}

/** Whether two headlines share at least half of all the keywords they have between them. */
function mostlyAgree(a: LinkItem, b: LinkItem): boolean {
  const shared = sharedKeywords(a, b);
  return shared > 0 && shared * 2 >= a.keywords.size + b.keywords.size - shared;
}

/** Whether both reports name where they happened, and no place is in both ("visits Naidaith", "visits Ditreidri"). */
function elsewhere(a: LinkItem, b: LinkItem): boolean {
  const { places: x } = a.event;
  const { places: y } = b.event;
  return x !== undefined && y !== undefined && !x.some((place) => y.includes(place));
}

function sameHappening(a: LinkItem, b: LinkItem): boolean {
  if (sameName(a, b)) return true;
  if (a.event.name !== undefined && b.event.name !== undefined) return false;
  if (elsewhere(a, b)) return false;
  if (!compatible(a.bounds, b.bounds)) return false;
  // A visit that lasts two days is not the same happening as one act within it.
  if ((a.event.duration || b.event.duration) && (a.bounds.start !== b.bounds.start || a.bounds.end !== b.bounds.end))
    return false;
  // Reports that name no actor ("Zaikumia and Kekrania sign tariff agreement", where neither
  // country is known) have none to share: on the same days, most of their headlines must agree,
  // and beside a report with actors, it must name one of them, if only as a place (one article
  // reads "Kekrania" as a country that acts, another as a place).
  if (a.event.actors.length === 0 || b.event.actors.length === 0) {
    if (!sameBounds(a.bounds, b.bounds) || a.bounds.days > VAGUE_DAYS || !mostlyAgree(a, b)) return false;
    const [bare, other] = a.event.actors.length === 0 ? [a, b] : [b, a];
    return other.event.actors.length === 0 || other.event.actors.some((actor) => bare.event.places?.includes(actor) === true);
  }
  // Reports with several actors each must share two of them: one shared country does not
  // make "X vows to complete the project" and "Y vows to complete the project" one happening.
  const needed = Math.max(1, Math.min(2, a.event.actors.length, b.event.actors.length));
  if (overlap(a.event.actors, b.event.actors) >= needed && headlinesAgree(a, b)) return true;
  // Sub-acts of one act on one day by the same parties: a verdict and the sentence handed down.
  return width(a.bounds) === 1 && a.bounds.start === b.bounds.start && sameActors(a.event.actors, b.event.actors);
}

/** An item and its position among all items. */
export type Entry = { item: LinkItem; i: number };

function byStartThenIndex(a: Entry, b: Entry): number {
  return a.item.bounds.start < b.item.bounds.start ? -1 : a.item.bounds.start > b.item.bounds.start ? 1 : a.i - b.i;
}

/** The first position in `sorted` (by start date) whose start is not before `day`. */
function lowerBound(sorted: readonly Entry[], day: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Entry).item.bounds.start < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Calls `visit` for every pair `sameHappening` could join: the same name; a shared actor
 * and a shared title keyword; for events with two or more actors, a shared actor and the
 * same start day; or, for events without actors, the same start day and a shared keyword
 * or a place that names the other's actor. Candidates are grouped by each such (actor,
 * keyword), (actor, start), (keyword, start) or (place, start)
 * and each group is swept by start date, pairing only candidates whose dates overlap —
 * grouping by actor alone paired every year-long date with the whole year of a busy
 * actor. A pair may come up in several groups; the caller's union-find makes that
 * harmless, and the clusters do not depend on the order of visits (each pair still comes
 * in one orientation: earlier start, then lower index, first). Pairs are visited as
 * found, never collected, so memory stays linear in the number of candidates.
 */
function forEachCandidatePair(plain: readonly Entry[], visit: (a: number, b: number) => void): void {
  const byName = new Map<string, number[]>();
  const groups = new Map<string, Entry[]>();
  const join = (key: string, entry: Entry): void => {
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  };
  for (const entry of plain) {
    const { event, bounds, keywords } = entry.item;
    if (event.name !== undefined) {
      const named = byName.get(event.name);
      if (named) named.push(entry.i);
      else byName.set(event.name, [entry.i]);
    }
    // Reports without actors pair only with reports of the same start: those that share a
    // keyword, and those whose actors they name as places.
    if (bounds.days <= VAGUE_DAYS) {
      if (event.actors.length === 0) {
        for (const keyword of keywords) join(`\0${keyword}\0${bounds.start}`, entry);
        for (const place of event.places ?? []) join(`\0\0${place}\0${bounds.start}`, entry);
      } else for (const actor of event.actors) join(`\0\0${actor}\0${bounds.start}`, entry);
    }
    // The same-day rule asks only the first of a pair (by start, then index) to be one day long.
    const sameDayRule = event.actors.length >= 2;
    for (const actor of new Set(event.actors)) {
      for (const keyword of keywords) join(`${actor}\0${keyword}`, entry);
      if (sameDayRule) join(`${actor}\0\0${bounds.start}`, entry);
    }
  }
  for (const group of byName.values())
    for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) visit(group[x] ?? 0, group[y] ?? 0);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort(byStartThenIndex);
    // The candidates still open at the current start, compacted in place as they close.
    const active: Entry[] = [];
    for (const current of group) {
      let kept = 0;
      for (const entry of active) {
        if (entry.item.bounds.end < current.item.bounds.start) continue;
        active[kept++] = entry;
        visit(entry.i, current.i);
      }
      active.length = kept;
      active.push(current);
    }
  }
}

/** Whether `x` (at `i`) and `y` (at `j`) are one happening, asked in the orientation `cluster` asks it (earlier start, then lower index, first). */
export function linked(x: LinkItem, i: number, y: LinkItem, j: number): boolean {
  if (x.event.caption || y.event.caption) return false;
  const xFirst = x.bounds.start < y.bounds.start || (x.bounds.start === y.bounds.start && i < j);
  return xFirst ? sameHappening(x, y) : sameHappening(y, x);
}

/** The plain one-day items, by start day then position: where captions look for the event they picture. */
export function captionHosts(items: readonly LinkItem[]): Entry[] {
  return items
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => !item.event.caption && width(item.bounds) === 1)
    .sort(byStartThenIndex);
}

/**
 * The position of the event a caption pictures: among `hosts`, the same-day event that shares
 * most of its actors ("shakes hands with Ahn at Panmunjom" → the JSA visit with Ahn); -1 when none.
 */
export function captionHost(caption: LinkItem, hosts: readonly Entry[]): number {
  let best = -1;
  let bestScore = 0;
  for (let k = lowerBound(hosts, caption.bounds.start); k < hosts.length; k++) {
    const { item: other, i: j } = hosts[k] as Entry;
    if (other.bounds.start > caption.bounds.end) break;
    const shared = overlap(caption.event.actors, other.event.actors);
    const score = shared * 10 - (other.event.actors.length - shared);
    // The best score wins; among equals, the earliest candidate, as a scan in input order would find.
    if (shared > 0 && (best < 0 || score > bestScore || (score === bestScore && j < best))) {
      best = j;
      bestScore = score;
    }
  }
  return best;
}

/** Whether two readings cover exactly the same days. */
function sameBounds(a: Bounds, b: Bounds): boolean {
  return a.start === b.start && a.end === b.end;
}

/**
 * Groups items into happenings (each group in `order`). Items that share a name are one
 * happening, and so are items on the same dates that `sameHappening` joins, transitively.
 * Reports on vaguer dates ("last month" around "on May 3") join only one narrower event:
 * the best (`offer`) that any report of their group found. Joined to everything they
 * contain, one "earlier this year" would chain every event of a busy actor that year
 * into one. A photo caption folds into the same-day event it pictures.
 */
export function clusterItems(items: readonly Item[]): Item[][] {
  const parent = items.map((_, i) => i);
  const find = (start: number): number => {
    let root = start;
    while (parent[root] !== root) root = parent[root] ?? root;
    for (let i = start; i !== root;) {
      const next = parent[i] ?? root;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const union = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)].sort((m, n) => m - n);
    if (x !== undefined && y !== undefined) parent[y] = x;
  };
  // Each item's best narrower event so far (-1: none), with what it shares with it.
  const host = new Int32Array(items.length).fill(-1);
  const hostActors = new Int32Array(items.length);
  const hostKeywords = new Int32Array(items.length);
  // More shared actors, then more shared headline keywords, then the narrower date, then the
  // earlier position: a total order, so the choice does not depend on the order of visits.
  const betterThan = (i: number, actors: number, keywords: number, days: number, at: number): boolean => {
    const current = host[i] as number;
    if (current < 0) return true;
    if (actors !== hostActors[i]) return actors > (hostActors[i] as number);
    if (keywords !== hostKeywords[i]) return keywords > (hostKeywords[i] as number);
    const currentDays = (items[current] as Item).bounds.days;
    return days !== currentDays ? days < currentDays : at < current;
  };
  const offer = (wide: number, narrow: number): void => {
    const x = items[wide] as Item;
    const y = items[narrow] as Item;
    const actors = overlap(x.event.actors, y.event.actors);
    const keywords = sharedKeywords(x, y);
    if (!betterThan(wide, actors, keywords, y.bounds.days, narrow)) return;
    host[wide] = narrow;
    hostActors[wide] = actors;
    hostKeywords[wide] = keywords;
  };
  const plain = items.map((item, i) => ({ item, i })).filter(({ item }) => !item.event.caption);
  forEachCandidatePair(plain, (a, b) => {
    const x = items[a] as Item;
    const y = items[b] as Item;
    if (sameBounds(x.bounds, y.bounds) || sameName(x, y)) {
      // Two already in one cluster need no comparing (pairs that share several actors come up more than once).
      if (find(a) !== find(b) && sameHappening(x, y)) union(a, b);
    } else if (sameHappening(x, y)) {
      if (contains(x.bounds, y.bounds)) offer(a, b);
      else offer(b, a);
    }
  });
  // Every group takes the best event its members found, and only that one.
  const chosen = new Map<number, number>();
  host.forEach((narrow, i) => {
    if (narrow < 0) return;
    const group = find(i);
    const member = chosen.get(group);
    if (member === undefined) chosen.set(group, i);
    else if (betterThan(member, hostActors[i] as number, hostKeywords[i] as number, (items[narrow] as Item).bounds.days, narrow))
      chosen.set(group, i);
  });
  for (const member of chosen.values()) union(member, host[member] as number);
  // A caption pictures an event reported in the body: fold it into that event. Only one-day
  // events qualify, so they are looked up by day rather than scanned for each caption.
  const hosts = captionHosts(items);
  items.forEach((item, i) => {
    if (!item.event.caption) return;
    const pictured = captionHost(item, hosts);
    if (pictured >= 0) union(i, pictured);
  });
  const groups = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  });
  return [...groups.values()].map((group) => [...group].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)));
}

/** The member whose date the most others contain; then the narrowest; then body text over captions; then the latest. */
function mostPrecise(members: readonly Item[]): Item {
  // Members share few distinct dates, however many there are: count containment per date.
  const perDate = new Map<string, { bounds: Bounds; count: number }>();
  for (const { bounds } of members) {
    const key = `${bounds.start}/${bounds.end}`;
    const entry = perDate.get(key);
    if (entry) entry.count += 1;
    else perDate.set(key, { bounds, count: 1 });
  }
  const dates = [...perDate.values()];
  const containedBy = new Map(
    [...perDate].map(([key, { bounds }]) => [
      key,
      dates.reduce((sum, other) => sum + (contains(other.bounds, bounds) ? other.count : 0), 0),
    ]),
  );
  const scored = members.map((item, index) => ({
    item,
    index,
    score: containedBy.get(`${item.bounds.start}/${item.bounds.end}`) ?? 0,
    width: width(item.bounds),
  }));
  const caption = (item: Item) => (item.event.caption ? 1 : 0);
  scored.sort((a, b) => b.score - a.score || a.width - b.width || caption(a.item) - caption(b.item) || b.index - a.index);
  return (scored[0] ?? { item: members[0] as Item }).item;
}

/** An item's sort key: publication date, article id, passage position. */
export function orderOf(published: string, article: string, event: ActorEvent): string {
  return `${published.slice(0, 10)}\u0000${published}\u0000${article}\u0000${String(event.passage.start).padStart(12, '0')}`;
}

/** The source an event's passage gives, from its quote (the passage without the white space around it). */
export function sourceOf(
  article: string,
  event: ActorEvent,
  { start, end, quote }: { start: number; end: number; quote: string },
): Source {
  return {
    article,
    start,
    end,
    quote,
    ...(event.dateText === undefined ? {} : { dateText: event.dateText }),
    ...(event.dateRule === undefined ? {} : { dateRule: event.dateRule }),
  };
}

function conflictsOf(members: readonly Item[], chosen: Item): Conflict[] {
  const seen = new Set<string>();
  return members.flatMap((item) => {
    const key = `${item.event.edtf}\u0000${item.article}`;
    if (compatible(item.bounds, chosen.bounds) || seen.has(key)) return [];
    seen.add(key);
    return [
      {
        when: whenOf(item.event.edtf),
        article: item.article,
        ...(item.event.dateText === undefined ? {} : { dateText: item.event.dateText }),
        ...(item.event.dateRule === undefined ? {} : { dateRule: item.event.dateRule }),
      },
    ];
  });
}

/** The sources of a cluster's members, in their order, each passage once. */
function sourcesOf(members: readonly Item[]): Source[] {
  return [
    ...new Map(
      members.map((item) => [`${item.article}:${item.event.passage.start}:${item.event.passage.end}`, item.source]),
    ).values(),
  ];
}

/** A merged event before ids are given out: what identifies it, and the id it gets unless another draft has it first. */
export type EventDraft = Omit<TimelineEvent, 'id'> & { identity: string; baseId: string };

/**
 * What identifies the event a cluster reports: its name, or else its earliest body source (a
 * caption only when nothing else reports it) with its date words, since one passage may state
 * two events ("arrived on Monday for his two-day visit").
 */
function identityOf(members: readonly Item[]): string {
  const named = members.find((item) => item.event.name !== undefined);
  if (named?.event.name !== undefined) return named.event.name;
  const first = members.find((item) => !item.event.caption) ?? (members[0] as Item);
  return [first.article, first.source.quote, first.event.dateText ?? ''].join('\u0000');
}

/** The event that a cluster of items reports. */
export function draftOf(members: readonly Item[]): EventDraft {
  const first = members.find((item) => !item.event.caption) ?? (members[0] as Item);
  const latest = members[members.length - 1] as Item;
  const chosen = mostPrecise(members);
  const named = members.find((item) => item.event.name !== undefined);
  const place = chosen.event.place ?? members.find((item) => item.event.place !== undefined)?.event.place;
  const sources = sourcesOf(members);
  const conflicts = conflictsOf(members, chosen);
  const identity = identityOf(members);
  return {
    identity,
    baseId: eventId(named?.event.name ?? first.event.title, identity),
    title: (named ?? chosen).event.title,
    when: whenOf(chosen.event.edtf),
    status: latest.event.status,
    actors: [...new Set(members.flatMap((item) => item.event.actors))].sort(),
    ...(place === undefined ? {} : { place }),
    sources,
    ...(conflicts.length > 0 ? { conflicts } : {}),
  };
}

/** What giving out ids and ordering events asks of a draft. */
export type DraftHead = Pick<EventDraft, 'identity' | 'baseId' | 'when' | 'actors'>;

/**
 * Timeline events from every draft, and the actors they use (each as the first article in
 * `actorLists` defines it): ids given out in identity order, a repeated id numbered `-2`, `-3`…;
 * events sorted by date, then id. `ids` holds each draft's id, in the order of `drafts`. Given
 * only the drafts' heads, it gives the events' heads, with their ids.
 */
export function finishMerge<D extends DraftHead>(
  drafts: readonly D[],
  actorLists: Iterable<readonly Actor[]>,
): { events: (Omit<D, 'identity' | 'baseId'> & { id: string })[]; actors: Actor[]; ids: string[] } {
  const order = drafts.map((_, k) => k);
  order.sort((a, b) => {
    const x = (drafts[a] as D).identity;
    const y = (drafts[b] as D).identity;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const used = new Set<string>();
  const ids = new Array<string>(drafts.length);
  const events = order.map((k) => {
    const { identity: _identity, baseId, ...event } = drafts[k] as D;
    let id = baseId;
    for (let n = 2; used.has(id); n++) id = `${baseId}-${n}`;
    used.add(id);
    ids[k] = id;
    return { id, ...event };
  });
  events.sort((a, b) => {
    const x = a.when.start ?? '';
    const y = b.when.start ?? '';
    return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const actorIds = new Set(events.flatMap((event) => event.actors));
  const actors = new Map<string, Actor>();
  for (const list of actorLists)
    for (const actor of list) if (actorIds.has(actor.id) && !actors.has(actor.id)) actors.set(actor.id, actor);
  return { events, actors: [...actors.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), ids };
}

/** Merges the events of all articles into timeline events and the actors they use. */
export function mergeEvents(articles: readonly ArticleEvents[]): { events: TimelineEvent[]; actors: Actor[] } {
  const drafts = clusterItems(articles.flatMap(prepareItems)).map(draftOf);
  const { events, actors } = finishMerge(
    drafts,
    articles.map((article) => article.actors),
  );
  return { events, actors };
}
