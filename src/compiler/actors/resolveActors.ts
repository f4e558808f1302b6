/**
 * Stage `actors`: cleaned text → actor mentions with canonical actors, from a curated
 * catalogue plus named-entity rules. (Placeholder until the actors stage lands.)
 */
import type { Actor } from '../../model/schema';
import type { Segmentation } from '../segment';

/** One entry of data/actors.yaml. */
export type CatalogActor = Actor & {
  /** Titles that refer to this actor in context ("the Secretary", "Defense Secretary"). */
  titles?: string[];
  /** Names that stand for this actor by metonymy ("Seoul", "Washington", "the Pentagon"). */
  metonyms?: string[];
};

export type ActorMention = { actor: string; start: number; end: number };

export type ActorResolution = { actors: Actor[]; mentions: ActorMention[] };

/** Finds the actors mentioned in one article and where. */
export function resolveActors(_text: string, _segmentation: Segmentation, _catalog: readonly CatalogActor[]): ActorResolution {
  return { actors: [], mentions: [] };
}
