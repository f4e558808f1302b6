/**
 * A web worker that fetches, parses and validates shard files, so the main thread of a
 * large archive only receives checked events (a structured clone) instead of spending
 * ~20 µs an event in zod. Each request is answered by `fetchDataFile`, as on the main
 * thread, so the results and messages are the same.
 */
// First: zod must be configured before any schema module is evaluated.
import '../jitless';
import { EventShardSchema, type EventShard } from '../../model/schema';
import { fetchDataFile } from './fetchDataFile';
import type { Parsed } from './parseTimeline';

/** Asks for one shard: `file` as the index names it (for messages), `url` to fetch. */
export type ShardRequest = { id: number; file: string; url: string };
export type ShardReply = { id: number; result: Parsed<EventShard> };

const scope = self as unknown as {
  onmessage: ((message: MessageEvent<ShardRequest>) => void) | null;
  postMessage: (reply: ShardReply) => void;
};

scope.onmessage = ({ data: { id, file, url } }) => {
  void fetchDataFile(file, EventShardSchema, new AbortController().signal, url).then((result) =>
    scope.postMessage({ id, result }),
  );
};
