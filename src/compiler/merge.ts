/**
 * Stage `merge`: candidate events of every article → timeline events. The same event
 * reported in several sentences or articles becomes one event with several sources.
 * (Placeholder until the merge stage lands: no events.)
 */
import type { Actor, TimelineEvent } from '../model/schema';
import type { Article } from './read';
import type { CandidateEvent } from './events';

/** A candidate event with the ids of the actors that take part in it. */
export type ActorEvent = CandidateEvent & { actors: string[] };

export type ArticleEvents = { article: Article; text: string; events: ActorEvent[]; actors: Actor[] };

/** Merges the events of all articles into timeline events and the actors they use. */
export function mergeEvents(_articles: readonly ArticleEvents[]): { events: TimelineEvent[]; actors: Actor[] } {
  return { events: [], actors: [] };
}
