/**
 * Coreference within one article: the actors met so far, with the keys later mentions
 * may use — a surname or first word ("Hegseth", "Lee", "United"), a spelling variant
 * ("Kim Jong-un"), a title ("the Secretary", "the minister") or a head noun ("the
 * ministry", "the company"). The most recent actor bearing a key wins; a surname written
 * before the full name (a headline's "Brith visits Ditreidri") refers to the one person the
 * article names in full further on.
 */
import type { Actor, ActorKind } from '../../model/schema';
import type { CatalogIndex } from './catalog';
import type { Descriptor } from './descriptors';
import { headOf } from './descriptors';
import {
  CLUB_HEADS,
  COMPANY_HEADS,
  isDemonym,
  NAME_CONNECTORS,
  NEVER_NAMES,
  ORG_HEADS,
  ORG_OPENERS,
  TITLE_MODIFIERS,
  TITLE_WORDS,
} from './lexicon';
import type { CatalogActor } from './resolveActors';
import { nameKey } from './tokens';

type Entry = {
  id: string;
  name: string;
  kind: ActorKind;
  catalog?: CatalogActor;
  /** Whole-name keys: the name, aliases, variants seen. */
  names: Set<string>;
  /** One-word keys a later bare mention may use: surnames, "United", "Samsung". */
  words: Set<string>;
  /** Title and description keys ("defense secretary") and their head words ("secretary"). */
  titles: Set<string>;
  heads: Set<string>;
  surfaces: Set<string>;
  /** Order of the latest mention, for "most recent" choices; 0 for a person only announced. */
  last: number;
};

/** A URL- and file-safe id from a name: "Ahn Gyu-back" → "ahn-gyu-back". */
export function slugify(name: string): string {
  const slug = nameKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return slug || 'actor';
}

function wordKeys(name: string, kind: ActorKind): string[] {
  const words = nameKey(name)
    .split(' ')
    .filter((word) => !NAME_CONNECTORS.has(word) && !NEVER_NAMES.has(word));
  if (words.length < 2) return [];
  const first = words[0] as string;
  const last = words[words.length - 1] as string;
  if (kind === 'person') return [first, last];
  if (kind === 'organization')
    return [first, last].filter((word) => CLUB_HEADS.has(word) || (!ORG_HEADS.has(word) && !ORG_OPENERS.has(word)));
  return [];
}

function titleHead(title: string): string | undefined {
  const words = nameKey(title).split(' ');
  const of = words.indexOf('of');
  const scope = of > 0 ? words.slice(0, of) : words;
  return [...scope].reverse().find((word) => TITLE_WORDS.has(word)) ?? (of > 0 ? headOf(nameKey(title)) : undefined);
}

function orgHeads(names: Iterable<string>): string[] {
  const heads: string[] = [];
  for (const name of names) {
    const words = name.split(' ');
    for (const word of words) if (ORG_HEADS.has(word) || ORG_OPENERS.has(word)) heads.push(word);
    const last = words[words.length - 1] ?? '';
    if (COMPANY_HEADS.has(last)) heads.push('company', 'firm');
    if (CLUB_HEADS.has(last)) heads.push('club', 'team');
  }
  return heads.filter((word) => !TITLE_MODIFIERS.has(word));
}

/** The actors of one article as coreference proceeds through it in text order. */
export class ArticleActors {
  private readonly entries = new Map<string, Entry>();
  private readonly mentioned = new Set<string>();
  private order = 0;

  constructor(private readonly index: CatalogIndex) {}

  /** Registers (or refreshes) a catalogue actor and returns its id. */
  catalogActor(actor: CatalogActor, surface?: string): string {
    const entry = this.entries.get(actor.id) ?? this.create(actor.id, actor.name, actor.kind, actor);
    return this.touch(entry, surface);
  }

  /**
   * Announces a person the article names in full further on ("Ambassador Mitrouth Brith"), so
   * that a surname written before it (a headline's "Brith visits Ditreidri", a quote's "…,"
   * Brith said") refers to that person instead of becoming an actor of its own. An announced
   * person is not an actor until mentioned, and a word two announced people share refers to
   * neither.
   */
  announce(name: string): void {
    const key = nameKey(name);
    for (const entry of this.entries.values()) if (entry.names.has(key)) return;
    this.create(this.freeId(name), name, 'person');
  }

  /** Registers a name the catalogue does not know and returns its id. */
  newActor(name: string, kind: ActorKind): string {
    return this.touch(this.create(this.freeId(name), name, kind), name);
  }

  /** Notes that an actor was named as a qualifier ("U.S." in "U.S. Defense Secretary"). */
  noteQualifier(actor: CatalogActor): void {
    this.mentioned.add(actor.id);
  }

