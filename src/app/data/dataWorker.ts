/**
 * A web worker that parses and validates the viewer's data files — `timeline.json`, its
 * shards and the article texts — so the main thread receives only checked values (a
 * structured clone) and its bundle carries no schema library: zod and the schemas load
 * here, beside the page's own start-up. Requests are answered by `validateData`, which the
 * main-thread fallback runs too, so the results and messages are the same.
 */
import { validateData } from './validateData';
import type { DataReply, DataRequest } from './dataFiles';

const scope = self as unknown as {
  onmessage: ((message: MessageEvent<DataRequest>) => void) | null;
  postMessage: (reply: DataReply) => void;
};

/** Requests in progress, by id, so the page can cancel what it no longer wants. */
const running = new Map<number, AbortController>();

scope.onmessage = ({ data }) => {
  if (data.type === 'cancel') {
    running.get(data.id)?.abort();
    running.delete(data.id);
    return;
  }
  const { id, kind, file } = data;
  const controller = new AbortController();
  running.set(id, controller);
  const source = 'text' in data ? { text: data.text } : { url: data.url };
  validateData(kind, file, source, controller.signal).then(
    (result) => {
      running.delete(id);
      scope.postMessage({ id, result });
    },
    // Only a cancel rejects, and then no answer is wanted.
    () => running.delete(id),
  );
};
