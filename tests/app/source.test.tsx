import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedLikeArticles, seedLikeTimeline } from '../fixtures/timeline/seedLike';
import { renderAt, serveData } from './harness';

vi.mock('../../src/app/timeline/TimelineView', async () => ({ TimelineView: (await import('./harness')).MockTimelineView }));

const scm = seedLikeTimeline.events.find((event) => event.id === 'scm-57');

describe('source reader', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([0, 1])('opens passage %i of the 57th SCM highlighted in a <mark> and scrolled into view', async (index) => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    const fetch = serveData();
    renderAt('?event=scm-57');
    const user = userEvent.setup();
    const details = await screen.findByRole('region', { name: 'Event details' });
    expect(fetch.mock.calls.some(([url]) => String(url).includes('data/articles/'))).toBe(false);
    await user.click(within(details).getAllByRole('button', { name: /Read in source/ })[index] as HTMLElement);

    const source = await screen.findByRole('region', { name: 'Source' });
    const active = await within(source).findByText((_, element) => element?.matches('mark.is-active') ?? false);
    expect(active.textContent).toBe(scm?.sources[index]?.quote);
    // Scrolled by an effect, which React may run just after the mark is in the page.
    await waitFor(() => expect(scrolled.mock.contexts).toContain(active));
    expect(window.location.search).toBe(`?event=scm-57&source=${index}`);
  });

  it('marks the other event passages in the article, and clicking one selects its event', async () => {
    serveData();
    renderAt('?event=scm-57&source=1');
    const user = userEvent.setup();
    const source = await screen.findByRole('region', { name: 'Source' });
    const other = await within(source).findByRole('link', { name: /following day that he has given South Korea approval/ });
    expect(other.closest('mark')).not.toBeNull();
    expect(other).toHaveAttribute('href', '?event=submarine-approval&source=0');
    await user.click(other);
    expect(screen.getByRole('region', { name: 'Event details' })).toHaveTextContent('Trump approves a nuclear-powered submarine');
    expect(within(screen.getByRole('region', { name: 'Source' })).getByText(/following day/, { selector: 'mark' })).toHaveClass(
      'is-active',
    );
  });

  it('closes with Escape, innermost first', async () => {
    serveData();
    renderAt('?event=scm-57&source=0');
    const user = userEvent.setup();
    await screen.findByRole('region', { name: 'Source' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Source' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Event details' })).toHaveTextContent('57th Security Consultative Meeting');
  });

  it('reports an article that fails to load inside the reader, leaving the rest usable, and retries', async () => {
    const fetch = serveData({ failArticles: true });
    renderAt('?event=scm-57&source=0');
    const user = userEvent.setup();
    const source = await screen.findByRole('region', { name: 'Source' });
    expect(await within(source).findByRole('alert')).toHaveTextContent(
      'data/articles/2025-10-27-yonhap-security-talks.json: expected the file, got HTTP 404',
    );
    expect(screen.getByRole('list', { name: 'Events' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
    fetch.mockRestore();
    serveData();
    await user.click(within(source).getByRole('button', { name: 'Try again' }));
    expect(await within(source).findByText(/will meet for the 57th Security/, { selector: 'mark' })).toBeInTheDocument();
  });

  it('says when a passage is not where the timeline places it', async () => {
    const [talks, issues] = seedLikeArticles;
    const shifted = talks && { ...talks, text: `Updated. ${talks.text}` };
    serveData({ articles: [shifted, issues].filter((article) => article !== undefined) });
    renderAt('?event=scm-57&source=0');
    const source = await screen.findByRole('region', { name: 'Source' });
    expect(await within(source).findByRole('alert')).toHaveTextContent('the passage is not where the timeline says');
  });
});
