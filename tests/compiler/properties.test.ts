/**
 * Properties of the whole pipeline (`compile`), checked on generated input: news-like
 * articles full of date expressions ("on Nov. 4", "last week", weekdays, years) and names,
 * laced with emoji, zero-width, right-to-left and other unicode, plus raw bytes and
 * hostile front matter. Each property runs DATELINE_PROPERTY_RUNS times (default 1,000;
 * `npm run test:properties:nightly` runs 20,000); DATELINE_PROPERTY_SEED replays a failure.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CompileError } from '../../src/compiler/errors';
import { findInvalidUtf8 } from '../../src/compiler/read';
import { compile, type CompileResult, type InputFile } from '../../src/compiler/pipeline';
import { daysInMonth } from '../../src/model/calendarDate';
import { quoteProblem } from '../../src/model/quote';
import { whenOf, type Source, type TimelineEvent } from '../../src/model/schema';

const numRuns = Number(process.env.DATELINE_PROPERTY_RUNS ?? 1_000);
const seed = process.env.DATELINE_PROPERTY_SEED === undefined ? undefined : Number(process.env.DATELINE_PROPERTY_SEED);
const params = { numRuns, ...(seed === undefined ? {} : { seed }) };
// Only a guard against a hang, never a speed check (speed is npm run bench's): a property
// took 128 s for 1,000 runs on one day and 182 s on a slower one, so allow ~5× that.
const timeout = 120_000 + numRuns * 600;
const generator = { name: 'dateline', version: 'property' };
const encode = (text: string) => new TextEncoder().encode(text);

// ---------------------------------------------------------------- news-like text

/** A list written as one `|`-separated string, to keep long word lists compact. */
const words = (list: string) => list.split('|');

const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.', 'November'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const RELATIVE = words(
  'last week|next week|this week|yesterday|today|tomorrow|earlier this month|later this month|' +
    'last month|next month|earlier this year|later this year|next year|last year|the following day|' +
    'the day before|two days later|a week earlier|three years ago|in the coming weeks|recently|soon',
);
const NAMES = words(
  'Defense Minister Ahn Gyu-back|U.S. Defense Secretary Pete Hegseth|President Lee Jae Myung|Hegseth|' +
    'the Pentagon|Seoul|Washington|the ministry|Xi Jinping|Kim Jong Un|Hanwha Ocean|the White House|NATO|' +
    'Dr. Anna Müller|José Álvarez|Tokyo|the United Nations|__proto__|toString|constructor|hasOwnProperty',
);
const VERBS = words(
  'met|will meet|is set to visit|visited|announced a deal with|signed an accord with|held talks with|' +
    'plans to hold a summit with|criticized|said it would meet|is expected to call|agreed to work with',
);
const PLACES = ['in Seoul', 'in Busan', 'at the Pentagon', 'in Kuala Lumpur', 'on the Korean Peninsula', 'in Gyeongju', ''];
// Characters that are hard on offsets and renderers: astral, combining, zero-width, bidirectional, separators.
const ODD = words(
  '😀|🇰🇷|👩‍👩‍👧|👍🏽|𝐀|𠀀|é|e\u0301|\u200b|\u200d|\u202e|\u202c|\u2066|\u00a0|\u2028|\u2029|\ufeff|\u00ad|' +
    'שלום|مرحبا|한국|北京|—|“|”|…|\t|<b>|&amp;|---',
);

const year = fc.integer({ min: 1990, max: 2040 });
const month = fc.integer({ min: 1, max: 12 });
const day = fc.integer({ min: 1, max: 31 });
const pad = (n: number) => String(n).padStart(2, '0');

const dateExpression = fc.oneof(
  fc.tuple(fc.constantFrom(...MONTHS), day).map(([m, d]) => `on ${m} ${d}`),
  fc.tuple(fc.constantFrom(...MONTHS), day, year).map(([m, d, y]) => `on ${m} ${d}, ${y}`),
  fc
    .tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 1, max: 29 }), fc.integer({ min: 1, max: 3 }))
    .map(([m, d, n]) => `from ${m} ${d}-${d + n}`),
  fc.tuple(fc.constantFrom(...MONTHS), year).map(([m, y]) => `in ${m} ${y}`),
  fc.constantFrom(...RELATIVE),
  fc.constantFrom(...WEEKDAYS).map((w) => `on ${w}`),
  fc.constantFrom(...WEEKDAYS).map((w) => `last ${w}`),
  year.map((y) => `in ${y}`),
  year.map((y) => `by ${y}`),
  fc.tuple(year, month, day).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  fc.tuple(month, day, year).map(([m, d, y]) => `${m}/${d}/${y}`),
  fc.tuple(year, year).map(([a, b]) => `between ${a} and ${b}`),
);

