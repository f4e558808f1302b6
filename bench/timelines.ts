/**
 * Synthetic compiled timelines for the viewer benchmark: a contract-valid timeline.json
 * with N events (day points, month and year precision, multi-day ranges) spread over a
 * decade, 40 actors, and article text files whose passages the sources quote exactly.
 * Deterministic from a seed, like the article corpus.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { shardTimeline } from '../src/compiler/shard';
import { addDays } from '../src/model/calendarDate';
import { SCHEMA_VERSION, whenOf, type Actor, type ArticleText, type Timeline, type TimelineEvent } from '../src/model/schema';
import { inventWord } from './cast';
import { Prng } from './prng';

const FIRST_DAY = '2016-01-01';
const DAYS = 11 * 365;
const SENTENCES_PER_ARTICLE = 30;
const VERBS = ['meets', 'visits', 'signs pact with', 'criticises', 'announces plan with', 'opens talks with', 'sanctions'];
const KINDS: readonly Actor['kind'][] = ['person', 'person', 'organization', 'country', 'place'];

/** A timeline of `n` events and the article texts its sources point into. */
export function generateTimeline(n: number, seed: number): { timeline: Timeline; texts: ArticleText[] } {
  const rng = new Prng(seed);
  const actors: Actor[] = Array.from({ length: 40 }, (_, i) => {
    const name = i % 5 < 2 ? `${inventWord(rng, 2)} ${inventWord(rng, 2)}` : inventWord(rng, 3);
    return { id: `actor-${String(i + 1).padStart(2, '0')}`, name, kind: KINDS[i % KINDS.length] as Actor['kind'], aliases: [] };
  });
  const articleCount = Math.min(1000, Math.max(20, Math.ceil(n / 100)));
  const texts: ArticleText[] = [];
  const sentences: { start: number; end: number }[][] = [];
  for (let a = 0; a < articleCount; a++) {
    const id = `article-${String(a + 1).padStart(4, '0')}`;
    let text = '';
    const spans: { start: number; end: number }[] = [];
    const paragraphs: [number, number][] = [];
    for (let s = 0; s < SENTENCES_PER_ARTICLE; s++) {
      const sentence = `${(rng.pick(actors) as Actor).name} ${rng.pick(VERBS)} ${(rng.pick(actors) as Actor).name} in ${inventWord(rng, 2)}, officials said.`;
      if (s > 0) text += s % 5 === 0 ? '\n\n' : ' ';
      if (s % 5 === 0) paragraphs.push([text.length, text.length]);
      spans.push({ start: text.length, end: text.length + sentence.length });
      text += sentence;
      (paragraphs[paragraphs.length - 1] as [number, number])[1] = text.length;
    }
    texts.push({ id, text, paragraphs });
    sentences.push(spans);
  }

  const events: TimelineEvent[] = [];
  for (let i = 0; i < n; i++) {
    const day = addDays(FIRST_DAY, rng.int(0, DAYS));
    const roll = rng.next();
    const edtf =
      roll < 0.7 ? day : roll < 0.8 ? day.slice(0, 7) : roll < 0.85 ? day.slice(0, 4) : `${day}/${addDays(day, rng.int(1, 13))}`;
    const who = rng.sample(actors, rng.int(1, 3));
    const sources = Array.from({ length: rng.chance(0.2) ? 2 : 1 }, () => {
      const a = rng.int(0, articleCount - 1);
      const span = rng.pick(sentences[a] ?? []);
      const text = texts[a] as ArticleText;
      return {
        article: text.id,
        start: span.start,
        end: span.end,
        quote: text.text.slice(span.start, span.end),
        dateText: 'on the day',
      };
    });
    const roll2 = rng.next();
    events.push({
      id: `event-${String(i + 1).padStart(6, '0')}`,
      title: `${(who[0] as Actor).name} ${rng.pick(VERBS)} ${(rng.pick(actors) as Actor).name}`,
      when: whenOf(edtf),
      status: roll2 < 0.7 ? 'occurred' : roll2 < 0.9 ? 'scheduled' : 'goal',
      actors: who.map((actor) => actor.id),
      sources,
    });
  }
  events.sort((a, b) => (a.when.start ?? '').localeCompare(b.when.start ?? '') || a.id.localeCompare(b.id));
  const timeline: Timeline = {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'dateline-bench', version: '1' },
    articles: texts.map((t, a) => ({
      id: t.id,
      title: `Synthetic article ${a + 1}`,
      publisher: 'Bench Wire',
      published: addDays(FIRST_DAY, Math.floor((a / articleCount) * DAYS)),
      text: `data/articles/${t.id}.json`,
    })),
    actors,
    events,
  };
  return { timeline, texts };
}

/**
 * Writes `timeline.json` and `articles/<id>.json` into `dataDir` (a site's `data/` folder):
 * `as-compiled` shards a large timeline into `events/` as the compiler does; `one-file`
 * keeps every event in `timeline.json` (what the plain vis-timeline page reads).
 */
export async function writeTimeline(
  dataDir: string,
  n: number,
  seed: number,
  shape: 'as-compiled' | 'one-file' = 'as-compiled',
): Promise<void> {
  const { timeline, texts } = generateTimeline(n, seed);
  await mkdir(path.join(dataDir, 'articles'), { recursive: true });
  const { index, shards } = shape === 'as-compiled' ? shardTimeline(timeline) : { index: timeline, shards: [] };
  await writeFile(path.join(dataDir, 'timeline.json'), JSON.stringify(index));
  if (shards.length > 0) await mkdir(path.join(dataDir, 'events'), { recursive: true });
  for (const { path: file, shard } of shards) await writeFile(path.join(dataDir, file), JSON.stringify(shard));
  for (const text of texts) await writeFile(path.join(dataDir, 'articles', `${text.id}.json`), JSON.stringify(text));
}
