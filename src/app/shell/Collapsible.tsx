/**
 * A `<details>` that is open on wide screens (its summary hidden by CSS) and starts
 * closed on narrow ones, so the event list leads on a phone while filters stay one tap away.
 */
import { useState, type ReactNode } from 'react';

export type CollapsibleProps = { narrow: boolean; summary: string; children: ReactNode };

/** Collapses its children behind `summary` on narrow screens. */
export function Collapsible({ narrow, summary, children }: CollapsibleProps) {
  const [openOnNarrow, setOpenOnNarrow] = useState(false);
  const open = !narrow || openOnNarrow;
  return (
    <details
      className="collapsible"
      open={open}
      onToggle={(event) => {
        if (narrow) setOpenOnNarrow(event.currentTarget.open);
      }}
    >
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
