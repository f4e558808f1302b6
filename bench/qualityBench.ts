/**
 * Quality at scale: compiles a generated corpus (bench/generate.ts plants the events and
 * writes them as gold beside the articles) and scores the output with `evaluate`, as
 * `npm run eval` does for the hand-annotated articles. Also records the largest merged
 * event, since an event that swallows hundreds of reports is a merge gone wrong however
 * well each article scores.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from '../src/compiler/build';
import { evaluate } from '../src/compiler/evaluate';
import { readGold } from '../src/compiler/goldFiles';
import type { ArticleText, EventShard, Timeline } from '../src/model/schema';
import { ensureCorpus } from './compileBench';
import { Recorder } from './results';

export type QualityBenchOptions = { sizes: number[]; seed: number; work: string };

/** The timeline in an output folder, with the events of its shards put back, and its article texts. */
export async function readOutput(out: string): Promise<{ timeline: Timeline; texts: ArticleText[] }> {
  const index = JSON.parse(await readFile(path.join(out, 'timeline.json'), 'utf8')) as Timeline;
  const events = [...index.events];
  for (const ref of index.shards ?? []) {
    const shard = JSON.parse(await readFile(path.join(out, ref.file.replace(/^data\//, '')), 'utf8')) as EventShard;
    events.push(...shard.events);
  }
  const names = (await readdir(path.join(out, 'articles'))).sort();
  const texts = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(path.join(out, 'articles', name), 'utf8')) as ArticleText),
  );
  return { timeline: { ...index, events }, texts };
}

export async function qualityBench({ sizes, seed, work }: QualityBenchOptions): Promise<Recorder> {
  const rec = new Recorder('quality');
  for (const n of sizes) {
    const articles = await ensureCorpus(n, seed);
    const out = path.join(work, `quality-${n}`);
    await rm(out, { recursive: true, force: true });
    const built = await build({
      in: articles,
      out,
      generator: { name: 'dateline', version: 'bench' },
      jobs: 2,
      // Kept between bench runs: an unchanged compiler compiles nothing again.
      cacheDir: path.join(work, 'quality-cache'),
      progress: false,
    });
    if (!built.ok) {
      rec.missing('event recall (exact date)', '%', n, built.errors.map((error) => error.format()).join('; '));
      continue;
    }
    const { timeline, texts } = await readOutput(out);
    const scores = evaluate(timeline, texts, await readGold(path.join(path.dirname(articles), 'gold')));
    const note = `${scores.goldEvents} planted events in ${n} generated articles`;
    rec.add('event recall (exact date)', scores.eventRecallExactDate * 100, '%', n, note);
    rec.add('date accuracy (matched)', scores.dateAccuracy * 100, '%', n);
    rec.add('status accuracy (matched)', scores.statusAccuracy * 100, '%', n);
    rec.add('actor precision', scores.actorPrecision * 100, '%', n);
    rec.add('actor recall', scores.actorRecall * 100, '%', n);
    rec.add('verbatim quotes', scores.verbatimQuotes * 100, '%', n);
    const happenings = 'pairs of reports in two articles';
    rec.add('merge precision', scores.mergePrecision * 100, '%', n, `${happenings} made one event that report one happening`);
    rec.add('merge recall', scores.mergeRecall * 100, '%', n, `${happenings} of one happening made one event`);
    const largest = Math.max(0, ...timeline.events.map((event) => event.sources.length));
    rec.add('largest event', largest, 'sources', n, `of ${timeline.events.length} events`);
  }
  return rec;
}
