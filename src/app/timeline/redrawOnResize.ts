/**
 * Redraws vis-timeline when its container really changes size, in place of its own
 * `autoResize`. That option records the root's size while the options are set, before the
 * first draw gives the root its height (it reads 2 px, the borders), so its poll, every
 * second, always finds a "resize" one second after construction and draws everything
 * again; it also keeps a timer and a window listener alive for the page's lifetime.
 */

function sizeOf(element: HTMLElement): string {
  return `${element.clientWidth}×${element.clientHeight}`;
}

/**
 * Calls `redraw` each time `element`'s size differs from the size it had when this was
 * called (the size it was drawn at) or at the last redraw; returns the function that stops.
 */
export function redrawOnResize(element: HTMLElement, redraw: () => void): () => void {
  let drawn = sizeOf(element);
  // Observations arrive after layout, so reading the size there forces no extra layout.
  const observer = new ResizeObserver(() => {
    const size = sizeOf(element);
    if (size === drawn) return;
    drawn = size;
    redraw();
  });
  observer.observe(element);
  return () => observer.disconnect();
}
