/**
 * Shared set-up for viewer component tests: a fetch that answers from fixture data by
 * URL, a stand-in for the vis-timeline wrapper that records what it is given (jsdom
 * cannot draw vis-timeline's points), and a render that starts at a given URL.
 */
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { ArticleText, EventShard, Timeline } from '../../src/model/schema';
import type { TimelineViewProps } from '../../src/app/timeline/TimelineView';
import { App } from '../../src/app/App';
import { seedLikeArticles, seedLikeTimeline } from '../fixtures/timeline/seedLike';

/** Every set of props the mocked timeline wrapper was rendered with, latest last. */
export const timelineRenders: TimelineViewProps[] = [];

/** The props of the latest render of the timeline wrapper. */
export function lastTimelineProps(): TimelineViewProps {
  const props = timelineRenders[timelineRenders.length - 1];
  if (!props) throw new Error('lastTimelineProps: expected the timeline wrapper to have rendered, got no render');
  return props;
}

/** Stands in for TimelineView: records props and shows one button per item. */
export function MockTimelineView(props: TimelineViewProps) {
  timelineRenders.push(props);
  return (
    <div data-testid="timeline-mock">
      {props.items.map((item) => (
        <button key={item.id} type="button" data-testid={`item-${item.id}`} onClick={() => props.onSelect(item.eventId)}>
          timeline item {item.id}
        </button>
      ))}
    </div>
  );
}

export type Served = {
  timeline?: Timeline | string;
  articles?: readonly ArticleText[];
  failArticles?: boolean;
  /** Shard files (`events/nnnn.json` and content) of a sharded timeline, answered once `released` settles. */
  shards?: readonly { path: string; shard: EventShard }[];
  /** When shards are answered: all at once, or each (by path) on its own; a rejection answers 404. */
  released?: Promise<void> | ((path: string) => Promise<void>);
};

/** Answers fetches of the timeline, shard and article files from fixtures; returns the spy. */
export function serveData({
  timeline = seedLikeTimeline,
  articles = seedLikeArticles,
  failArticles = false,
  shards = [],
  released = Promise.resolve(),
}: Served = {}) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.endsWith('data/timeline.json'))
      return new Response(typeof timeline === 'string' ? timeline : JSON.stringify(timeline), { status: 200 });
    const shard = shards.find((candidate) => url.endsWith(`data/${candidate.path}`));
    if (shard) {
      const missing = await (typeof released === 'function' ? released(shard.path) : released).then(
        () => false,
        () => true,
      );
      if (!missing) return new Response(JSON.stringify(shard.shard), { status: 200 });
    }
    const id = /data\/articles\/(.+)\.json$/.exec(url)?.[1];
    const article = articles.find((candidate) => candidate.id === id);
    if (article && !failArticles) return new Response(JSON.stringify(article), { status: 200 });
    return new Response('not found', { status: 404, statusText: 'Not Found' });
  });
}

/** Renders the app with the page at `search` (e.g. `?event=scm-57`). */
export function renderAt(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  timelineRenders.length = 0;
  return render(<App />);
}
