import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate';
import { Prng } from '../../bench/prng';
import {
  assembleIncremental,
  NOTHING_ASSEMBLED,
  packAssembly,
  recordOf,
  storedItems,
  unpackAssembly,
  type Assembled,
  type AssemblyChange,
  type ItemReader,
  type StoredItem,
} from '../../src/compiler/incremental';
import type { ActorEvent } from '../../src/compiler/merge';
import { assemble, compile, compileArticle, type CompiledArticle, type InputFile } from '../../src/compiler/pipeline';
import { readArticle } from '../../src/compiler/read';

const generator = { name: 'dateline', version: '0.0.0-test' };
// Five events a shard: the small corpus below spreads over many shards, so keeping unchanged ones is exercised.
const options = { generator, shardEvents: 5 };
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
/** A written file's content as text (a recompile writes shards as bytes). */
const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : decode(content));

const folder = (dir: string): InputFile[] =>
  readdirSync(dir)
    .sort()
    .map((name) => ({ file: `articles/${name}`, bytes: readFileSync(path.join(dir, name)) }));

// The seeds (captions, a named meeting, reports of one event in two articles), two unseen
// articles, and a generated corpus whose articles report the same few stories.
const seeds = folder('data/articles');
const unseen = folder('tests/fixtures/unseen/articles');
const generated: InputFile[] = [...generateCorpus(14, 11, 3)].map((article) => ({
  file: `articles/${article.fileName}`,
  bytes: encode(article.content),
}));

// The per-article stages are slow and deterministic: each distinct file is compiled once.
const compiledOnce = new Map<string, CompiledArticle>();
function compiledOf(input: InputFile): CompiledArticle {
  const key = `${input.file}\0${decode(input.bytes)}`;
  let compiled = compiledOnce.get(key);
  if (!compiled) {
    compiled = compileArticle(readArticle(input.file, input.bytes), { catalog: [] });
    compiledOnce.set(key, compiled);
  }
  return compiled;
}

/** What a from-scratch compile writes, as path → content. */
function fromScratch(inputs: readonly InputFile[]): Map<string, string> {
  const result = compile(inputs, options);
  if (!result.ok) throw new Error(`compile: expected ok, got ${result.errors.map((e) => e.format()).join('; ')}`);
  return new Map(result.files.map((file) => [file.path, file.content]));
}

/**
 * What a state holds between runs: the assembly, a reader of records' items, the events file,
 * and the outline with the changes made since it was written.
 */
type Stored = { assembled: Assembled; readItems?: ItemReader; events: string; lines: number; outline: string; changes: string[] };

/** How many changes a test state keeps before it writes the outline anew: both are exercised in every walk. */
const CHANGES_KEPT = 2;

type Run = Stored & { files: Map<string, string>; written: string[]; made: number };

/** One incremental run over `inputs` after `previous`: its files are the previous ones, changed as it says. */
function incremental(previous: Run, inputs: readonly InputFile[]): Run {
  const have = new Map(previous.assembled.articles.map((record) => [record.key, record]));
  const fresh = new Map<string, CompiledArticle>();
  const records = inputs.map((input) => {
    const key = `${input.file}\0${decode(input.bytes)}`;
    const kept = have.get(key);
    if (kept) return kept;
    const compiled = compiledOf(input);
    fresh.set(key, compiled);
    return recordOf(key, compiled);
  });
  records.sort((a, b) => (a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0));
  // Never everything again (unless there is nothing before): the clusters a change touches are found, not assumed.
  const { readItems } = previous;
  const result = assembleIncremental(previous.assembled, records, fresh, options, { redoAllShare: 1, readItems });
  if (!result.ok) throw new Error(`incremental: expected ok, got ${result.errors.map((e) => e.format()).join('; ')}`);
  const { output } = result;
  const files = new Map(previous.files);
  for (const removed of output.remove) files.delete(removed);
  for (const file of output.write) files.set(file.path, text(file.content));
  expect([...files.keys()].sort()).toEqual([...output.paths].sort());
  // A JSON round trip, as the state file makes between runs.
  return {
    ...roundTrip(output.next, output.change, previous),
    files,
    written: output.write.map((f) => f.path),
    made: output.made,
  };
}

/**
 * Packed, read back and unpacked, as the state files are between runs: records come back
 * without their items, which a reader gives from their JSON when asked, the events file
 * grows by the lines of the clusters made, or is written anew, and the run's change is kept
 * beside the outline (up to CHANGES_KEPT of them) or the outline is written anew.
 */
