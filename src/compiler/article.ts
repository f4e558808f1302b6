/**
 * The per-article stages: one article that has been read in, its cleaned text, events and
 * actors out. Runs on worker threads as well as the main thread, and is the only part of the
 * compiler that loads the NLP libraries (compromise, chrono-node): a run that takes every
 * article from the cache or its state never imports this module (see parallel.ts).
 */
import type { Actor } from '../model/schema';
import { resolveActors, type ActorMention } from './actors/resolveActors';
import type { ArticleContext, CompiledArticle } from './assemble';
import { explainClean } from './clean';
import { extractEvents } from './events';
import { attachActors } from './merge';
import { fileNameOf, type Article } from './read';
import { referenceOf } from './reference';
import { segmentText, type Segmentation } from './segment';
import { resolveTimes, type TimeExpression } from './time/resolveTimes';

// "Lee Jae Myung's five-year term", "Obama's presidency": the possessor names a period, not a participant.
const TERM_OF_OFFICE =
  /^['’]s\s+(?:(?:[\w-]+-year|first|second|current|last|next)\s+)?(?:term|tenure|presidency|premiership|administration|reign|era|watch)\b/i;

// People and groups known only by a role or kind: a name that qualifies them says who they are,
// and does not act itself ("U.S. forces", "the defense chiefs of South Korea and the United States").
const GROUP_NOUNS =
  'forces|troops|soldiers|sailors|vessels|ships|warships|aircraft|jets|planes|drones|officials|diplomats|lawmakers|authorities|' +
  'negotiators|delegates|citizens|nationals|residents|workers|companies|firms|banks|investors|media|envoys|delegation|delegations';
const ROLE_NOUNS =
  'chiefs?|heads?|leaders?|ministers?|secretar(?:y|ies)|presidents?|prime ministers?|officials?|envoys?|ambassadors?|' +
  'representatives?|delegations?|delegates?|spokes(?:man|woman|people|persons?)|commanders?|generals?';
// "Washington forces Seoul to pay" uses the noun as a verb: an object follows, so it is no modifier.
const MODIFIES_GROUP = new RegExp(`^\\s+(?:${GROUP_NOUNS})\\b(?!\\s+(?:[A-Z]|(?:to|the|a|an|its|his|her|their|them|us)\\b))`);
// A name right before a lower-case office or agency noun says whose office it is, like an
// adjective: "former Evanston mayor Daniel Whitaker", "Chicago police said" — the town does not act.
const OFFICE_NOUNS =
  'mayor|governor|police|sheriff|council(?:man|woman|lor)?|alderman|alderwoman|prosecutors?|attorney general|' +
  'district attorney|judge|senator|congressman|congresswoman|lawmaker|legislator|school board|fire department|city hall|' +
  'ministers?|officials?|authorities|chiefs?|envoys?|ambassadors?';
const MODIFIES_OFFICE = new RegExp(`^\\s+(?:${OFFICE_NOUNS})\\b(?!\\s+(?:to|the|a|an|its|his|her|their|them|us)\\b)`);
const QUALIFIES_ROLE = new RegExp(`\\b(?:${ROLE_NOUNS})\\s+of\\s+(?:the\\s+)?$`);
const LIST_LINK = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$/;

/**
 * Whether a name only qualifies unnamed people or things: a noun modifier of a generic plural
 * ("U.S. forces") or the complement of a lower-case role noun ("the defense chiefs of X and Y").
 * ANNOTATION.md lists unnamed people as no actors and countries only for state-level acts, and a
 * country that says whose officials act is no more a participant than "U.S." in "U.S. Defense Secretary".
 */
function qualifier(text: string, mention: ActorMention, previous: { mention: ActorMention; qualifier: boolean } | undefined) {
  if (MODIFIES_GROUP.test(text.slice(mention.end, mention.end + 30))) return true;
  if (MODIFIES_OFFICE.test(text.slice(mention.end, mention.end + 40))) return true;
  if (QUALIFIES_ROLE.test(text.slice(Math.max(0, mention.start - 60), mention.start))) return true;
  // "… of South Korea and the United States": a list continues the qualifier.
  return previous?.qualifier === true && LIST_LINK.test(text.slice(previous.mention.end, mention.start));
}

/**
 * Mentions that take part in events: not places (they become an event's `place`), not
 * names inside the words of a date, not the holder of a term that only dates the
 * event ("within President Lee's term that ends in 2030" dates a goal; Lee does not act),
 * and not a name that only qualifies unnamed people ("U.S. forces").
 */
function participantMentions(
  text: string,
  mentions: readonly ActorMention[],
  actors: readonly Actor[],
  times: readonly TimeExpression[],
): ActorMention[] {
  const places = new Set(actors.filter((actor) => actor.kind === 'place').map((actor) => actor.id));
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  let previous: { mention: ActorMention; qualifier: boolean } | undefined;
  const kept: ActorMention[] = [];
  for (const mention of ordered) {
    const isQualifier = qualifier(text, mention, previous);
    previous = { mention, qualifier: isQualifier };
    if (
      !isQualifier &&
      !places.has(mention.actor) &&
      !times.some((time) => mention.start >= time.start && mention.end <= time.end) &&
      !TERM_OF_OFFICE.test(text.slice(mention.end, mention.end + 40))
    )
      kept.push(mention);
  }
  return kept;
}

/** Mentions of places (not countries): where an event happened, which merge compares. */
function placeMentions(mentions: readonly ActorMention[], actors: readonly Actor[]): ActorMention[] {
  const places = new Set(actors.filter((actor) => actor.kind === 'place').map((actor) => actor.id));
  return mentions.filter((mention) => places.has(mention.actor));
}

/**
 * Far longer than any news story (a long feature is ~50,000 characters). Past it, the
 * event stages read only the paragraphs that end within it, so a pasted book or a
 * scraped archive page compiles in bounded time; the whole text is still published.
 */
export const EVENT_TEXT_LIMIT = 1_000_000;

function nlpScope(
  file: string,
  text: string,
  segmentation: Segmentation,
): { scope: { text: string; segmentation: Segmentation }; warning?: string } {
  if (text.length <= EVENT_TEXT_LIMIT) return { scope: { text, segmentation } };
  const paragraphs = segmentation.paragraphs.filter((paragraph) => paragraph.end <= EVENT_TEXT_LIMIT);
  const cut = paragraphs.at(-1)?.end ?? 0;
  const sentences = segmentation.sentences.filter((sentence) => sentence.end <= cut);
  const megabytes = (n: number) => `${(n / 1_000_000).toFixed(1)}M`;
  return {
    scope: { text: text.slice(0, cut), segmentation: { paragraphs, sentences } },
    // The file's name, not its path: a compiled article must not depend on where its folder is (see cacheKey).
    warning: `${fileNameOf(file)}: article text is ${megabytes(text.length)} characters; events were read from its first ${megabytes(cut)} only`,
  };
}

/** Runs the per-article stages on one article that has been read. */
export function compileArticle(article: Article, context: ArticleContext): CompiledArticle {
  const { text } = explainClean(article.body, { title: article.meta.title });
  const segmentation = segmentText(text);
  const reference = referenceOf(article.meta);
  const { scope, warning } = nlpScope(article.file, text, segmentation);
  const times = resolveTimes(scope.text, scope.segmentation, reference);
  const candidates = extractEvents(scope.text, scope.segmentation, times, reference);
  const { actors, mentions } = resolveActors(scope.text, scope.segmentation, context.catalog);
  return {
    article,
    text: {
      id: article.meta.id,
      text,
      paragraphs: segmentation.paragraphs.map(({ start, end }) => [start, end] as [number, number]),
    },
    events: attachActors(candidates, participantMentions(scope.text, mentions, actors, times), placeMentions(mentions, actors)),
    actors,
    warnings: warning === undefined ? [] : [warning],
  };
}
