/**
 * Locative use: whether a mention names where something happens ("in Seoul", "at the
 * Defense Ministry", "visits to Japan, Malaysia and Vietnam", "a Philadelphia shipyard")
 * rather than who acts ("Seoul's push", "from Washington", "Seoul has vowed"). Reads only
 * the words around a mention; the kind of actor decides which prepositions count.
 */
import type { ActorKind } from '../../model/schema';
import { lexiconTags, SPATIAL_NOUNS } from './lexicon';

/** What the words before a mention say about place: "at" (sites), "in"/"to" (areas), "on" (surfaces). */
export type PlaceContext = 'site' | 'area' | 'surface' | 'none';

const DIRECTION =
  '(?:(?:north|south|east|west|central|northern|southern|eastern|western|north(?:east|west)ern|south(?:east|west)ern|downtown|rural|coastal)\\s+)?';
const SITE = new RegExp(`(?:^|[^\\p{L}])(?:at|inside|outside|near)\\s+(?:the\\s+)?${DIRECTION}$`, 'iu');
const AREA = new RegExp(
  `(?:^|[^\\p{L}])(?:in|into|within|throughout|across|around|to|toward|towards|via|onto|off)\\s+(?:the\\s+)?${DIRECTION}$`,
  'iu',
);
const SURFACE = /(?:^|[^\p{L}])(?:on|over)\s+(?:the\s+)?$/iu;
const OF_PLACE = new RegExp(`(?:^|[^\\p{L}])(?:${[...SPATIAL_NOUNS].join('|')})\\s+of\\s+(?:the\\s+)?$`, 'iu');

/** Classifies the words just before `start`. */
export function placeContext(text: string, start: number): PlaceContext {
  const before = text.slice(Math.max(0, start - 60), start);
  if (SITE.test(before)) return 'site';
  if (AREA.test(before) || OF_PLACE.test(before)) return 'area';
  if (SURFACE.test(before)) return 'surface';
  return 'none';
}

/** True when the text between two mentions continues a list: ", ", " and ", ", or ". */
export function continuesList(between: string): boolean {
  return /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/.test(between);
}

const VERBISH = new Set([
  'Verb',
  'PastTense',
  'PresentTense',
  'Copula',
  'Modal',
  'Auxiliary',
  'Adverb',
  'Preposition',
  'Conjunction',
  'Determiner',
  'Pronoun',
]);

/** True when a place name is used as an adjective before a noun: "a Philadelphia shipyard". */
export function isAttributive(text: string, end: number): boolean {
  const next = /^ (\p{Ll}[\p{L}-]*)/u.exec(text.slice(end, end + 40));
  if (!next?.[1]) return false;
  const tags = lexiconTags(next[1]);
  return !tags.some((tag) => VERBISH.has(tag)) && !/(?:ed|s)$/.test(next[1]);
}

/** Decides whether a mention of an actor of this kind, in this context, is a location. */
export function isLocative(context: PlaceContext, kind: ActorKind, possessive: boolean): boolean {
  if (possessive || kind === 'person' || kind === 'other') return false;
  if (context === 'site') return true;
  if (context === 'area') return kind === 'place' || kind === 'country';
  if (context === 'surface') return kind === 'place';
  return false;
}
