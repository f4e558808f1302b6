/**
 * Focus helpers for regions that close: when the element holding focus disappears, the
 * browser drops focus to the page body and a keyboard reader loses their place.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** Moves keyboard focus to the element with `id`, if it is on the page. */
export function focusById(id: string): void {
  document.getElementById(id)?.focus();
}

/** After the next frame, focuses the element `selector` names if focus has fallen to the body. */
export function refocusIfLost(selector: string): void {
  requestAnimationFrame(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    document.querySelector<HTMLElement>(selector)?.focus();
  });
}

/** When `key` changes or the region unmounts and focus was lost with it, sends focus to `fallback`. */
export function useReturnFocus(region: RefObject<HTMLElement | null>, key: unknown, fallback: string): void {
  useLayoutEffect(() => {
    const element = region.current;
    return () => {
      // React may already have removed the focused child, leaving focus on the body.
      const focused = document.activeElement;
      if (focused === null || focused === document.body || element?.contains(focused)) refocusIfLost(fallback);
    };
  }, [region, key, fallback]);
}
