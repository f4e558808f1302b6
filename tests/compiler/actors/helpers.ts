import { readFileSync } from 'node:fs';
import { parseActorCatalog } from '../../../src/compiler/actors/catalog';
import { resolveActors, type ActorResolution, type CatalogActor } from '../../../src/compiler/actors/resolveActors';
import { segmentText } from '../../../src/compiler/segment';

/** The curated list as shipped. */
export const CATALOG: readonly CatalogActor[] = parseActorCatalog(readFileSync('data/actors.yaml', 'utf8'), 'data/actors.yaml');

/** Runs the stage on a text with the segmentation the pipeline gives it. */
export function resolve(text: string, catalog: readonly CatalogActor[] = CATALOG): ActorResolution {
  return resolveActors(text, segmentText(text), catalog);
}

/** Each mention as "words→actor id", with "@" marking a locative mention. */
export function mentionList(text: string, catalog: readonly CatalogActor[] = CATALOG): string[] {
  return resolve(text, catalog).mentions.map((mention) => `${mention.text}→${mention.actor}${mention.locative ? '@' : ''}`);
}
