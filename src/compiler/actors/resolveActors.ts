/**
 * Stage `actors`: cleaned text → the actors an article mentions and every mention, with
 * offsets into that text. Names come from the curated catalogue (data/actors.yaml) and
 * from capitalised-name rules; surnames, titles and "the ministry"-style descriptions are
 * resolved to the actor meant; locative uses ("in Seoul") are marked. Output is sorted.
 */
import type { Actor, ActorKind } from '../../model/schema';
import type { Segmentation } from '../segment';
import { indexCatalog, type CatalogIndex } from './catalog';
import { inferKind, sentenceTagger } from './classify';
import { ArticleActors } from './coref';
import { findDescriptors, type Descriptor } from './descriptors';
import { isBareHead } from './lexicon';
import { continuesList, isAttributive, isLocative, placeContext, type PlaceContext } from './locative';
import { findNameCandidates, type NameCandidate } from './names';
import { spanLookup, tokenize } from './tokens';

/** One entry of data/actors.yaml. */
export type CatalogActor = Actor & {
  /** Titles that refer to this actor in context ("the Secretary", "Defense Secretary"). */
  titles?: string[];
  /** Names that stand for this actor by metonymy ("Seoul", "Washington", "the Pentagon"). */
  metonyms?: string[];
  /** The country an organisation belongs to; "the ministry" can mean it once that country is named. */
  country?: string;
};

export type ActorMention = {
  actor: string;
  start: number;
  end: number;
  /** The words of the mention, exactly `text.slice(start, end)` (a possessive "'s" is left out). */
  text: string;
  /** Names where something happens ("in Seoul", "visits to Japan") rather than who acts. */
  locative: boolean;
};

export type ActorResolution = { actors: Actor[]; mentions: ActorMention[] };

type Item = { name: NameCandidate; context: PlaceContext } | { descriptor: Descriptor; context: PlaceContext };

const indexes = new WeakMap<readonly CatalogActor[], CatalogIndex>();

function indexOf(catalog: readonly CatalogActor[]): CatalogIndex {
  const cached = indexes.get(catalog);
  if (cached) return cached;
  const index = indexCatalog(catalog);
  indexes.set(catalog, index);
  return index;
}