function roundTrip(assembled: Assembled, runChange: AssemblyChange, before: Stored): Stored {
  const packed = packAssembly(assembled, before.lines, before.changes.length < CHANGES_KEPT ? runChange : undefined);
  const { lines: added, anew } = packed;
  const outline = packed.change ? before.outline : packed.outline;
  const changes = packed.change ? [...before.changes, packed.outline] : [];
  const events = anew ? added.join('\n') : added.length > 0 ? `${before.events}\n${added.join('\n')}` : before.events;
  const stored = new Map(assembled.articles.map((record) => [record.key, JSON.stringify(storedItems(record, before.readItems))]));
  const readItems: ItemReader = (record) => JSON.parse(stored.get(record.key) ?? 'null') as StoredItem[];
  return {
    assembled: unpackAssembly({ outline, events: new TextEncoder().encode(events), changes }),
    readItems,
    events,
    outline,
    changes,
    lines: anew ? added.length : before.lines + added.length,
  };
}

const start: Run = {
  assembled: NOTHING_ASSEMBLED,
  events: '',
  lines: 0,
  outline: '',
  changes: [],
  files: new Map(),
  written: [],
  made: 0,
};

/** The same article published again a day later by another outlet, under a new id. */
function republished(input: InputFile, id: string): InputFile {
  const text = decode(input.bytes).replace(
    /^published:\s*(\d{4}-\d{2}-)(\d{2})/m,
    (_, month: string, day: string) => `published: ${month}${String(Number(day) + 1).padStart(2, '0')}`,
  );
  return { file: `articles/${id}.txt`, bytes: encode(text.replace(/^---\n/, `---\nid: ${id}\n`)) };
}

