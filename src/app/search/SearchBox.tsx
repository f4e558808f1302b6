/**
 * The "Search events" box: a plain search input whose words must all occur in an
 * event's title, actor names, place or source passages (see filterEvents).
 */
import { memo } from 'react';

export type SearchBoxProps = { query: string; onChange: (query: string) => void };

/** Search over titles, actors and passages. Memoised, like the other controls: a pan must not re-render it. */
export const SearchBox = memo(function SearchBox({ query, onChange }: SearchBoxProps) {
  return (
    <div className="search" role="search">
      <input
        type="search"
        aria-label="Search events"
        placeholder="Search titles, actors, passages"
        value={query}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
});
