/**
 * Which actors the filter lists for a "find an actor" query: those whose name or an
 * alias contains every word, plus the chosen ones, which never disappear from view.
 */
import type { Actor } from '../../model/schema';
import { normalise, queryTerms } from '../filter/filterEvents';

/** The actors to list, in the given order. */
export function visibleActors(actors: readonly Actor[], find: string, chosen: readonly string[]): Actor[] {
  const terms = queryTerms(find);
  if (terms.length === 0) return [...actors];
  return actors.filter((actor) => {
    if (chosen.includes(actor.id)) return true;
    const names = normalise([actor.name, ...actor.aliases].join('\n'));
    return terms.every((term) => names.includes(term));
  });
}