  /** Records a title written before a person's name ("Defense Secretary Pete Hegseth"). */
  addTitle(id: string, title: string): void {
    const entry = this.entries.get(id);
    const head = titleHead(title);
    if (!entry || !head) return;
    entry.titles.add(nameKey(title));
    entry.heads.add(head);
  }

  /** Makes a short form ("USFK", "JSA") name the same actor from here on. */
  addAlias(id: string, surface: string): void {
    this.entries.get(id)?.names.add(nameKey(surface));
  }

  /** The actor a whole name or a one-word name refers to, most recent first. */
  byName(key: string, surface: string, options: { kinds?: readonly ActorKind[]; words?: boolean } = {}): string | undefined {
    let best: Entry | undefined;
    const announced: Entry[] = [];
    for (const entry of this.entries.values()) {
      if (options.kinds && !options.kinds.includes(entry.kind)) continue;
      const hit = entry.names.has(key) || (options.words === true && entry.words.has(key));
      if (!hit) continue;
      if (entry.last === 0) announced.push(entry);
      else if (!best || entry.last > best.last) best = entry;
    }
    best ??= announced.length === 1 ? announced[0] : undefined;
    return best && this.touch(best, surface);
  }

  /** The actor a description such as "the ministry" or "the U.S. president" refers to. */
  byDescriptor(descriptor: Descriptor): string | undefined {
    const bearers = [...this.entries.values()].filter(
      (entry) => entry.last > 0 && (entry.heads.has(descriptor.head) || entry.titles.has(descriptor.key)),
    );
    const qualified = bearers.filter((entry) =>
      descriptor.modifiers.every((word) => [...entry.titles, ...entry.names].some((key) => key.split(' ').includes(word))),
    );
    // "the German club" must be German; "the defense minister" may simply be the minister.
    const strict = descriptor.modifiers.some((word) => isDemonym(word) || this.index.names.get(word)?.kind === 'country');
    const pool = qualified.length > 0 ? qualified : strict ? [] : bearers;
    const best = pool.reduce<Entry | undefined>((a, b) => (!a || b.last > a.last ? b : a), undefined);
    if (best) return this.touch(best);
    // Nothing named yet: a catalogue actor that declares the description, if its country is in the story.
    const declared = this.index.descriptors.get(descriptor.key) ?? this.index.descriptors.get(descriptor.head) ?? [];
    const eligible = declared.filter(
      (actor) => actor.country !== undefined && (this.mentioned.has(actor.country) || this.entries.has(actor.country)),
    );
    const only = eligible.length === 1 ? eligible[0] : undefined;
    return only ? this.catalogActor(only) : undefined;
  }

  kindOf(id: string): ActorKind | undefined {
    return this.entries.get(id)?.kind;
  }

  /** The actors met, sorted by id, each with its aliases (catalogue aliases and forms seen). */
  actors(): Actor[] {
    return [...this.entries.values()]
      .filter((entry) => entry.last > 0)
      .map((entry) => {
        const aliases = new Set([...(entry.catalog?.aliases ?? []), ...entry.surfaces]);
        aliases.delete(entry.name);
        const list = [...aliases].filter((alias) => !/^the\s+\p{Ll}/u.test(alias)).sort();
        return { id: entry.id, name: entry.name, kind: entry.kind, aliases: list };
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The id a new actor of this name gets: its slug, numbered when taken ("-2"). */
  private freeId(name: string): string {
    let id = slugify(name);
    for (let n = 2; this.entries.has(id) || this.index.byId.has(id); n++) id = `${slugify(name)}-${n}`;
    return id;
  }

  private create(id: string, name: string, kind: ActorKind, catalog?: CatalogActor): Entry {
    const names = new Set([name, ...(catalog?.aliases ?? [])].map(nameKey));
    const words = new Set(wordKeys(name, kind));
    for (const alias of catalog?.aliases ?? []) if (!alias.includes(' ') && kind === 'person') words.add(nameKey(alias));
    const titles = new Set<string>();
    const heads = new Set<string>(kind === 'organization' ? orgHeads(names) : []);
    for (const title of catalog?.titles ?? []) {
      titles.add(nameKey(title));
      const head = titleHead(title) ?? headOf(nameKey(title));
      heads.add(head);
    }
    for (const [key, actors] of this.index.descriptors)
      if (catalog && actors.includes(catalog)) {
        titles.add(key);
        heads.add(headOf(key));
      }
    const entry: Entry = {
      id,
      name,
      kind,
      names,
      words,
      titles,
      heads,
      surfaces: new Set(),
      last: 0,
      ...(catalog ? { catalog } : {}),
    };
    this.entries.set(id, entry);
    return entry;
  }

  private touch(entry: Entry, surface?: string): string {
    entry.last = ++this.order;
    if (surface !== undefined) {
      entry.surfaces.add(surface);
      entry.names.add(nameKey(surface));
    }
    return entry.id;
  }
}
