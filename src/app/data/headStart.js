/**
 * The built page's first script, loaded `async` from the head (vite.config.ts,
 * headStartPlugin adds it with the worker's file name and the timeline's path as data
 * attributes). It starts the data worker and hands it `timeline.json` while the page's own
 * script is still arriving and being evaluated, so the timeline is validated by the time
 * React first renders, instead of after. It leaves what it started in a global that
 * dataFiles.ts takes over (HeadStart there); anything that goes wrong here only sends the
 * page down its usual path: it then starts its own worker, or fetches the timeline itself,
 * and reports what failed in its own words.
 *
 * A plain script, not a module: the page's Content-Security-Policy allows no inline code,
 * and this must run before the page's module graph is evaluated.
 */
(() => {
  const script = document.currentScript;
  // The page's script got here first (it then started its own worker), or this is not the built page.
  if (!(script instanceof HTMLScriptElement) || globalThis.__datelineDataWorker !== undefined) return;
  const { worker: workerFile, timeline: file } = script.dataset;
  if (!workerFile || !file) return;
  let worker;
  try {
    worker = new Worker(new URL(workerFile, script.src), { type: 'module', name: 'dateline-data' });
  } catch {
    return;
  }
  /** The id of the timeline request made here: the page numbers its own from 0 up. */
  const id = -1;
  const start = { worker, failed: false, timeline: { file, result: undefined } };
  start.timeline.result = new Promise((settle) => {
    worker.addEventListener('message', ({ data }) => {
      if (data.id === id) settle(data.result);
    });
    // The worker's script could not load: the page validates on its own thread.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      start.failed = true;
      settle(null);
    });
    // Takes the page's preload of the file, as the page's own fetch would.
    fetch(new URL(file, document.baseURI))
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then(
        (text) => worker.postMessage({ type: 'load', id, kind: 'timeline', file, text }),
        () => settle(null),
      );
  });
  globalThis.__datelineDataWorker = start;
})();
