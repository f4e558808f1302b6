/**
 * Small word lists shared by the events rules: titles and roles that precede a
 * person's name ("U.S. Defense Secretary Pete Hegseth"), pronouns that stand for an
 * earlier subject, and the nouns that name a kind of happening ("summit", "talks").
 */

/** Titles that end a role before a person's name ("… Defense Secretary | Pete Hegseth"). */
export const ROLE_WORDS = new Set(
  (
    'President Minister Secretary Chancellor Premier Chairman Chairwoman Chair Governor Mayor Senator Sen. Rep. ' +
    'Representative Gen. General Lt. Col. Adm. Admiral Judge Justice CEO Director Ambassador Prince Princess King Queen Pope ' +
    'Dr. Mr. Mrs. Ms. Commander Chief Spokesman Spokeswoman Speaker Leader Envoy Lawmaker Coach Manager Captain Officer'
  ).split(' '),
);

/** Pronouns that refer back to an earlier subject. */
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'him', 'her', 'them']);

/** Nouns that name a happening, so a verbless phrase around a date can still be an event. */
export const EVENT_NOUNS =
  /\b(?:summit|summits|talks|meeting|meetings|conference|visit|visits|trip|tour|parade|election|elections|vote|referendum|ceremony|hearing|trial|verdict|ruling|launch|test|exercise|exercises|drill|drills|attack|strike|strikes|protest|rally|inauguration|funeral|wedding|match|game|final|festival|session|forum|dialogue|negotiations|consultations|discussions|agreement|deal|signing|announcement|speech|address|crash|earthquake|fire|explosion|opening|closing|release|debate|interview|meeting|swing|leg|accident)\b/i;

/** Families of event nouns that may name the same happening ("annual security talks" = a meeting). */
export const NOUN_FAMILIES: readonly RegExp[] = [
  /\b(?:meeting|talks|conference|consultations?|dialogue|session|forum|summit|negotiations)\b/i,
  /\b(?:visit|trip|tour|swing|leg)\b/i,
  /\b(?:election|vote|referendum|ballot)\b/i,
  /\b(?:exercise|exercises|drill|drills|maneuvers)\b/i,
];

/** Verbs that report what someone else did or will do: their subject is a source, not a participant. */
export const REPORTING = /\b(?:said|says|told|announced|stated|reported|claimed|confirmed|added|noted|wrote)\b/i;
