/**
 * Escape closes what is open, innermost first, wherever focus is — except in text
 * fields and menus, where Escape already means something (clearing a search box).
 */
import { useEffect } from 'react';

/** Calls `onEscape` when Escape is pressed outside form fields. */
export function useEscapeKey(onEscape: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof HTMLElement && target.closest('input, textarea, select')) return;
      onEscape();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onEscape]);
}
