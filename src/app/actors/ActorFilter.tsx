/**
 * The "Actors" group: one checkbox per actor, labelled with the actor's name and
 * described by its event count among the events shown (once they are loaded); a find box when the list is
 * long; "any of" / "all of" modes; and one button to clear the choice.
 */
import { memo, useId, useState } from 'react';
import type { Actor } from '../../model/schema';
import type { ActorMode } from '../filter/filterEvents';
import { visibleActors } from './visibleActors';

export type ActorFilterProps = {
  actors: readonly Actor[];
  /** Events shown per actor; null while a sharded timeline's events load. */
  counts: ReadonlyMap<string, number> | null;
  chosen: readonly string[];
  mode: ActorMode;
  onChange: (chosen: string[]) => void;
  onModeChange: (mode: ActorMode) => void;
};

/** Shows a find box above this many actors. */
export const FIND_THRESHOLD = 8;

/**
 * Checkboxes that narrow the events to chosen actors. Memoised: a pan or zoom changes the
 * URL's window, which must not re-render (and re-write the attributes of) every checkbox.
 */
export const ActorFilter = memo(function ActorFilter({ actors, counts, chosen, mode, onChange, onModeChange }: ActorFilterProps) {
  const [find, setFind] = useState('');
  const id = useId();
  const shown = visibleActors(actors, find, chosen);
  const toggle = (actorId: string, on: boolean) =>
    onChange(on ? [...chosen, actorId] : chosen.filter((chosenId) => chosenId !== actorId));

  return (
    <fieldset className="region actor-filter">
      <legend>Actors</legend>
      <div className="actor-tools">
        <div className="mode" role="radiogroup" aria-label="Match">
          {(['any', 'all'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${id}-mode`}
                value={value}
                checked={mode === value}
                onChange={() => onModeChange(value)}
              />
              {value === 'any' ? 'Any of' : 'All of'}
            </label>
          ))}
        </div>
        <button type="button" onClick={() => onChange([])} disabled={chosen.length === 0}>
          Clear actors
        </button>
      </div>
      {actors.length > FIND_THRESHOLD && (
        <input
          type="search"
          className="actor-find"
          aria-label="Find an actor"
          placeholder="Find an actor"
          value={find}
          onChange={(event) => setFind(event.target.value)}
        />
      )}
      <ul className="actor-list">
        {shown.map((actor) => {
          const count = counts?.get(actor.id) ?? 0;
          const checked = chosen.includes(actor.id);
          return (
            <li key={actor.id} className={counts && count === 0 && !checked ? 'is-empty' : undefined}>
              <label>
                <input
                  type="checkbox"
                  checked={checked}
                  aria-describedby={counts ? `${id}-${actor.id}` : undefined}
                  onChange={(event) => toggle(actor.id, event.target.checked)}
                />
                <span className="actor-name">{actor.name}</span>
              </label>
              {counts && (
                <span className="actor-count" id={`${id}-${actor.id}`}>
                  {count} {count === 1 ? 'event' : 'events'}
                </span>
              )}
            </li>
          );
        })}
        {shown.length === 0 && <li className="muted">No actor matches “{find}”.</li>}
      </ul>
    </fieldset>
  );
});
