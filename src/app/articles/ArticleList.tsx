/**
 * The "Articles" list in the sidebar: the sources the timeline was compiled from, by
 * title, publisher and day. An archive has thousands, so a long list shows its first
 * few and a button that shows the rest: the first view stays small to draw.
 */
import { memo, useState } from 'react';
import type { ArticleSummary } from '../../model/schema';

/** Articles shown before the reader asks for all of them. */
export const ARTICLES_SHOWN = 10;

export const ArticleList = memo(function ArticleList({ articles }: { articles: readonly ArticleSummary[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? articles : articles.slice(0, ARTICLES_SHOWN);
  const hidden = articles.length - shown.length;
  return (
    <section aria-labelledby="articles-heading">
      <h2 id="articles-heading">Articles</h2>
      <ul aria-label="Articles" id="article-list">
        {shown.map((article) => (
          <li key={article.id}>
            <span className="article-title">{article.title}</span>{' '}
            <span className="article-meta">
              {[article.publisher, article.published.slice(0, 10)].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" className="show-all" aria-controls="article-list" onClick={() => setAll(true)}>
          Show all {articles.length} articles
        </button>
      )}
    </section>
  );
});
