/**
 * What `npm run compile -- --watch` runs on: folders watched for changes to the files that
 * matter, and a runner that turns a burst of changes into one run, never two at once.
 *
 * A change seen during a run starts one more run when that one ends, so the output always
 * catches up with the last change. The watcher only says *that* something changed: every
 * run scans the whole folder (build.ts), so an event the system drops or merges (an editor
 * saving through a temporary file and a rename, a burst that overflows inotify) costs
 * nothing but the wait for the next one.
 */
import { watch, type FSWatcher } from 'node:fs';

/**
 * How long the folder must be quiet before a run starts: an editor's save is often several
 * events (write, rename, attribute change) within a few milliseconds.
 */
export const SETTLE_MS = 60;

export type SerialRunner = {
  /** Asks for a run once things have been quiet for `settleMs`. */
  schedule: () => void;
  /** Resolves when no run is waiting or going on. */
  idle: () => Promise<void>;
  /** Drops a waiting run and resolves when the one going on (if any) has ended. */
  close: () => Promise<void>;
};

/** Runs `task` after each quiet spell that follows a `schedule()`, one run at a time. */
export function serialRunner(task: () => Promise<void>, settleMs = SETTLE_MS): SerialRunner {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let wanted = false;
  let closed = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (timer !== undefined || running !== undefined || wanted) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };
  const start = () => {
    timer = undefined;
    if (closed) return settle();
    if (running !== undefined) {
      // A change during a run: one more run once this one ends.
      wanted = true;
      return;
    }
    running = task().finally(() => {
      running = undefined;
      if (wanted && !closed) {
        wanted = false;
        timer = setTimeout(start, settleMs);
      }
      wanted = false;
      settle();
    });
  };
  return {
    schedule: () => {
      if (closed) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(start, settleMs);
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      }),
    close: async () => {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      wanted = false;
      await running;
      settle();
    },
  };
}

/** A folder to watch and which of its entries (by name) count. */
export type WatchTarget = { dir: string; accepts: (name: string) => boolean };

/**
 * Calls `onChange` whenever an entry that a target accepts changes (a change the system
 * gives no name for counts: it may have been one), and `onError` when a folder cannot be
 * watched (missing) or no longer can (removed). Returns a function that stops watching.
 */
export function watchFolders(
  targets: readonly WatchTarget[],
  onChange: () => void,
  onError: (error: Error, dir: string) => void,
): () => void {
  const watchers: FSWatcher[] = [];
  for (const { dir, accepts } of targets) {
    try {
      const watcher = watch(dir, { persistent: true }, (_event, name) => {
        if (name === null || accepts(name)) onChange();
      });
      watcher.on('error', (error) => onError(error, dir));
      watchers.push(watcher);
    } catch (error) {
      onError(error as Error, dir);
    }
  }
  return () => {
    for (const watcher of watchers) watcher.close();
  };
}
