/**
 * Loads the shard files a sharded `timeline.json` lists, validated against the contract:
 * in a web worker where the browser has them (parsing and checking tens of thousands of
 * events would otherwise hold the main thread for a second or more), else — jsdom, or a
 * worker that cannot start — on the main thread with `fetchDataFile`. Same results,
 * same error messages, in the index's order.
 */
import { EventShardSchema, type EventShard, type ShardRef } from '../../model/schema';
import type { Parsed } from './parseTimeline';
import type { ShardReply, ShardRequest } from './shardWorker';
import { fetchDataFile } from './fetchDataFile';

/** Every shard in `refs`, each validated or a readable error; rejects only when `signal` aborts. */
export async function loadShards(refs: readonly ShardRef[], signal: AbortSignal): Promise<Parsed<EventShard>[]> {
  const worker = startWorker();
  if (!worker) return Promise.all(refs.map((ref) => fetchDataFile(ref.file, EventShardSchema, signal)));
  try {
    return await new Promise<Parsed<EventShard>[]>((resolve, reject) => {
      const results: Parsed<EventShard>[] = new Array<Parsed<EventShard>>(refs.length);
      let left = refs.length;
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      worker.onerror = (event) => {
        // The worker script itself failed (e.g. blocked): fall back to the main thread.
        event.preventDefault();
        resolve(Promise.all(refs.map((ref) => fetchDataFile(ref.file, EventShardSchema, signal))));
      };
      worker.onmessage = ({ data }: MessageEvent<ShardReply>) => {
        results[data.id] = data.result;
        if (--left === 0) resolve(results);
      };
      refs.forEach((ref, id) => {
        const request: ShardRequest = { id, file: ref.file, url: new URL(ref.file, document.baseURI).href };
        worker.postMessage(request);
      });
    });
  } finally {
    worker.terminate();
  }
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./shardWorker.ts', import.meta.url), { type: 'module', name: 'dateline-shards' });
  } catch {
    return null;
  }
}
