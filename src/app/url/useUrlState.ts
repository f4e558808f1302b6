/**
 * Keeps a `ViewState` in the page URL. A change of selection pushes a history entry,
 * so back/forward step through selections; filters, search and the visible window
 * replace the current entry. `popstate` re-reads the URL. Ids the data does not know
 * are dropped on the way in and the cleaned URL replaces the one given; when the known
 * ids change (a sharded timeline's events have arrived), the URL is read again with them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type KnownIds, parseUrlState, selectionChanged, serializeUrlState, type ViewState } from './urlState';

export type UpdateView = (patch: Partial<ViewState>) => void;

function urlFor(state: ViewState): string {
  return `${window.location.pathname}${serializeUrlState(state)}${window.location.hash}`;
}

/** The view state from the URL and a function to change it. */
export function useUrlState(known: KnownIds): [ViewState, UpdateView] {
  const [state, setState] = useState(() => parseUrlState(window.location.search, known));
  const current = useRef(state);
  const parsedWith = useRef(known);

  useEffect(() => {
    if (parsedWith.current !== known) {
      // New data: what the URL names is checked against it now (the reader may have moved since the first parse).
      parsedWith.current = known;
      current.current = parseUrlState(window.location.search, known);
      setState(current.current);
    }
    // The parse may have dropped unknown ids: show the reader the URL actually in use.
    const cleaned = serializeUrlState(current.current);
    if (cleaned !== window.location.search) window.history.replaceState(null, '', urlFor(current.current));
    const onPop = () => {
      const next = parseUrlState(window.location.search, known);
      current.current = next;
      setState(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [known]);

  const update = useCallback<UpdateView>((patch) => {
    const previous = current.current;
    const next = { ...previous, ...patch };
    if (next.event === null) next.source = null;
    const url = urlFor(next);
    if (selectionChanged(previous, next)) window.history.pushState(null, '', url);
    else if (serializeUrlState(previous) !== serializeUrlState(next)) window.history.replaceState(null, '', url);
    current.current = next;
    setState(next);
  }, []);

  return [state, update];
}
