/**
 * The curated actor list (data/actors.yaml): parsing and validation with file:line
 * errors, and the lookup index the name rules match against. Names and aliases are
 * matched by `nameKey`; metonyms ("Seoul" for South Korea) only where not locative;
 * titles and lower-case "the …" phrases ("the ministry") are descriptors resolved in context.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { ActorKindSchema, formatDataPath, IdSchema } from '../../model/schema';
import { CompileError, show } from '../errors';
import type { CatalogActor } from './resolveActors';
import { nameKey } from './tokens';

const phrase = z.string().trim().min(1, 'expected a non-empty string').max(200, 'expected at most 200 characters');

const EntrySchema = z.strictObject({
  id: IdSchema,
  name: phrase,
  kind: ActorKindSchema,
  aliases: z.array(phrase).default([]),
  titles: z.array(phrase).optional(),
  metonyms: z.array(phrase).optional(),
  country: IdSchema.optional(),
});

const CatalogSchema = z.array(EntrySchema);

const KNOWN_KEYS = Object.keys(EntrySchema.shape).join(', ');

function lineAt(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) return lines.linePos(offset).line;
  }
  return 1;
}

function fail(file: string, line: number, message: string, code: 'field' | 'input' = 'field'): never {
  throw new CompileError({ file, line, code, message });
}

/** True when a catalogue phrase is a descriptor to resolve in context ("the ministry"). */
export function isDescriptorPhrase(surface: string): boolean {
  return /^the\s+\p{Ll}/u.test(surface.trim());
}

function checkReferences(actors: readonly CatalogActor[], at: (path: PropertyKey[]) => number, file: string): void {
  const ids = new Map<string, CatalogActor>();
  const names = new Map<string, string>();
  const metonyms = new Map<string, string>();
  actors.forEach((actor, i) => {
    if (ids.has(actor.id)) fail(file, at([i, 'id']), `id: expected a unique actor id, got ${show(actor.id)} used twice`);
    ids.set(actor.id, actor);
    const claim = (map: Map<string, string>, surface: string, path: PropertyKey[], what: string) => {
      const key = nameKey(surface);
      const owner = map.get(key);
      if (owner !== undefined && owner !== actor.id)
        fail(file, at(path), `expected each ${what} to name one actor, got ${show(surface)} for both ${owner} and ${actor.id}`);
      map.set(key, actor.id);
    };
    claim(names, actor.name, [i, 'name'], 'name or alias');
    actor.aliases.forEach((alias, j) => {
      if (!isDescriptorPhrase(alias)) claim(names, alias, [i, 'aliases', j], 'name or alias');
    });
    (actor.metonyms ?? []).forEach((metonym, j) => {
      if (!isDescriptorPhrase(metonym)) claim(metonyms, metonym, [i, 'metonyms', j], 'metonym');
    });
  });
  actors.forEach((actor, i) => {
    if (actor.country === undefined) return;
    const country = ids.get(actor.country);
    if (country?.kind !== 'country')
      fail(file, at([i, 'country']), `country: expected the id of a country in this list, got ${show(actor.country)}`);
  });
}

/** Parses and validates the curated actor list; throws a CompileError naming file:line. */
export function parseActorCatalog(yamlText: string, file: string): CatalogActor[] {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, {
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    lineCounter: lines,
    prettyErrors: false,
  });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem)
    fail(
      file,
      lines.linePos(problem.pos[0]).line,
      `expected plain YAML, got ${problem.message.split('\n')[0] ?? 'a syntax error'}`,
      'input',
    );
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    fail(file, 1, `expected plain YAML, got ${(error as Error).message.split('\n')[0] ?? 'an error'}`, 'input');
  }
  if (data === null || data === undefined) return [];
  const at = (path: PropertyKey[]) => lineAt(doc, lines, path);
  const parsed = CatalogSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    if (path.length === 0) fail(file, 1, `expected a list of actors (- id: …), got ${show(data)}`);
    if (issue?.code === 'unrecognized_keys')
      fail(
        file,
        at([...path, issue.keys[0] ?? '']),
        `expected only the keys ${KNOWN_KEYS}, got unknown key ${show(issue.keys[0])}`,
      );
    const value = doc.getIn(path);
    const where = path.length > 1 ? formatDataPath(path.slice(1)) : 'entry';
    if (value === undefined) fail(file, at(path), `${where}: expected a value (required), got nothing`);
    const message = (issue?.message ?? 'expected a valid value')
      .replace(/^Invalid (?:input|option): /, '')
      .replace(/, received .*$/, '');
    fail(file, at(path), `${where}: ${/^expected/.test(message) ? message : `expected ${message}`}, got ${show(value)}`);
  }
  const actors: CatalogActor[] = parsed.data.map(({ titles, metonyms, country, ...actor }) => ({
    ...actor,
    ...(titles === undefined ? {} : { titles }),
    ...(metonyms === undefined ? {} : { metonyms }),
    ...(country === undefined ? {} : { country }),
  }));
  checkReferences(actors, at, file);
  return actors;
}

/** The catalogue as lookups by name key. */
export type CatalogIndex = {
  byId: ReadonlyMap<string, CatalogActor>;
  /** Name and alias keys (names never hold descriptors). */
  names: ReadonlyMap<string, CatalogActor>;
  metonyms: ReadonlyMap<string, CatalogActor>;
  /** Descriptor keys ("ministry", "defense secretary") → the actors that declare them. */
  descriptors: ReadonlyMap<string, readonly CatalogActor[]>;
  /** The most words in any name, alias or metonym key. */
  maxWords: number;
};

/** Builds the lookup index of a validated catalogue. */
export function indexCatalog(catalog: readonly CatalogActor[]): CatalogIndex {
  const names = new Map<string, CatalogActor>();
  const metonyms = new Map<string, CatalogActor>();
  const descriptors = new Map<string, CatalogActor[]>();
  const addDescriptor = (surface: string, actor: CatalogActor) => {
    const key = nameKey(surface);
    descriptors.set(key, [...(descriptors.get(key) ?? []), actor]);
  };
  for (const actor of catalog) {
    for (const surface of [actor.name, ...actor.aliases])
      if (isDescriptorPhrase(surface)) addDescriptor(surface, actor);
      else names.set(nameKey(surface), actor);
    for (const surface of actor.metonyms ?? [])
      if (isDescriptorPhrase(surface)) addDescriptor(surface, actor);
      else metonyms.set(nameKey(surface), actor);
    for (const title of actor.titles ?? []) addDescriptor(title, actor);
  }
  const keys = [...names.keys(), ...metonyms.keys()];
  const maxWords = Math.max(1, ...keys.map((key) => key.split(' ').length));
  return { byId: new Map(catalog.map((actor) => [actor.id, actor])), names, metonyms, descriptors, maxWords };
}
