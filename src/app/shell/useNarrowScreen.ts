/**
 * Whether the screen is phone-narrow, from the same media query as the CSS layout,
 * so the timeline can draw as a compact strip there.
 */
import { useSyncExternalStore } from 'react';

export const NARROW_QUERY = '(max-width: 47.99rem)';

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True on narrow screens. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}
