/**
 * The reference every relative date in an article is resolved against: the calendar
 * date of publication in the article's own zone. `published: 2025-10-27T09:04+09:00`
 * is 27 Oct whatever the machine's zone; with `timezone`, a date-time is read in that
 * zone (a `Z` time just after midnight UTC is already the next day in Seoul).
 */
import type { ArticleMeta } from './read';
import type { Reference } from './time/resolveTimes';

/** The calendar date of an instant in an IANA zone, as YYYY-MM-DD. */
function dateInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    instant,
  );
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Builds the publication reference of an article from its front matter. */
export function referenceOf(meta: Pick<ArticleMeta, 'published' | 'timezone'>): Reference {
  const date = meta.published.slice(0, 10);
  const hasTime = meta.published.length > 10;
  const local = hasTime && meta.timezone !== undefined ? dateInZone(new Date(meta.published), meta.timezone) : date;
  return { date: local, published: meta.published, ...(meta.timezone === undefined ? {} : { timezone: meta.timezone }) };
}
