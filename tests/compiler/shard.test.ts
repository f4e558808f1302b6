/**
 * Sharding a large timeline (compiler) and putting it back together (viewer): small
 * timelines stay one file; large ones split in chronological order into shards that
 * each pass the contract, and the viewer's assembly gives back exactly the events
 * compiled — or a readable error naming the shard when a file disagrees with the index.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleShards } from '../../src/app/data/assembleShards';
import { countActors } from '../../src/app/filter/filterEvents';
import { bandsOf, overviewItems, sortItems } from '../../src/app/timeline/itemsInWindow';
import { toTimelineItems } from '../../src/app/timeline/toTimelineItems';
import { NO_EXTENT, OVERVIEW_BUCKETS, overviewOf } from '../../src/model/overview';
import { compile, shardJson, type InputFile } from '../../src/compiler/pipeline';
import { SHARD_EVENTS, shardTimeline } from '../../src/compiler/shard';
import { EventShardSchema, TimelineSchema, whenOf, type Timeline, type TimelineEvent } from '../../src/model/schema';
import { makeActor, makeArticle, makeEvent, makeTimeline } from '../fixtures/timeline/builders';

const actor = makeActor('Harbour Board');
const edtfs = ['../2020', '2021-03', '2021-03-04', '2021-05-01/2021-05-09', '2022', '2023-01-01', '2024/..'];
const events: TimelineEvent[] = edtfs.map((edtf, i) =>
  makeEvent({ id: `e${i}`, title: `Event ${i}`, when: whenOf(edtf), actors: [actor.id] }),
);
const timeline: Timeline = makeTimeline({ articles: [makeArticle('a1')], actors: [actor], events });

describe('shardTimeline', () => {
  it.each([7, 8, 100])('keeps a timeline of 7 events as one file when a shard holds %i', (perShard) => {
    const { index, shards } = shardTimeline(timeline, perShard);
    expect(shards).toEqual([]);
    expect(index).toBe(timeline);
  });

  it.each([
    [3, [3, 3, 1]],
    [2, [2, 2, 2, 1]],
    [1, [1, 1, 1, 1, 1, 1, 1]],
    [6, [6, 1]],
  ])('splits 7 events, %i a shard, into shards of %j in order', (perShard, sizes) => {
    const { index, shards } = shardTimeline(timeline, perShard);
    expect(shards.map((s) => s.shard.events.length)).toEqual(sizes);
    expect(shards.flatMap((s) => s.shard.events)).toEqual(events);
    expect(index.events).toEqual([]);
    expect(index.shards?.map((ref) => [ref.file, ref.count])).toEqual(
      sizes.map((count, i) => [`data/events/${String(i + 1).padStart(4, '0')}.json`, count]),
    );
    expect(shards.map((s) => s.path)).toEqual(index.shards?.map((ref) => ref.file.replace(/^data\//, '')));
    expect(TimelineSchema.safeParse(index).success).toBe(true);
    for (const { shard } of shards) expect(EventShardSchema.safeParse(shard).success).toBe(true);
  });

  it('records the dates each shard covers, null where an open end leaves the calendar', () => {
    const { index } = shardTimeline(timeline, 3);
    expect(index.shards?.map(({ start, end }) => [start, end])).toEqual([
      [null, '2021-03-31'],
      ['2021-05-01', '2023-01-01'],
      ['2024-01-01', null],
    ]);
  });

  it('writes the overview of all the events into the index, and only there', () => {
    const { index } = shardTimeline(timeline, 3);
    expect(index.overview).toEqual({ ...overviewOf(events), actors: { [actor.id]: events.length } });
    expect(index.overview?.year.map(([start]) => start)).toEqual([
      '2020-01-01',
      '2021-01-01',
      '2022-01-01',
      '2023-01-01',
      '2024-01-01',
    ]);
    const stray = TimelineSchema.safeParse({ ...timeline, overview: index.overview });
    expect(stray.success ? '' : stray.error.issues[0]?.message).toMatch(/^expected an overview only beside shards/);
  });

  it('draws, from the overview alone, the same bands the viewer draws once the events are in', () => {
    const { index, shards } = shardTimeline(timeline, 3);
    const assembled = assembleShards(
      'data/timeline.json',
      index,
      shards.map((s) => s.shard),
    );
    if (!assembled.ok || !index.overview) throw new Error('expected a sharded timeline with an overview');
    const { items } = toTimelineItems(assembled.value.events, {
      lanes: 'none',
      actors: new Map([[actor.id, actor]]),
      articles: new Map(),
      extent: index.overview.extent ?? NO_EXTENT,
    });
    const early = overviewItems(index.overview);
    for (const bucket of OVERVIEW_BUCKETS)
      expect(early.loading?.overviewBands?.get(bucket)?.items).toEqual(bandsOf(sortItems(items), bucket).items);
  });

  it('counts, in the overview, the events of each actor the viewer counts once they are in', () => {
    const other = makeActor('River Council');
    const mixed = makeTimeline({
      articles: [makeArticle('a1')],
      actors: [actor, other],
      events: events.map((event, i) => ({ ...event, actors: i % 3 === 0 ? [other.id, actor.id, other.id] : event.actors })),
    });
    const { index, shards } = shardTimeline(mixed, 2);
    const assembled = assembleShards(
      'data/timeline.json',
      index,
      shards.map((s) => s.shard),
    );
    if (!assembled.ok) throw new Error('expected the shards to assemble');
    expect(index.overview?.actors).toEqual({ [actor.id]: 7, [other.id]: 3 });
    expect(new Map(Object.entries(index.overview?.actors ?? {}))).toEqual(countActors(assembled.value.events));
    const unknown = TimelineSchema.safeParse({ ...index, overview: { ...index.overview, actors: { nobody: 2 } } });
    expect(unknown.success ? [] : unknown.error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['overview.actors.nobody', 'expected a known actor id, got "nobody"'],
    ]);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses a shard size of %s', (perShard) => {
    expect(() => shardTimeline(timeline, perShard)).toThrow(RangeError);
  });

  it('shards only above SHARD_EVENTS by default', () => {
    expect(SHARD_EVENTS).toBeGreaterThanOrEqual(1000);
    expect(shardTimeline(timeline).shards).toEqual([]);
  });
});

describe('shardJson', () => {
  const shard = { schemaVersion: timeline.schemaVersion, events };
  const tricky = makeEvent({ id: 'e-q', title: 'A "quoted" title, \\ and \u2028 and é', when: whenOf('2021'), actors: [] });

  it.each([
    { name: 'the events of a timeline', events },
    { name: 'one event', events: events.slice(0, 1) },
    { name: 'an event whose text needs escaping', events: [tricky] },
  ])('is JSON.stringify of the shard, with a newline: $name', ({ events: some }) => {
    const one = { ...shard, events: some };
    expect(shardJson(one)).toBe(`${JSON.stringify(one)}\n`);
    expect(EventShardSchema.parse(JSON.parse(shardJson(one)))).toEqual(one);
  });

  it('puts the shard together from the JSON it is given for each event', () => {
    const given = new Map(events.map((event) => [event, JSON.stringify(event)]));
    const seen: TimelineEvent[] = [];
    const json = shardJson(shard, (event) => {
      seen.push(event);
      return given.get(event) as string;
    });
    expect(seen).toEqual(events);
    expect(json).toBe(`${JSON.stringify(shard)}\n`);
  });
});

describe('the compiler writing shards and the viewer reading them', () => {
  const seeds = path.resolve(import.meta.dirname, '../../data/articles');
  const inputs: InputFile[] = ['2025-10-27-yonhap-security-talks.txt', '2025-11-04-yonhap-alliance-issues.txt'].map((name) => ({
    file: `data/articles/${name}`,
    bytes: readFileSync(path.join(seeds, name)),
  }));
  const generator = { name: 'dateline', version: 'test' };

  it('writes events/nnnn.json files that put back together give the same timeline as one file', () => {
    const whole = compile(inputs, { generator });
    const sharded = compile(inputs, { generator, shardEvents: 3 });
    if (!whole.ok || !sharded.ok) throw new Error('the seeds did not compile');
    const file = (result: typeof sharded, name: string) => result.files.find((f) => f.path === name)?.content ?? '';
    const index = TimelineSchema.parse(JSON.parse(file(sharded, 'timeline.json')));
    const shardFiles = sharded.files.filter((f) => f.path.startsWith('events/'));
    expect(shardFiles.map((f) => f.path)).toEqual(index.shards?.map((ref) => ref.file.replace(/^data\//, '')));
    expect(shardFiles.length).toBe(Math.ceil(whole.timeline.events.length / 3));
    const parsed = shardFiles.map((f) => EventShardSchema.parse(JSON.parse(f.content)));
    const assembled = assembleShards('data/timeline.json', index, parsed);
    expect(assembled).toEqual({ ok: true, value: JSON.parse(file(whole, 'timeline.json')) });
    // Everything else (article texts, the JSON Schema) is the same either way.
    const rest = (result: typeof sharded) =>
      result.files.filter((f) => f.path !== 'timeline.json' && !f.path.startsWith('events/'));
    expect(rest(sharded)).toEqual(rest(whole));
  });
});

describe('assembleShards', () => {
  const { index, shards } = shardTimeline(timeline, 3);
  const parts = shards.map((s) => s.shard);

  it('gives back the events in order and drops the shard list and the overview', () => {
    const result = assembleShards('data/timeline.json', index, parts);
    expect(result).toEqual({ ok: true, value: { ...timeline } });
  });

  it.each([
    ['a shard missing from the list', parts.slice(0, 2), 'data/timeline.json: shards: expected 3 shard files, got 2'],
    [
      'a shard with fewer events than the index says',
      [parts[0], { ...parts[1], events: parts[1]?.events.slice(1) }, parts[2]],
      'data/events/0002.json: events: expected 3 events as data/timeline.json says, got 2',
    ],
    [
      'an event naming an actor the index does not define',
      [parts[0], parts[1], { ...parts[2], events: [{ ...events[6], actors: ['nobody'] }] }],
      'data/events/0003.json: events[0].actors[0]: expected a known actor id, got "nobody"',
    ],
  ] as const)('names the file for %s', (_case, given, message) => {
    const result = assembleShards('data/timeline.json', index, given as never);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(message);
  });
});
