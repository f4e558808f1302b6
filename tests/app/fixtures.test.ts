import { describe, expect, it } from 'vitest';
import { quoteProblem } from '../../src/model/quote';
import { ArticleTextSchema, TimelineSchema } from '../../src/model/schema';
import { seedLikeArticles, seedLikeTimeline } from '../fixtures/timeline/seedLike';

describe('the seed-like fixture', () => {
  it('keeps the data contract', () => {
    expect(TimelineSchema.safeParse(seedLikeTimeline).success).toBe(true);
    for (const article of seedLikeArticles) expect(ArticleTextSchema.safeParse(article).success).toBe(true);
  });

  it('quotes every passage exactly from its article text', () => {
    const texts = new Map(seedLikeArticles.map((article) => [article.id, article.text]));
    const problems = seedLikeTimeline.events.flatMap((event) =>
      event.sources.map((source) => quoteProblem(texts.get(source.article) ?? '', source)).filter(Boolean),
    );
    expect(problems).toEqual([]);
  });
});
