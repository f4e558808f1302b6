/**
 * Composes the viewer's regions: header with search and the live result count, actor
 * filter and article list, timeline, event list, details and source reader — each in
 * its own error boundary. State and logic live in useViewer and the feature modules.
 */
import { useEffect } from 'react';
import { ActorFilter } from './actors/ActorFilter';
import { ArticleList } from './articles/ArticleList';
import type { TimelineIndex } from './data/indexTimeline';
import { TIMELINE_FILE } from './data/timelineFile';
import { useTimeline, type ShardControls } from './data/useTimeline';
import { EventDetails } from './events/EventDetails';
import { EventList } from './events/EventList';
import { SearchBox } from './search/SearchBox';
import { focusById } from './shell/focus';
import { Collapsible } from './shell/Collapsible';
import { RegionBoundary } from './shell/RegionBoundary';
import { useEscapeKey } from './shell/useEscapeKey';
import { useNarrowScreen } from './shell/useNarrowScreen';
import { SourceReader } from './source/SourceReader';
import { useViewer } from './state/useViewer';
import { TimelineRegion } from './timeline/TimelineRegion';

/** The whole page: loads the timeline, then shows the viewer. */
export function App() {
  const [timeline, shards] = useTimeline(TIMELINE_FILE);
  return (
    <div className="app">
      {timeline.status === 'ready' ? (
        <Viewer index={timeline.value} shards={shards} />
      ) : (
        <>
          <header className="app-header">
            <h1>Dateline</h1>
          </header>
          <main className="status-page">
            {timeline.status === 'loading' && <p role="status">Loading the timeline…</p>}
            {timeline.status === 'error' && (
              <div role="alert" className="load-error">
                <h2>The timeline could not be loaded</h2>
                <pre>{timeline.error}</pre>
                <button type="button" onClick={timeline.retry}>
                  Try again
                </button>
              </div>
            )}
          </main>
        </>
      )}
    </div>
  );
}

function Viewer({ index, shards }: { index: TimelineIndex; shards: ShardControls }) {
  const viewer = useViewer(index);
  const { view, actions } = viewer;
  const narrow = useNarrowScreen();
  useEscapeKey(actions.closeInnermost);
  // The shards of the window are fetched first, then the nearest; a pan or zoom moves others ahead.
  const { window } = viewer;
  useEffect(() => shards.focus(window), [shards, window]);

  return (
    <>
      <header className="app-header">
        <h1>Dateline</h1>
        <SearchBox query={view.query} onChange={actions.setQuery} />
        <p className="result-count" role="status">
          {viewer.announcement}
        </p>
      </header>
      {index.failures.length > 0 && (
        <div role="alert" className="load-error shard-errors">
          <h2>Some events could not be loaded</h2>
          <p>The events of these files are missing; everything else is shown.</p>
          <pre>{index.failures.join('\n')}</pre>
          <button type="button" onClick={shards.retry}>
            Try again
          </button>
        </div>
      )}
      <main className="layout">
        <aside className="sidebar">
          <Collapsible
            narrow={narrow}
            summary={view.actors.length > 0 ? `Filters (${view.actors.length} actors chosen)` : 'Filters and articles'}
          >
            <RegionBoundary name="actor filter">
              <ActorFilter
                actors={index.actorsByWeight}
                counts={viewer.counts}
                chosen={view.actors}
                mode={view.mode}
                onChange={actions.setActors}
                onModeChange={actions.setMode}
              />
            </RegionBoundary>
            <ArticleList articles={index.timeline.articles} />
          </Collapsible>
        </aside>
        <RegionBoundary name="timeline">
          <TimelineRegion
            items={viewer.drawn.items}
            loading={viewer.loading}
            windowLoading={viewer.windowLoading}
            groups={viewer.drawn.groups}
            selectedEventId={view.event}
            window={viewer.window}
            compact={narrow}
            lanes={view.lanes}
            onSelect={actions.selectEvent}
            onWindowChange={actions.setWindow}
            onLanesChange={actions.setLanes}
            onStep={actions.step}
            onEnter={() => focusById('details-heading')}
          />
        </RegionBoundary>
        <section className="region list-region" aria-labelledby="events-heading">
          <h2 id="events-heading">Events</h2>
          <RegionBoundary name="event list">
            {index.pending && (
              <p className="empty">
                {index.pending.loaded === 0
                  ? `Loading ${index.pending.events} events…`
                  : `${index.pending.loaded} of ${index.pending.events} events loaded; more are on their way.`}
              </p>
            )}
            {!index.pending && index.events.length === 0 && index.missing === 0 && (
              <p className="empty">This timeline has no events yet.</p>
            )}
            {index.events.length > 0 && viewer.shown.length === 0 && (
              <p className="empty">
                No events match{index.pending ? ' so far' : ''}.{' '}
                <button type="button" onClick={actions.clearFilters}>
                  Clear filters
                </button>
              </p>
            )}
            <EventList events={viewer.shown} actors={index.actorsById} selectedId={view.event} onSelect={actions.selectEvent} />
          </RegionBoundary>
        </section>
        <div className="reading">
          <RegionBoundary name="event details">
            <EventDetails
              event={viewer.selected}
              actors={index.actorsById}
              articles={index.articlesById}
              openSource={view.source}
              onFilterActor={actions.filterActor}
              onOpenSource={actions.openSelectedSource}
              onClose={actions.closeDetails}
            />
          </RegionBoundary>
          {viewer.selected && viewer.openSource && viewer.openArticle && view.source !== null && (
            <RegionBoundary name="source reader">
              <SourceReader
                key={viewer.openArticle.id}
                article={viewer.openArticle}
                source={viewer.openSource}
                eventId={viewer.selected.id}
                sourceIndex={view.source}
                events={index.events}
                eventTitles={viewer.eventTitles}
                hrefFor={actions.hrefFor}
                onSelectPassage={actions.openPassage}
                onClose={actions.closeSource}
              />
            </RegionBoundary>
          )}
        </div>
      </main>
    </>
  );
}