/** The article with every `from` replaced by `to` in its body. */
function edited(input: InputFile, from: RegExp, to: string): InputFile {
  const text = decode(input.bytes);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edited: expected ${from} in ${input.file}`);
  return { file: input.file, bytes: encode(next) };
}

/** The article with `sentence` added as a last paragraph. */
function appended(input: InputFile, sentence: string): InputFile {
  return { file: input.file, bytes: encode(`${decode(input.bytes).trimEnd()}\n${sentence}\n`) };
}

describe('assembleIncremental', { timeout: 300_000 }, () => {
  it('writes every file from scratch, the same bytes as compile', () => {
    const inputs = [...seeds, ...unseen, ...generated];
    const run = incremental(start, inputs);
    expect(run.files).toEqual(fromScratch(inputs));
    expect(run.written.length).toBe(run.files.size);
  });

  it('rewrites only the index when nothing changed', () => {
    const inputs = [...seeds, ...generated];
    const first = incremental(start, inputs);
    const again = incremental(first, inputs);
    expect(again.written).toEqual(['timeline.json']);
    expect(again.files).toEqual(first.files);
  });

  // Each edit, applied to the corpus the previous one left, must give compile's bytes.
  const [october, november] = seeds as [InputFile, InputFile];
  const steps: { name: string; change: (inputs: InputFile[]) => InputFile[] }[] = [
    { name: 'an article removed', change: (inputs) => inputs.filter((input) => input !== november) },
    { name: 'the removed article back', change: (inputs) => [...inputs, november] },
    {
      name: 'a second report of the seed events (new items join old clusters, captions may move)',
      change: (inputs) => [...inputs, republished(october, 'yonhap-reprint')],
    },
    {
      name: 'an article whose dates move (the meeting on Nov. 5, not Nov. 4)',
      change: (inputs) => inputs.map((input) => (input === october ? edited(october, /Nov\. 4/g, 'Nov. 5') : input)),
    },
    {
      name: 'the reprint removed again',
      change: (inputs) => inputs.filter((input) => !input.file.includes('yonhap-reprint')),
    },
    {
      name: 'a sentence without a date added to an article (its events as they were)',
      change: (inputs) =>
        inputs.map((input) => (input.file === november.file ? appended(input, 'Officials declined to comment.') : input)),
    },
    { name: 'every generated article removed', change: (inputs) => inputs.filter((input) => !generated.includes(input)) },
    { name: 'the generated articles back', change: (inputs) => [...inputs, ...generated] },
  ];
  it.each(steps.map((step, k) => [k, step.name] as const))('step %i, %s: the same bytes as compile', (k) => {
    let inputs = [...seeds, ...unseen, ...generated];
    let run = incremental(start, inputs);
    for (const step of steps.slice(0, k + 1)) {
      inputs = step.change(inputs);
      run = incremental(run, inputs);
    }
    expect(run.files).toEqual(fromScratch(inputs));
  });

  it('makes no event again for an edit that leaves the article’s events as they were, and only the new one for an added event', () => {
    const inputs = [...seeds, ...generated];
    const first = incremental(start, inputs);
    const target = generated[3] as InputFile;
    const swap = (next: InputFile) => inputs.map((input) => (input === target ? next : input));
    // An undated sentence: the same items, so no cluster changes and no shard is written.
    const quiet = swap(appended(target, 'The ministry did not say more.'));
    const second = incremental(first, quiet);
    expect(second.written.sort()).toEqual([`articles/${readArticle(target.file, target.bytes).meta.id}.json`, 'timeline.json']);
    expect(second.made).toBe(0);
    expect(second.lines).toBe(first.lines);
    expect(second.files).toEqual(fromScratch(quiet));
    // A dated one is a new event: its cluster alone is made (the article's other items stay
    // in theirs), and its shard written.
    const dated = swap(appended(target, 'The ministers met again in Naidaith on March 3, 2021, to sign a rail accord.'));
    const third = incremental(second, dated);
    expect(third.written.some((file) => file.startsWith('events/'))).toBe(true);
    expect(third.made).toBe(1);
    expect(third.lines).toBeGreaterThan(second.lines);
    expect(third.files).toEqual(fromScratch(dated));
  });

  it('keeps a run’s change instead of the outline, and refuses a change that does not fit the outline', () => {
    const inputs = [...seeds, ...generated];
    const first = incremental(start, inputs);
    const target = generated[3] as InputFile;
    const dated = inputs.map((input) =>
      input === target ? appended(target, 'The ministers met again in Naidaith on March 3, 2021, to sign a rail accord.') : input,
    );
    const second = incremental(first, dated);
    // The outline of the first run, and the second run's change: a few of its records and clusters.
    expect(second.outline).toBe(first.outline);
    expect(second.changes).toHaveLength(1);
    const change = JSON.parse(second.changes[0] as string) as {
      kept: number[];
      part: { articles: unknown[]; clusters: { members: number[]; sizes: number[] } };
    };
    expect(change.part.articles).toHaveLength(1);
    expect(change.part.clusters.sizes.length).toBeLessThan(second.assembled.clusters.length / 4);
    expect(second.files).toEqual(fromScratch(dated));
    const read = (changes: string[]) =>
      unpackAssembly({ outline: second.outline, events: new TextEncoder().encode(second.events), changes });
    expect(read(second.changes).clusters.map((cluster) => cluster.members)).toEqual(
      second.assembled.clusters.map((cluster) => cluster.members),
    );
    // A change that keeps a cluster the outline does not have, or that puts a member past the last item.
    const damaged = (damage: (parsed: typeof change) => void): string[] => {
      const parsed = JSON.parse(second.changes[0] as string) as typeof change;
      damage(parsed);
      return [JSON.stringify(parsed)];
    };
    expect(() => read(damaged((parsed) => parsed.kept.push(first.assembled.clusters.length, 1)))).toThrow(
      /expected a cluster at/,
    );
    expect(() => read(damaged((parsed) => (parsed.part.clusters.members[0] = 1e9)))).toThrow(/expected the items of cluster/);
  });

  it('gives compile’s bytes after a seeded walk of single-article edits', () => {
    const random = new Prng(2025);
    const pool = [...generated, ...unseen, republished(october, 'reprint-a'), republished(november, 'reprint-b')];
    let inputs = [...seeds, ...generated.slice(0, 6)];
    let run = incremental(start, inputs);
    for (let step = 0; step < 10; step++) {
      const absent = pool.filter((input) => !inputs.some((other) => other.file === input.file));
      const add = absent.length > 0 && (inputs.length < 4 || random.next() < 0.5);
      if (add) inputs = [...inputs, absent[Math.floor(random.next() * absent.length)] as InputFile];
      else inputs = inputs.filter((_, i) => i !== Math.floor(random.next() * inputs.length));
      run = incremental(run, inputs);
      expect(run.files, `after step ${step}`).toEqual(fromScratch(inputs));
    }
  });
});

/** A compiled article whose text is its sentences; each event reports one sentence. */
function made(
  id: string,
  published: string,
  sentences: readonly string[],
  events: readonly (Partial<ActorEvent> & { sentence: number })[],
): CompiledArticle {
  const text = sentences.join(' ');
  const starts = sentences.map((_, i) => sentences.slice(0, i).join(' ').length + (i > 0 ? 1 : 0));
  const actorIds = [...new Set(events.flatMap((event) => event.actors ?? []))];
  return {
    article: { file: `${id}.txt`, meta: { id, title: id, published }, body: text, bodyLine: 1 },
    text: { id, text, paragraphs: [[0, text.length]] },
    actors: actorIds.map((actor) => ({ id: actor, name: actor, kind: 'person', aliases: [] })),
    warnings: [],
    events: events.map(({ sentence, ...event }) => {
      const start = starts[sentence] ?? 0;
      return {
        sentence,
        passage: { start, end: start + (sentences[sentence]?.length ?? 0) },
        title: 'Untitled',
        edtf: '2025-11-03',
        status: 'occurred',
        actors: [],
        ...event,
      };
    }),
  };
}

describe('assembleIncremental on hand-made articles', () => {
  const byId = (articles: readonly CompiledArticle[]) =>
    [...articles].sort((a, b) => (a.text.id < b.text.id ? -1 : a.text.id > b.text.id ? 1 : 0));

  /** Runs `sets` one after the other; after each, the files must be `assemble`'s. */
  function walk(sets: readonly (readonly CompiledArticle[])[]): void {
    let stored: Stored = { assembled: NOTHING_ASSEMBLED, events: '', lines: 0, outline: '', changes: [] };
    let files = new Map<string, string>();
    sets.forEach((set, step) => {
      const { assembled, readItems } = stored;
      const keep = new Set(assembled.articles.map((record) => record.key));
      const fresh = new Map<string, CompiledArticle>();
      const records = byId(set).map((compiled) => {
        const key = JSON.stringify(compiled);
        if (!keep.has(key)) fresh.set(key, compiled);
        return keep.has(key)
          ? (assembled.articles.find((record) => record.key === key) as Assembled['articles'][number])
          : recordOf(key, compiled);
      });
      const result = assembleIncremental(assembled, records, fresh, options, { redoAllShare: 1, readItems });
      if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join('; '));
      files = new Map(files);
      for (const removed of result.output.remove) files.delete(removed);
      for (const file of result.output.write) files.set(file.path, text(file.content));
      stored = roundTrip(result.output.next, result.output.change, stored);
      const expected = assemble(byId(set), options);
      if (!expected.ok) throw new Error('assemble: expected ok');
      expect(files, `after step ${step}`).toEqual(new Map(expected.files.map((file) => [file.path, file.content])));
    });
  }

  // A photo caption in one article, and two same-day events in others: the visit shows both
  // people (the caption's host), the arrival one of them (its host when the visit is gone).
  const photo = made(
    'a-photo',
    '2025-11-04',
    ['In this photo, Hegseth shakes hands with Ahn.'],
    [{ sentence: 0, title: 'Hegseth shakes hands with Ahn', caption: true, actors: ['ahn', 'hegseth'] }],
  );
  const visit = made(
    'b-visit',
    '2025-11-04',
    ['Hegseth and Ahn toured the JSA on Monday.'],
    [{ sentence: 0, title: 'Hegseth and Ahn tour JSA', actors: ['ahn', 'hegseth'] }],
  );
  const arrival = made(
    'c-arrival',
    '2025-11-04',
    ['Hegseth landed at Osan on Monday.'],
    [{ sentence: 0, title: 'Hegseth lands at Osan', actors: ['hegseth'] }],
  );

  it('moves a caption to the next best event when its host goes, and back when the host returns', () => {
    walk([
      [photo, visit, arrival],
      [photo, arrival],
      [photo, visit, arrival],
      [photo, arrival, visit],
    ]);
  });

  it('moves a caption to a better host that arrives later', () => {
    walk([
      [photo, arrival],
      [photo, arrival, visit],
    ]);
  });

  // A vague report ("last month") and two events within it that it fits equally well: it joins
  // the first, and the other when the first is gone.
  const vague = made(
    'g-vague',
    '2025-06-02',
    ['Kim met Lee last month.'],
    [{ sentence: 0, title: 'Kim meets Lee', edtf: '2025-05', actors: ['kim', 'lee'] }],
  );
  const seoul = made(
    'h-seoul',
    '2025-05-04',
    ['Kim met Lee in Seoul on Saturday.'],
    [{ sentence: 0, title: 'Kim meets Lee in Seoul', edtf: '2025-05-03', actors: ['kim', 'lee'] }],
  );
  const busan = made(
    'i-busan',
    '2025-05-11',
    ['Kim met Lee in Busan on Saturday.'],
    [{ sentence: 0, title: 'Kim meets Lee in Busan', edtf: '2025-05-10', actors: ['kim', 'lee'] }],
  );

  it('moves a vague report to the other event it fits when its event goes, and back when it returns', () => {
    walk([
      [vague, seoul, busan],
      [vague, busan],
      [vague, seoul, busan],
      [vague, seoul],
    ]);
  });

  // Two reports of one signing whose countries the compiler does not know: no actor to share,
  // so the same day and most of the headline make them one event.
  const signed = made(
    'j-signed',
    '2025-04-26',
    ['Zaikumia and Kekrania signed a tariff agreement on Friday.'],
    [{ sentence: 0, title: 'Zaikumia and Kekrania sign tariff agreement', edtf: '2025-04-25' }],
  );
  const signing = made(
    'k-signing',
    '2025-04-28',
    ['Zaikumia and Kekrania signed a tariff agreement on April 25.'],
    [{ sentence: 0, title: 'Zaikumia and Kekrania sign tariff agreement', edtf: '2025-04-25' }],
  );

  it('joins a new report without actors to the same-day report of the same headline', () => {
    walk([[signed], [signed, signing], [signing], [signed, signing]]);
  });

  // The same signing where one article reads Kekrania as a place, the other as a country that acts.
  const asPlace = made(
    'l-place',
    '2025-04-27',
    ['Zaikumia and Kekrania signed a tariff agreement on April 25.'],
    [{ sentence: 0, title: 'Zaikumia and Kekrania sign tariff agreement', edtf: '2025-04-25', places: ['kekrania'] }],
  );
  const asActor = made(
    'm-actor',
    '2025-04-29',
    ['Kekrania signed a tariff agreement with Zaikumia on April 25.'],
    [{ sentence: 0, title: 'Zaikumia and Kekrania sign tariff agreement', edtf: '2025-04-25', actors: ['kekrania'] }],
  );

  it('joins a report without actors and one whose actor it names as a place, whichever comes first', () => {
    walk([[asPlace], [asPlace, asActor], [asActor], [asPlace, asActor]]);
  });

  // Two reports of one named meeting on different days: the event keeps the conflict.
  const before = made(
    'd-before',
    '2025-10-27',
    ['The 57th SCM will be held on Nov. 4.'],
    [{ sentence: 0, name: '57th scm', title: '57th SCM', edtf: '2025-11-04', status: 'scheduled', actors: ['ahn'] }],
  );
  const after = made(
    'e-after',
    '2025-11-06',
    ['The 57th SCM was held on Nov. 5.'],
    [{ sentence: 0, name: '57th scm', title: '57th SCM', edtf: '2025-11-05', actors: ['ahn'] }],
  );

  it('refuses an event that names an actor no article defines, as assemble does', () => {
    const ghost = made('f-ghost', '2025-11-04', ['Someone met Hegseth.'], [{ sentence: 0, title: 'Meeting', actors: ['ghost'] }]);
    const broken = { ...ghost, actors: [] };
    const previous = assembleIncremental(NOTHING_ASSEMBLED, [recordOf('k1', photo)], new Map([['k1', photo]]), options);
    if (!previous.ok) throw new Error('expected the first run to pass');
    const result = assembleIncremental(
      previous.output.next,
      [recordOf('k1', photo), recordOf('k2', broken)].sort((a, b) => (a.summary.id < b.summary.id ? -1 : 1)),
      new Map([['k2', broken]]),
      options,
      { redoAllShare: 1 },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/actors\[0\]: expected a known actor id, got "ghost"/);
    expect(assemble([photo, broken], options).ok).toBe(false);
  });

  it('keeps an event with conflicts byte for byte while other articles come and go', () => {
    walk([
      [before, after],
      [before, after, arrival],
      [before, after, arrival, photo],
      [before, after],
    ]);
  });
});
