import { describe, expect, it } from 'vitest';
import { initialAssets } from '../../bench/bundleBench';
import { dateExpression, relativeToAnchor, type DateKind } from '../../bench/dateExpressions';
import { generateCorpus } from '../../bench/generate';
import { Prng } from '../../bench/prng';
import { median } from '../../bench/results';
import { generateTimeline } from '../../bench/timelines';
import { readArticle } from '../../src/compiler/read';
import { addDays, daysBetween, weekday } from '../../src/model/calendarDate';
import { parseEdtf } from '../../src/model/edtf';
import { ArticleTextSchema, TimelineSchema } from '../../src/model/schema';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

describe('dateExpression', () => {
  it.each<[DateKind, string, string | undefined]>([
    ['lastWeek', '2024-03-06', '2024-02-26/2024-03-03'], // a Wednesday: the Monday–Sunday before
    ['lastWeek', '2024-03-04', '2024-02-26/2024-03-03'], // a Monday
    ['nextWeek', '2024-03-10', '2024-03-11/2024-03-17'], // a Sunday
    ['earlierThisMonth', '2023-08-19', '2023-08'],
    ['earlierThisMonth', '2023-08-03', undefined], // too early in the month to say "earlier"
    ['lastMonth', '2026-01-14', '2025-12'],
    ['earlierThisYear', '2025-06-30', '2025'],
    ['earlierThisYear', '2025-02-01', undefined],
  ])('%s published %s → %s', (kind, published, edtf) => {
    expect(dateExpression(kind, published, new Prng(3))?.edtf).toBe(edtf);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('names the weekday it resolves to, on the side its tense says (seed %i)', (seed) => {
    const rng = new Prng(seed);
    for (const published of ['2024-02-29', '2025-12-31', '2023-07-04']) {
      const when = dateExpression('weekday', published, rng);
      if (!when?.day) throw new Error('expected a weekday expression with a day');
      expect(when.text).toBe(`on ${WEEKDAYS[weekday(when.day)]}`);
      const offset = daysBetween(published, when.day);
      if (when.tense === 'past') expect(offset).toBeGreaterThanOrEqual(-6);
      else expect(offset).toBeGreaterThanOrEqual(0);
      expect(Math.abs(offset)).toBeLessThanOrEqual(6);
      expect(offset <= 0 || when.tense === 'future').toBe(true);
    }
  });

  it('writes month-day dates in AP style and keeps them within a few months', () => {
    const rng = new Prng(11);
    for (let i = 0; i < 50; i++) {
      const when = dateExpression('monthDay', '2025-01-10', rng);
      expect(when?.text).toMatch(/^on (Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2}$/);
      expect(Math.abs(daysBetween('2025-01-10', when?.edtf ?? ''))).toBeLessThanOrEqual(60);
    }
  });

  it('counts "the following day" and "N days later" from the anchor and never past publication', () => {
    const rng = new Prng(5);
    for (let i = 0; i < 40; i++) {
      const when = relativeToAnchor('2025-03-01', '2025-03-03', rng);
      if (!when) continue;
      const offsets: Record<string, number> = { 'the following day': 1, 'a day later': 1, 'two days later': 2 };
      expect(daysBetween('2025-03-01', when.edtf)).toBe(offsets[when.text]);
      expect(when.edtf <= '2025-03-03').toBe(true);
    }
  });
});

describe('generateCorpus', () => {
  const articles = [...generateCorpus(40, 9)];

  it('is deterministic from the seed, and article i does not depend on N', () => {
    expect([...generateCorpus(40, 9)]).toEqual(articles);
    expect([...generateCorpus(5, 9)]).toEqual(articles.slice(0, 5));
    expect([...generateCorpus(5, 10)][0]?.content).not.toBe(articles[0]?.content);
  });

  it.each(articles.slice(0, 12).map((a) => [a.fileName, a] as const))(
    '%s reads cleanly and its gold is sound',
    (_name, article) => {
      const read = readArticle(`corpus/${article.fileName}`, new TextEncoder().encode(article.content));
      const words = read.body.split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThan(500);
      expect(words).toBeLessThan(900);
      expect(article.gold.length).toBeGreaterThanOrEqual(5);
      const published = read.meta.published.slice(0, 10);
      for (const event of article.gold) {
        expect(read.body).toContain(event.passage);
        expect(event.passage).toContain(event.date_text);
        expect(parseEdtf(event.date).ok).toBe(true);
        expect(event.actors.length).toBeGreaterThan(0);
        if (event.status === 'occurred' && /^\d{4}-\d{2}-\d{2}$/.test(event.date)) expect(event.date <= published).toBe(true);
        if (event.status === 'scheduled' && /^\d{4}-\d{2}-\d{2}$/.test(event.date)) expect(event.date >= published).toBe(true);
      }
    },
  );

  it('plants happenings that several articles report, named by their date and headline', () => {
    const reports = new Map<string, { article: string; actors: string[] }[]>();
    // Two stories of a hundred articles each over a year: about eight articles of a story a month.
    for (const article of generateCorpus(200, 9, 2))
      for (const event of article.gold) {
        expect(event.happening).toBe(`${event.date} ${event.title}`);
        const list = reports.get(event.happening) ?? [];
        list.push({ article: article.fileName, actors: event.actors });
        reports.set(event.happening, list);
      }
    const shared = [...reports].filter(([, list]) => new Set(list.map((r) => r.article)).size > 1).map(([, list]) => list);
    // Reports of a story's happenings, dated from each article's own day ("on Wednesday", "on Oct. 29"):
    // 122 of one day in this corpus; events planted apart meet on one day and headline 20 times.
    const days = [...reports].filter(
      ([key, list]) => /^\d{4}-\d{2}-\d{2} /.test(key) && new Set(list.map((r) => r.article)).size > 1,
    );
    expect(days.length).toBeGreaterThan(60);
    for (const list of shared) for (const report of list) expect(report.actors).toEqual(list[0]?.actors);
  });

  it('anchors "the following day" on the event written just before it', () => {
    let checked = 0;
    for (const article of articles) {
      article.gold.forEach((event, i) => {
        const match = /^(The following day|A day later|Two days later|Three days later)$/.exec(event.date_text);
        const previous = article.gold[i - 1];
        if (!match || !previous) return;
        const offset = { 'The following day': 1, 'A day later': 1, 'Two days later': 2, 'Three days later': 3 }[
          match[1] as string
        ];
        expect(event.date).toBe(addDays(previous.date, offset ?? 0));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('generateTimeline', () => {
  it('writes a contract-valid timeline whose quotes are exact slices of the article texts', () => {
    const { timeline, texts } = generateTimeline(300, 4);
    expect(TimelineSchema.safeParse(timeline).success).toBe(true);
    expect(timeline.events).toHaveLength(300);
    const byId = new Map(texts.map((t) => [t.id, t.text]));
    for (const text of texts) expect(ArticleTextSchema.safeParse(text).success).toBe(true);
    for (const source of timeline.events.flatMap((e) => e.sources)) {
      expect(byId.get(source.article)?.slice(source.start, source.end)).toBe(source.quote);
    }
  });
});

describe('bench helpers', () => {
  it.each([
    ['<script type="module" crossorigin src="./assets/index-a.js"></script>', ['assets/index-a.js']],
    [
      '<link rel="modulepreload" href="./assets/vendor.js"><link rel="stylesheet" href="./assets/app.css"><link rel="icon" href="./favicon.svg">',
      ['assets/app.css', 'assets/vendor.js'],
    ],
    ['<script src="https://cdn.example/x.js"></script><link rel="preconnect" href="./x">', []],
  ])('initialAssets(%s)', (html, expected) => {
    expect(initialAssets(html)).toEqual(expected);
  });

  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