const odd = fc.constantFrom(...ODD);
const noise = fc.oneof(
  { weight: 3, arbitrary: odd },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }).map((s) => s.replaceAll('\u0000', '')) },
);

const sentence = fc
  .tuple(
    fc.constantFrom(...NAMES),
    fc.constantFrom(...VERBS),
    fc.constantFrom(...NAMES),
    fc.constantFrom(...PLACES),
    dateExpression,
    fc.option(noise, { nil: undefined }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([who, verb, whom, place, when, extra, shape]) => {
    const parts = [
      `${who} ${verb} ${whom} ${place} ${when}.`,
      `${when[0]?.toUpperCase()}${when.slice(1)}, ${who} ${verb} ${whom} ${place}.`,
      `"We will meet ${when}," ${who} said, according to ${whom}.`,
      `${who} ${verb} ${whom} ${place}, the ministry said ${when}, adding talks would continue.`,
    ];
    const text = (parts[shape] ?? '').replace(/ {2,}/g, ' ');
    if (extra === undefined) return text;
    const at = text.length % 7 === 0 ? 0 : text.indexOf(' ') + 1;
    return `${text.slice(0, at)}${extra}${text.slice(at)}`;
  });

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((sentences) => sentences.join(' '));
const lineBreak = fc.constantFrom('\n', '\n', '\n\n', '\r\n', '\r', '\n \n');
const body = fc
  .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 1, arbitrary: noise }), lineBreak), { maxLength: 7 })
  .map((lines) => lines.map(([line, end]) => line + end).join(''));

