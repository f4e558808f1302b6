/**
 * Runs work in a task of its own once the browser has painted the current frame, so a
 * costly step (building vis-timeline) neither keeps what React just committed off the
 * screen nor has to lay all of it out first, inside its own task.
 */

/** Calls `callback` in a new task after the next frame is painted; the returned function cancels it. */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A task queued from an animation frame callback runs after that frame's paint.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
