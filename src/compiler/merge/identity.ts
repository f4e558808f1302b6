/**
 * Stable event ids: a readable slug plus a short hash of the event's identity (its
 * normalised name, or the first source's article id and quote), so an id survives
 * recompiles and is unaffected by adding or removing unrelated articles.
 */
import { createHash } from 'node:crypto';

const SLUG_WORDS = 8;

/** Lower-case, hyphenated form of a title: "57th Security Consultative Meeting" → "57th-security-consultative-meeting". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, SLUG_WORDS)
    .join('-');
  return slug.length > 0 ? slug : 'event';
}

/** The id of an event whose identity is `identity` and whose readable part is `title`. */
export function eventId(title: string, identity: string): string {
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 6);
  return `${slugify(title)}-${hash}`;
}