function headlineTest(text: string, segmentation: Segmentation): (offset: number) => boolean {
  // Lines without closing punctuation are headings, datelines and page furniture.
  const headings = segmentation.paragraphs.filter((span) => !/[.!?"”’\]…]$/.test(text.slice(span.start, span.end).trimEnd()));
  const heading = spanLookup(headings);
  return (offset) => heading(offset) !== undefined;
}

/** Keeps either a description or the names inside it: "the U.S. president" vs "the Defense Ministry". */
function arbitrate(names: NameCandidate[], descriptors: Descriptor[]): Array<NameCandidate | Descriptor> {
  const dropped = new Set<NameCandidate>();
  const kept: Descriptor[] = [];
  let first = 0;
  for (const descriptor of descriptors) {
    // Both lists are in text order, so the names a description overlaps start from `first`.
    while (first < names.length && (names[first] as NameCandidate).end <= descriptor.start) first++;
    const inside: NameCandidate[] = [];
    for (let i = first; i < names.length && (names[i] as NameCandidate).start < descriptor.end; i++)
      inside.push(names[i] as NameCandidate);
    const qualifiers = inside.every(
      (name) =>
        (name.end <= descriptor.headStart && (!name.match?.name || ['country', 'place'].includes(name.match.name.kind))) ||
        (!name.match && name.tokens.every((token) => isBareHead(token.lower))),
    );
    if (!qualifiers) continue;
    inside.forEach((name) => dropped.add(name));
    kept.push(descriptor);
  }
  return [...names.filter((name) => !dropped.has(name)), ...kept].sort((a, b) => a.start - b.start);
}

function withContexts(text: string, found: Array<NameCandidate | Descriptor>): Item[] {
  const items: Item[] = [];
  found.forEach((item, i) => {
    let context = placeContext(text, item.start);
    const previous = items[i - 1];
    const before = found[i - 1];
    if (context === 'none' && previous && before && continuesList(text.slice(before.end, item.start))) context = previous.context;
    items.push('head' in item ? { descriptor: item, context } : { name: item, context });
  });
  return items;
}

/** Kinds that a later mention of a name reveals ("the BHP unit"), for its earlier mentions too. */
function kindsFromAnyMention(text: string, items: readonly Item[]): Map<string, ActorKind> {
  const kinds = new Map<string, ActorKind>();
  for (const item of items) {
    if (!('name' in item) || item.name.match || item.name.title !== undefined || kinds.has(item.name.key)) continue;
    const kind = inferKind(item.name, text, item.context, () => []);
    if (kind) kinds.set(item.name.key, kind);
  }
  return kinds;
}

/**
 * The people the article names in full, titled or not ("Ambassador Mitrouth Brith", "Kohe
 * Laitrum"), whom a surname written before them may mean.
 */
function fullNamedPeople(text: string, items: readonly Item[], knownKinds: ReadonlyMap<string, ActorKind>): string[] {
  return items.flatMap((item) =>
    'name' in item &&
    item.name.tokens.length >= 2 &&
    !item.name.match &&
    !item.name.qualifies &&
    (item.name.title !== undefined || knownKinds.get(item.name.key) === 'person')
      ? [text.slice(item.name.start, item.name.end)]
      : [],
  );
}

/** Finds the actors mentioned in one article and where. */
export function resolveActors(text: string, segmentation: Segmentation, catalog: readonly CatalogActor[]): ActorResolution {
  const index = indexOf(catalog);
  const tokens = tokenize(text, segmentation);
  const names = findNameCandidates(text, tokens, index, headlineTest(text, segmentation));
  const items = withContexts(text, arbitrate(names, findDescriptors(text, tokens, index)));
  const tagger = sentenceTagger(text, segmentation.sentences);
  const knownKinds = kindsFromAnyMention(text, items);
  const registry = new ArticleActors(index);
  for (const person of fullNamedPeople(text, items, knownKinds)) registry.announce(person);
  const blocked = new Set<string>();
  const untagged = new Set<string>();
  const mentions: ActorMention[] = [];
  let previous: { end: number; actor: string | undefined } | undefined;

  const mention = (actor: string, start: number, end: number, locative: boolean) => {
    mentions.push({ actor, start, end, text: text.slice(start, end), locative });
    previous = { end, actor };
  };

  for (const item of items) {
    if ('descriptor' in item) {
      const { descriptor, context } = item;
      const actor = registry.byDescriptor(descriptor);
      if (actor)
        mention(
          actor,
          descriptor.start,
          descriptor.end,
          isLocative(context, registry.kindOf(actor) ?? 'other', descriptor.possessive),
        );
      continue;
    }
    const { name, context } = item;
    const possessive = name.tokens[name.tokens.length - 1]?.possessive === true;
    const surface = text.slice(name.start, name.end);
    const inParens = text[name.start - 1] === '(' && text[name.end] === ')' && name.tokens.length === 1;
    if (blocked.has(name.key)) continue;
    // "U.S. Forces Korea (USFK)": the short form names what the long form named.
    if (inParens && previous && previous.end === name.start - 2 && !name.match) {
      if (previous.actor) {
        registry.addAlias(previous.actor, surface);
        mention(previous.actor, name.start, name.end, false);
      } else blocked.add(name.key);
      continue;
    }
    // "wartime operational control (Opcon)": a term defined in lower case is not an actor.
    if (inParens && !name.match && /\p{Ll} \($/u.test(text.slice(Math.max(0, name.start - 3), name.start))) {
      blocked.add(name.key);
      continue;
    }
    if (name.qualifies) {
      const qualifier = name.match?.name ?? name.match?.metonym;
      if (qualifier) registry.noteQualifier(qualifier);
      continue;
    }
    let actor: string | undefined;
    let viaMetonym = false;
    if (name.match) {
      const literal = name.match.name;
      const locativeLiteral = isLocative(context, literal?.kind ?? 'place', possessive);
      if (name.match.metonym && !locativeLiteral) {
        actor = registry.catalogActor(name.match.metonym, surface);
        viaMetonym = true;
      } else if (literal?.kind === 'person' && name.tokens.length === 1)
        actor = registry.byName(name.key, surface, { kinds: ['person'], words: true }) ?? registry.catalogActor(literal, surface);
      else if (literal) actor = registry.catalogActor(literal, surface);
      else actor = registry.byName(name.key, surface, { kinds: ['place'] }) ?? registry.newActor(surface, 'place');
    } else if (name.title !== undefined) {
      actor =
        registry.byName(name.key, surface, { kinds: ['person'], words: name.tokens.length === 1 }) ??
        registry.newActor(surface, 'person');
    } else {
      const single = name.tokens.length === 1;
      actor =
        registry.byName(name.key, surface) ??
        (single && context === 'none' ? registry.byName(name.key, surface, { words: true }) : undefined);
      if (!actor) {
        // A name compromise found nothing in once is not sent to it again.
        const kind = knownKinds.get(name.key) ?? inferKind(name, text, context, untagged.has(name.key) ? () => [] : tagger);
        if (!kind) untagged.add(name.key);
        actor = kind && registry.newActor(surface, kind);
      }
    }
    if (!actor) {
      previous = { end: name.end, actor: undefined };
      continue;
    }
    if (name.title !== undefined) registry.addTitle(actor, name.title);
    const kind = registry.kindOf(actor) ?? 'other';
    const attributive = kind === 'place' && !viaMetonym && !possessive && isAttributive(text, name.end);
    mention(actor, name.start, name.end, isLocative(context, kind, possessive) || attributive);
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return { actors: registry.actors(), mentions };
}
