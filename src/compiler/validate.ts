/**
 * Stage `validate`: the compiled timeline and article texts → the same, checked against
 * the data contract (zod schemas) and the passage invariant. A failure here is a bug in
 * an earlier stage, reported with the data path of the first bad fields.
 */
import { quoteProblem } from '../model/quote';
import { ArticleTextSchema, describeIssues, TimelineSchema, type ArticleText, type Timeline } from '../model/schema';
import { CompileError } from './errors';

/**
 * Throws a CompileError (code `contract`) unless the output satisfies the contract. With
 * `partial`, `texts` are only some of the articles, and the quotes of sources in other
 * articles are not checked (an incremental compile checks what it made this run).
 */
export function validateOutput(timeline: Timeline, texts: readonly ArticleText[], { partial = false } = {}): void {
  const parsed = TimelineSchema.safeParse(timeline);
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
