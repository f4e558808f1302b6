/**
 * Stage `validate`: the compiled timeline and article texts → the same, checked against
 * the data contract (zod schemas) and the passage invariant. A failure here is a bug in
 * an earlier stage, reported with the data path of the first bad fields.
 */
import { quoteProblem } from '../model/quote';
import { ArticleTextSchema, describeIssues, TimelineSchema, type ArticleText, type Timeline } from '../model/schema';
import { z } from 'zod';
import { CompileError } from './errors';

/** Each part of a timeline on its own, without the rules across parts (which need all of it). */
const TimelinePartsSchema = z.object(TimelineSchema.shape);

/**
 * Throws a CompileError (code `contract`) unless the output satisfies the contract. With
 * `partial`, the timeline holds only the articles and events made this run and `texts` only
 * their texts: each part is checked, the quotes of sources in other articles are not, and
 * the caller checks the references across the whole timeline (an incremental compile checks
 * what it made; the rest was checked when it was made, by the same compiler).
 */
export function validateOutput(timeline: Timeline, texts: readonly ArticleText[], { partial = false } = {}): void {
  const parsed = (partial ? TimelinePartsSchema : TimelineSchema).safeParse(timeline);
  if (!parsed.success)
    throw new CompileError({
      file: 'timeline.json',
      code: 'contract',
      message: `output breaks the contract:\n${describeIssues('timeline.json', parsed.error)}`,
    });
  const byId = new Map<string, ArticleText>();
  for (const text of texts) {
    const result = ArticleTextSchema.safeParse(text);
    if (!result.success)
      throw new CompileError({
        file: `articles/${text.id}.json`,
        code: 'contract',
        message: describeIssues(`articles/${text.id}.json`, result.error),
      });
    byId.set(text.id, text);
  }
  timeline.events.forEach((event, i) => {
    event.sources.forEach((source, j) => {
      const article = byId.get(source.article);
      if (partial && !article) return;
      const problem = article ? quoteProblem(article.text, source) : `expected article ${source.article} to exist`;
      if (problem)
        throw new CompileError({ file: 'timeline.json', code: 'contract', message: `events[${i}].sources[${j}]: ${problem}` });
    });
  });
}
