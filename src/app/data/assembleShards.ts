/**
 * Puts a sharded timeline back together: the index (`timeline.json`, with `shards` and no
 * events) and the validated shard files, in the index's order. Checks what no single file
 * can: each shard holds as many events as the index says, and every event names actors and
 * articles the index defines. Errors name the shard file and the event's place in it.
 */
import { formatDataPath, referenceProblems, type EventShard, type Timeline } from '../../model/schema';
import type { Parsed } from './parseTimeline';

/** How many problems one error message lists at most. */
const LISTED = 5;

/** The whole timeline from its index (read from `file`) and its shards, or a readable error. */
export function assembleShards(file: string, index: Timeline, shards: readonly EventShard[]): Parsed<Timeline> {
  const refs = index.shards ?? [];
  if (refs.length !== shards.length)
    return { ok: false, error: `${file}: shards: expected ${refs.length} shard files, got ${shards.length}` };
  const known = {
    actors: new Set(index.actors.map((actor) => actor.id)),
    articles: new Set(index.articles.map((article) => article.id)),
  };
  const problems: string[] = [];
  refs.forEach((ref, i) => {
    const events = shards[i]?.events ?? [];
    if (events.length !== ref.count)
      problems.push(`${ref.file}: events: expected ${ref.count} events as ${file} says, got ${events.length}`);
    for (const problem of referenceProblems(events, known))
      problems.push(`${ref.file}: ${formatDataPath(['events', ...problem.path])}: ${problem.message}`);
  });
  if (problems.length > 0) {
    const more = problems.length > LISTED ? `\n… and ${problems.length - LISTED} more` : '';
    return { ok: false, error: problems.slice(0, LISTED).join('\n') + more };
  }
  // The whole timeline is one file's worth again: its events replace the shard list and the overview.
  const { shards: _listed, overview: _overview, ...rest } = index;
  return { ok: true, value: { ...rest, events: shards.flatMap((shard) => shard.events) } };
}
