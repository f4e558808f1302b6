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
    await waitFor(() => expect(lastTimelineProps().loading?.overview).toEqual(index.overview));
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
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`^${total} events$`)));
    await waitFor(() => expect(lastTimelineProps().loading).toBeNull());
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

describe('App with a sharded timeline', () => {
  afterEach(() => vi.restoreAllMocks());

  const { index, shards } = shardTimeline(seedLikeTimeline, 2);
  const total = seedLikeTimeline.events.length;

  /** Shards answered one by one: `release(path)` answers it, `fail(path)` answers 404 until `renew(path)`. */
  function holdShards() {
    const held = new Map<string, { wait: Promise<void>; resolve: () => void; reject: () => void }>();
    const renew = (path: string) => {
      let resolve = () => {};
      let reject = () => {};
      const wait = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)));
      wait.catch(() => {});
      held.set(path, { wait, resolve, reject });
    };
    for (const { path } of shards) renew(path);
    return {
      released: (path: string) => held.get(path)?.wait ?? Promise.resolve(),
      release: (path: string) => held.get(path)?.resolve(),
      fail: (path: string) => held.get(path)?.reject(),
      renew,
    };
  }

  const shardsAsked = (fetch: ReturnType<typeof serveData>) =>
    fetch.mock.calls
      .map(([input]) => String(input instanceof Request ? input.url : input))
      .filter((url) => url.includes('data/events/'));

  it('shows the events of each shard as it arrives, saying how many are in so far', async () => {
    const hold = holdShards();
    serveData({ timeline: index, shards, released: hold.released });
    renderAt();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Loading ${total} events…`));
    expect(screen.getByRole('region', { name: 'Timeline' })).toHaveAttribute('aria-busy', 'true');
    expect(within(screen.getByRole('list', { name: 'Events' })).queryAllByRole('button')).toHaveLength(0);
    hold.release('events/0001.json');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Loading… 2 of ${total} events loaded`));
    const list = screen.getByRole('list', { name: 'Events' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.dataset.eventId),
    ).toEqual(['gyeongju-summit', 'scm-57']);
    expect(screen.getByRole('region', { name: 'Events' })).toHaveTextContent(
      `2 of ${total} events loaded; more are on their way.`,
    );
    expect(lastTimelineProps().items.map((item) => item.eventId)).toEqual(['gyeongju-summit', 'scm-57']);
    // Search works on what is in so far.
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search events' }), 'gyeongju');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(`Loading… 1 matches among 2 of ${total} events loaded`),
    );
    for (const { path } of shards) hold.release(path);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`^1 of ${total} events match$`)));
    expect(screen.getByRole('region', { name: 'Timeline' })).toHaveAttribute('aria-busy', 'false');
  });

  it('asks first for the shard of a linked window far from the others', async () => {
    const fetch = serveData({ timeline: index, shards });
    renderAt('?from=2030-06-01&to=2030-07-01');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`^${total} events$`)));
    expect(shardsAsked(fetch)[0]).toMatch(/data\/events\/0004\.json$/);
  });

  it('keeps the events in view when a shard fails, names the file, and loads it on "Try again"', async () => {
    const hold = holdShards();
    serveData({ timeline: index, shards, released: hold.released });
    renderAt();
    hold.fail('events/0002.json');
    for (const path of ['events/0001.json', 'events/0003.json', 'events/0004.json']) hold.release(path);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some events could not be loaded');
    expect(alert).toHaveTextContent('data/events/0002.json: expected the file, got HTTP 404');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`6 events; 2 more could not be loaded`));
    expect(within(screen.getByRole('list', { name: 'Events' })).getAllByRole('button')).toHaveLength(6);
    hold.renew('events/0002.json');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Loading… 6 of ${total} events loaded`));
    hold.release('events/0002.json');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`^${total} events$`)));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Events' })).getAllByRole('button')).toHaveLength(total);
  });
});
