import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ARTICLES_SHOWN, ArticleList } from '../../src/app/articles/ArticleList';
import { makeArticle } from '../fixtures/timeline/builders';

const articles = (count: number) =>
  Array.from({ length: count }, (_, i) => makeArticle(`a${i + 1}`, { title: `Story ${i + 1}`, publisher: 'Yonhap' }));

describe('ArticleList', () => {
  it.each([1, ARTICLES_SHOWN])('lists all of %i articles with no button', (count) => {
    render(<ArticleList articles={articles(count)} />);
    expect(within(screen.getByRole('list', { name: 'Articles' })).getAllByRole('listitem')).toHaveLength(count);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows the first few of a long list, and all of them on request', async () => {
    render(<ArticleList articles={articles(1000)} />);
    const list = screen.getByRole('list', { name: 'Articles' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(ARTICLES_SHOWN);
    expect(list).toHaveTextContent('Story 1 Yonhap');
    await userEvent.click(screen.getByRole('button', { name: 'Show all 1000 articles' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(1000);
    expect(list).toHaveTextContent('Story 1000 Yonhap');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
