/**
 * Where a clause says an event took place: "in the southeastern city of Gyeongju",
 * "at the southern side of Panmunjom", "at a Philadelphia shipyard", "in Seoul". Only
 * capitalised names count, and never a month, weekday or other date word.
 */
import { ROLE_WORDS } from './vocabulary';

const NAME = String.raw`[A-Z][\p{L}'’.-]*(?:\s+(?:of\s+)?[A-Z][\p{L}'’.-]*)*`;

const NOT_PLACES = new Set(
  [
    'January February March April May June July August September October November December',
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec',
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
    'Spring Summer Autumn Fall Winter The A An This That His Her Their Its Our',
  ]
    .join(' ')
    .split(' '),
);

const FACILITIES =
  'shipyard|plant|factory|port|airport|airbase|base|harbor|harbour|hotel|hospital|court|stadium|arena|university|campus|embassy|office|headquarters|station|summit|venue|facility';

// Tried in order: the most specific wording first.
const RULES: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:city|town|village|capital|port|province|county|island|region)\s+of\s+(${NAME})`, 'u'),
  new RegExp(String.raw`\b(?:at|on|near)\s+(?:the\s+)?(?:[a-z]+\s+){1,3}of\s+(${NAME})`, 'u'),
  new RegExp(String.raw`\b(?:at|in|near)\s+(?:a|an|the)\s+(${NAME})\s+(?:${FACILITIES})\b`, 'u'),
  new RegExp(String.raw`\b(?:in|near)\s+(${NAME})`, 'gu'),
];

function clean(name: string): string | undefined {
  const words = name
    .replace(/[.'’]+$/u, '')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  while (words.length > 0 && NOT_PLACES.has(words[words.length - 1]?.replace(/\.$/, '') ?? '')) words.pop();
  const first = words[0]?.replace(/\.$/, '');
  if (first === undefined || NOT_PLACES.has(first) || ROLE_WORDS.has(first)) return undefined;
  // "in President Lee's term" names a person's term, not a place.
  if (words.some((word) => /['’]s$/u.test(word))) return undefined;
  return words.join(' ');
}

/** The place a clause names for its event, or undefined. `exclude` drops words that carry the date. */
export function placeOf(clause: string, exclude: readonly string[] = []): string | undefined {
  let text = clause;
  for (const words of exclude) text = text.split(words).join(' '.repeat(words.length));
  for (const rule of RULES) {
    if (rule.global) {
      for (const match of text.matchAll(rule)) {
        const place = clean(match[1] ?? '');
        if (place !== undefined) return place;
      }
      continue;
    }
    const place = clean(rule.exec(text)?.[1] ?? '');
    if (place !== undefined) return place;
  }
  return undefined;
}
