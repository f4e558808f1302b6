/**
 * The compiler's stages wired together, with no I/O: article files (name + bytes) in,
 * output files (relative path + text) out. Per-article stages (article.ts) run
 * independently; `assemble` (assemble.ts) alone sees every article. Output is
 * deterministic: same input, same bytes. The parallel, cached compile (parallel.ts)
 * gives the same result byte for byte.
 */
import { compileArticle } from './article';
import { assemble, readArticles, type ArticleContext, type CompileOptions, type CompileResult, type InputFile } from './assemble';

export { compileArticle, EVENT_TEXT_LIMIT } from './article';
export {
  assemble,
  readArticles,
  schemaFile,
  shardJson,
  stableJson,
  summarise,
  type ArticleContext,
  type CompiledArticle,
  type CompileOptions,
  type CompileResult,
  type InputFile,
  type OutputFile,
} from './assemble';

/** Compiles article files into the output files of `public/data`. */
export function compile(inputs: readonly InputFile[], options: CompileOptions): CompileResult {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const { articles, errors } = readArticles(sorted);
  if (errors.length > 0) return { ok: false, errors };

  const context: ArticleContext = { catalog: options.catalog ?? [] };
  return assemble(
    articles.map((article) => compileArticle(article, context)),
    options,
  );
}
