import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shardTimeline } from '../../src/compiler/shard';
import { makeArticle, makeTimeline } from '../fixtures/timeline/builders';
import { seedLikeTimeline } from '../fixtures/timeline/seedLike';
import { lastTimelineProps, renderAt, serveData } from './harness';

vi.mock('../../src/app/timeline/TimelineView', async () => ({ TimelineView: (await import('./harness')).MockTimelineView }));

const empty = makeTimeline({ articles: [makeArticle('a1', { title: 'Defense chiefs meet', publisher: 'Yonhap' })] });

describe('App', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the articles of a valid timeline', async () => {
    serveData({ timeline: empty });
    renderAt();
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    expect(await screen.findByRole('list', { name: 'Articles' })).toHaveTextContent('Defense chiefs meet');
  });

  it('says so when the timeline has no events yet', async () => {
    serveData({ timeline: empty });
    renderAt();
    expect(await screen.findByText('This timeline has no events yet.')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Events' })).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('shows a sharded timeline from its overview while the shards load, then the events', async () => {
    const { index, shards } = shardTimeline(seedLikeTimeline, 3);
    let release = () => {};
    serveData({ timeline: index, shards, released: new Promise<void>((resolve) => (release = resolve)) });
    const [first] = seedLikeTimeline.events;
    renderAt(`?event=${first?.id ?? ''}`);
    const total = seedLikeTimeline.events.length;
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Loading ${total} events…`));
    expect(screen.getByRole('region', { name: 'Events' })).toHaveTextContent(`Loading ${total} events…`);
    await waitFor(() => expect(lastTimelineProps().overview).toEqual(index.overview));
    expect(lastTimelineProps().items).toEqual([]);
    // The overview's counts: shown at once, in the order they keep once the events are in.
    const actors = screen.getByRole('group', { name: 'Actors' });
    const shownCounts = () =>
      within(actors)
        .getAllByText(/^\d+ events?$/)
        .map((count) => count.textContent);
    const loadingCounts = shownCounts();
    expect(loadingCounts.length).toBeGreaterThan(1);
    const loadingNames = within(actors)
      .getAllByRole('checkbox')
      .map((box) => box.closest('label')?.textContent);
    release();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`${total} events`));
    await waitFor(() => expect(lastTimelineProps().overview).toBeNull());
    expect(lastTimelineProps().items.length).toBeGreaterThan(0);
    expect(shownCounts()).toEqual(loadingCounts);
    expect(
      within(actors)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual(loadingNames);
    expect(screen.getByRole('heading', { level: 2, name: first?.title })).toBeInTheDocument();
    expect(window.location.search).toBe(`?event=${first?.id ?? ''}`);
  });

  it('names the file and the field that failed', async () => {
    serveData({ timeline: JSON.stringify({ ...empty, articles: [{ ...empty.articles[0], published: 42 }] }) });
    renderAt();
    expect(await screen.findByRole('alert')).toHaveTextContent('data/timeline.json: articles[0].published');
  });

  it('names an event field that breaks the contract', async () => {
    const broken = {
      ...empty,
      events: [{ id: 'x', title: 'X', when: { edtf: '2025-13', start: null, end: null, precision: 'day' } }],
    };
    serveData({ timeline: JSON.stringify(broken) });
    renderAt();
    expect(await screen.findByRole('alert')).toHaveTextContent('data/timeline.json: events[0].when.edtf');
  });

  it('explains a missing file and retries on request', async () => {
    const fetch = serveData({ timeline: empty });
    fetch.mockResolvedValueOnce(new Response('not found', { status: 404 }));
    renderAt();
    expect(await screen.findByRole('alert')).toHaveTextContent('data/timeline.json: expected the file, got HTTP 404');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Articles' })).toBeInTheDocument();
  });

  it('shows the list and filters and hands the timeline wrapper plain items', async () => {
    serveData();
    renderAt();
    const list = await screen.findByRole('list', { name: 'Events' });
    expect(within(list).getAllByRole('button')).toHaveLength(8);
    expect(screen.getByRole('group', { name: 'Actors' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search events' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
    expect(await screen.findByTestId('timeline-mock')).toBeInTheDocument();
    const props = lastTimelineProps();
    expect(props.items.map((item) => item.eventId)).toContain('scm-57');
    expect(props.items.find((item) => item.id === 'scm-57')).toMatchObject({ type: 'point', start: '2025-11-04' });
    expect(props.window).toEqual({ start: '2025-09-27', end: '2025-12-01' });
    expect(screen.getByRole('status')).toHaveTextContent('8 events');
  });
});