const publishedDate = fc
  .tuple(year, month, fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(Math.min(d, daysInMonth(y, m)))}`);
const published = fc.oneof(
  publishedDate,
  fc
    .tuple(
      publishedDate,
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.constantFrom('Z', '+09:00', '-05:00', '+05:45'),
    )
    .map(([date, h, m, zone]) => `${date}T${pad(h)}:${pad(m)}${zone}`),
);
const title = fc
  .tuple(fc.constantFrom(...NAMES), fc.constantFrom(...VERBS), fc.array(odd, { maxLength: 2 }))
  .map(([who, verb, extra]) => `${who} ${verb} ${extra.join('')}talks`);

type ArticleSpec = { name: string; text: string };

/** A well-formed article: valid front matter (YAML-quoted values) and a news-like body. */
const article = fc
  .record({
    title,
    published,
    timezone: fc.option(fc.constantFrom('Asia/Seoul', 'America/New_York', 'Europe/London', 'UTC'), { nil: undefined }),
    bom: fc.boolean(),
    body,
  })
  .map(({ title, published, timezone, bom, body }) => {
    const zone = timezone === undefined ? '' : `timezone: ${timezone}\n`;
    return `${bom ? '\ufeff' : ''}---\ntitle: ${JSON.stringify(title)}\npublished: ${published}\n${zone}---\n${body}`;
  });

/** `count` well-formed articles with distinct file names starting with `prefix`. */
const articles = (prefix: string, minLength: number, maxLength: number) =>
  fc
    .array(article, { minLength, maxLength })
    .map((texts) => texts.map((text, i): ArticleSpec => ({ name: `${prefix}${i}.txt`, text })));

const HOSTILE_LINES = words(
  '__proto__: {title: x}|constructor: x|<<: {title: x}|title: !!js/function "f"|title: *a|title: [a, b]|' +
    'published: 2025-02-29|published: yesterday|url: javascript:alert(1)|id: ../../x|title: ~|\ttitle: x|' +
    'title: "unterminated|---js|---|...|title: yes|id: dup',
);

/** Anything at all: raw bytes, or a well-formed article with a hostile line or random bytes spliced in. */
const anyFile = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  article.map(encode),
  fc.tuple(article, fc.constantFrom(...HOSTILE_LINES), fc.nat()).map(([text, line, at]) => {
    const lines = text.split('\n');
    lines.splice(at % (lines.length + 1), 0, line);
    return encode(lines.join('\n'));
  }),
  fc.tuple(article, fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.nat()).map(([text, bytes, at]) => {
    const encoded = encode(text);
    const cut = at % (encoded.length + 1);
    return new Uint8Array([...encoded.subarray(0, cut), ...bytes, ...encoded.subarray(cut)]);
  }),
);

// ---------------------------------------------------------------- checks

/** Found by this property: one passage of a0 reports two events, and c0 merges into one of them. */
const TWO_EVENTS_IN_ONE_PASSAGE: [ArticleSpec[], ArticleSpec[]] = [
  [
    {
      name: 'a0.txt',
      text:
        '---\ntitle: "Defense Minister Ahn Gyu-back met talks"\npublished: 1990-01-01T00:00Z\n---\n' +
        'Defense Minister Ahn Gyu-back met Defense Minister Ahn Gyu-back in Seoul from Jan. 1-2. ' +
        'the ministry met Defense Minister Ahn Gyu-back in Seoul by 1990.\n',
    },
    { name: 'a1.txt', text: '---\ntitle: "Defense Minister Ahn Gyu-back met talks"\npublished: 1990-01-01\n---\n' },
  ],
  [
    {
      name: 'c0.txt',
      text:
        '---\ntitle: "Defense Minister Ahn Gyu-back met talks"\npublished: 1990-01-01\n---\n' +
        'Defense Minister Ahn Gyu-back met Defense Minister Ahn Gyu-back in Seoul 1990-01-01.\n',
    },
  ],
];

const inputsOf = (specs: readonly ArticleSpec[]): InputFile[] =>
  specs.map(({ name, text }) => ({ file: name, bytes: encode(text) }));

/** Compiles, failing the property on anything thrown but a CompileError. */
function compileSafely(inputs: readonly InputFile[]): CompileResult {
  try {
    return compile(inputs, { generator });
  } catch (error) {
    if (error instanceof CompileError) return { ok: false, errors: [error] };
    throw error;
  }
}

const seen = { compiles: 0, events: 0, sources: 0 };

/** Every source quotes its article's text exactly, every paragraph lies inside it, every `when` agrees with its edtf. */
function expectInvariants(result: CompileResult & { ok: true }): void {
  const { timeline, files } = result;
  const texts = new Map<string, string>();
  for (const file of files.filter((f) => f.path.startsWith('articles/'))) {
    const parsed = JSON.parse(file.content) as { id: string; text: string; paragraphs: [number, number][] };
    texts.set(parsed.id, parsed.text);
    for (const [start, end] of parsed.paragraphs)
      expect(0 <= start && start <= end && end <= parsed.text.length, `paragraph [${start}, ${end}] of ${parsed.id}`).toBe(true);
  }
  seen.compiles++;
  for (const event of timeline.events) {
    seen.events++;
    expect(whenOf(event.when.edtf)).toEqual(event.when);
    const { start, end } = event.when;
    if (start !== null && end !== null) expect(start <= end, `${event.id}: ${start} after ${end}`).toBe(true);
    for (const source of event.sources) {
      seen.sources++;
      const text = texts.get(source.article);
      expect(text, `article ${source.article}`).toBeDefined();
      expect(quoteProblem(text ?? '', source)).toBeUndefined();
    }
  }
}

function expectOk(result: CompileResult): asserts result is CompileResult & { ok: true } {
  expect(result.ok, result.ok ? '' : result.errors.map((e) => e.format()).join('\n')).toBe(true);
}

const lineCount = (bytes: Uint8Array) => 1 + bytes.filter((b, i) => b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)).length;

const sourceKey = (source: Source) => `${source.article}:${source.start}:${source.end}`;

/** Each event's id with the passages it rests on, sorted: what must not change when unrelated input does. */
const identities = (events: readonly TimelineEvent[]) =>
  events.map((event) => `${event.id} ← ${event.sources.map(sourceKey).sort().join(' ')}`).sort();

afterAll(() => {
  // How much the event properties actually saw: zero events means they held vacuously.
  console.info(`properties: ${seen.compiles} outputs checked, ${seen.events} events, ${seen.sources} sources`);
});

// ---------------------------------------------------------------- properties

describe('compile, for any input', () => {
  it(
    'never throws anything but a CompileError, and every error names a file and line and says expected/got',
    () => {
      fc.assert(
        fc.property(fc.array(anyFile, { minLength: 1, maxLength: 3 }), (files) => {
          const inputs = files.map((bytes, i) => ({ file: `f${i}.txt`, bytes }));
          const result = compileSafely(inputs);
          if (result.ok) return expectInvariants(result);
          for (const error of result.errors) {
            expect(error).toBeInstanceOf(CompileError);
            expect(error.code, error.format()).not.toBe('contract');
            const input = inputs.find((i) => i.file === error.file);
            expect(input, error.format()).toBeDefined();
            expect(error.line).toBeGreaterThanOrEqual(1);
            expect(error.line).toBeLessThanOrEqual(lineCount(input?.bytes ?? new Uint8Array()));
            expect(error.format()).toMatch(/^f\d\.txt:\d+: .*expected .+, got /s);
          }
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'compiles well-formed articles, and every source, paragraph and date it writes is consistent',
    () => {
      fc.assert(
        fc.property(articles('a', 1, 3), (specs) => {
          const result = compileSafely(inputsOf(specs));
          expectOk(result);
          expectInvariants(result);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'gives byte-identical output when compiled twice, whatever the order of the files',
    () => {
      fc.assert(
        fc.property(articles('a', 1, 4), (specs) => {
          const first = compileSafely(inputsOf(specs));
          const second = compileSafely(inputsOf([...specs].reverse()));
          expectOk(first);
          expectOk(second);
          expect(second.files).toEqual(first.files);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'keeps event ids when unrelated articles are added or removed',
    () => {
      fc.assert(
        fc.property(articles('a', 1, 3), articles('c', 1, 2), (kept, other) => {
          const alone = compileSafely(inputsOf(kept));
          const together = compileSafely(inputsOf([...kept, ...other]));
          expectOk(alone);
          expectOk(together);
          const otherIds = new Set(
            together.timeline.articles.map((a) => a.id).filter((id) => !alone.timeline.articles.some((b) => b.id === id)),
          );
          const touched = together.timeline.events.filter((e) => e.sources.some((s) => otherIds.has(s.article)));
          const touchedSources = new Set(touched.flatMap((e) => e.sources.map(sourceKey)));
          // A vaguer report joins the one event it fits best, so an added article can take it from
          // the event it was with: that event, without it now, is touched as well.
          for (const event of alone.timeline.events)
            if (event.sources.some((s) => touchedSources.has(sourceKey(s))))
              for (const source of event.sources) touchedSources.add(sourceKey(source));
          // An event the added articles did not touch keeps its id and its sources, in either direction.
          // One passage can report two events (two dates in one sentence); when the added articles
          // merge into one of them, the other shares a touched passage and is left out on both sides.
          const untouched = (e: TimelineEvent) => !e.sources.some((s) => touchedSources.has(sourceKey(s)));
          const before = identities(alone.timeline.events.filter(untouched));
          const after = identities(together.timeline.events.filter(untouched));
          expect(after).toEqual(before);
        }),
        { ...params, examples: [TWO_EVENTS_IN_ONE_PASSAGE] },
      );
    },
    timeout,
  );
});

describe('the read stage, for any bytes', () => {
  // Mostly valid UTF-8 with a few bytes flipped, so the interesting boundaries are hit often.
  const nearlyUtf8 = fc
    .tuple(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 2 }),
    )
    .map(([text, flips]) => {
      const bytes = encode(text);
      for (const [at, byte] of flips) if (bytes.length > 0) bytes[at % bytes.length] = byte;
      return bytes;
    });

  it(
    'finds the first invalid UTF-8 sequence exactly where a strict decoder fails',
    () => {
      const strict = new TextDecoder('utf-8', { fatal: true });
      const decodes = (bytes: Uint8Array) => {
        try {
          strict.decode(bytes);
          return true;
        } catch {
          return false;
        }
      };
      fc.assert(
        fc.property(fc.oneof(nearlyUtf8, fc.uint8Array({ maxLength: 16 })), (bytes) => {
          const bad = findInvalidUtf8(bytes);
          expect(bad === undefined).toBe(decodes(bytes));
          if (bad === undefined) return;
          expect(decodes(bytes.subarray(0, bad.offset))).toBe(true);
          expect(decodes(bytes.subarray(0, bad.offset + bad.length))).toBe(false);
          expect(bad.length).toBeGreaterThanOrEqual(1);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'prints any error on lines of its own, with no control or bidirectional character reaching the terminal',
    () => {
      // eslint-disable-next-line no-control-regex -- control characters are what must not get through
      const unsafe = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.nat(), (file, message, line) => {
          const formatted = new CompileError({ file, line: line + 1, code: 'field', message }).format();
          expect(formatted).not.toMatch(unsafe);
          // The file part never breaks the line: what precedes ":line: " is one line.
          expect(formatted.split('\n')[0]).toContain(`:${line + 1}: `);
          expect(formatted.split('\n')).toHaveLength(message.split('\n').length);
        }),
        params,
      );
    },
    timeout,
  );
});
