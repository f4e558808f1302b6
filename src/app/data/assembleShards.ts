/**
 * Puts a sharded timeline back together: the index (`timeline.json`, with `shards` and no
 * events) and the validated shard files, in the index's order. Checks what no single file
 * can: each shard holds as many events as the index says, and every event names actors and
 * articles the index defines (`shardProblems`, also used as shards arrive one by one).
 * Errors name the shard file and the event's place in it.
 */
import { formatDataPath, referenceProblems } from '../../model/contract';
import type { EventShard, ShardRef, Timeline, TimelineEvent } from '../../model/schema';
import type { Parsed } from './parseTimeline';

/** How many problems one error message lists at most. */
const LISTED = 5;

/** Ids the index defines, which shard events may name. */
export type KnownReferences = { actors: ReadonlySet<string>; articles: ReadonlySet<string> };

/** What is wrong with the `events` of the shard `ref` beside the index (read from `file`), each naming the shard file. */
export function shardProblems(file: string, ref: ShardRef, events: readonly TimelineEvent[], known: KnownReferences): string[] {
  const problems: string[] = [];
  if (events.length !== ref.count)
    problems.push(`${ref.file}: events: expected ${ref.count} events as ${file} says, got ${events.length}`);
  for (const problem of referenceProblems(events, known))
    problems.push(`${ref.file}: ${formatDataPath(['events', ...problem.path])}: ${problem.message}`);
  return problems;
}

/** At most a few of `problems`, one a line, and how many more there are. */
export function listProblems(problems: readonly string[]): string {
  const more = problems.length > LISTED ? `\n… and ${problems.length - LISTED} more` : '';
  return problems.slice(0, LISTED).join('\n') + more;
}

/** The whole timeline from its index (read from `file`) and its shards, or a readable error. */
export function assembleShards(file: string, index: Timeline, shards: readonly EventShard[]): Parsed<Timeline> {
  const refs = index.shards ?? [];
  if (refs.length !== shards.length)
    return { ok: false, error: `${file}: shards: expected ${refs.length} shard files, got ${shards.length}` };
  const known = {
    actors: new Set(index.actors.map((actor) => actor.id)),
    articles: new Set(index.articles.map((article) => article.id)),
  };
  const problems = refs.flatMap((ref, i) => shardProblems(file, ref, shards[i]?.events ?? [], known));
  if (problems.length > 0) return { ok: false, error: listProblems(problems) };
  // The whole timeline is one file's worth again: its events replace the shard list and the overview.
  const { shards: _listed, overview: _overview, ...rest } = index;
  return { ok: true, value: { ...rest, events: shards.flatMap((shard) => shard.events) } };
}
