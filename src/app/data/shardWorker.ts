/**
 * A web worker that fetches, parses and validates shard files, so the main thread of a
 * large archive only receives checked events (a structured clone) instead of spending
 * ~20 µs an event in zod. Each request is answered with the same `Parsed` result that
 * `fetchDataFile` gives on the main thread.
 */
// First: zod must be configured before any schema module is evaluated.
import '../jitless';
import { EventShardSchema, type EventShard } from '../../model/schema';
import type { Parsed } from './parseTimeline';
import { parseDataFile } from './parseTimeline';

/** Asks for one shard: `file` as the index names it (for messages), `url` to fetch. */
export type ShardRequest = { id: number; file: string; url: string };
export type ShardReply = { id: number; result: Parsed<EventShard> };

const scope = self as unknown as {
  onmessage: ((message: MessageEvent<ShardRequest>) => void) | null;
  postMessage: (reply: ShardReply) => void;
};

async function load({ file, url }: ShardRequest): Promise<Parsed<EventShard>> {
  try {
    const response = await fetch(url);
    if (!response.ok)
      return { ok: false, error: `${file}: expected the file, got HTTP ${response.status} ${response.statusText}`.trim() };
    return parseDataFile(file, await response.text(), EventShardSchema);
  } catch (error) {
    return { ok: false, error: `${file}: could not load (${error instanceof Error ? error.message : String(error)})` };
  }
}

scope.onmessage = (message) => {
  void load(message.data).then((result) => scope.postMessage({ id: message.data.id, result }));
};
