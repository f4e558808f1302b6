import type { ArticleSummary } from '../../model/schema';

export function ArticleList({ articles }: { articles: readonly ArticleSummary[] }) {
  return (
    <section aria-labelledby="articles-heading">
      <h2 id="articles-heading">Articles</h2>
      <ul aria-label="Articles">
        {articles.map((article) => (
          <li key={article.id}>
            <span className="article-title">{article.title}</span>{' '}
            <span className="article-meta">
              {[article.publisher, article.published.slice(0, 10)].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
