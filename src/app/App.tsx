import { TimelineSchema } from '../model/schema';
import { ArticleList } from './articles/ArticleList';
import { useDataFile } from './data/useDataFile';

export const TIMELINE_FILE = 'data/timeline.json';

export function App() {
  const timeline = useDataFile(TIMELINE_FILE, TimelineSchema);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Dateline</h1>
      </header>
      <main>
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
        {timeline.status === 'ready' && <ArticleList articles={timeline.value.articles} />}
      </main>
    </div>
  );
}
