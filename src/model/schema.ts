/**
 * The data contract between compiler and viewer (schemaVersion 1): zod schemas for
 * `timeline.json` and `articles/<id>.json`, with the TypeScript types inferred from
 * them. The compiler validates what it writes with these schemas and the viewer
 * validates what it reads, so both sides agree on every field name and invariant.
 */
import { z } from 'zod';
import { isCalendarDate } from './calendarDate';
import { edtfBounds, parseEdtf, type EdtfBounds } from './edtf';
import { formatDataPath, referenceProblems, SCHEMA_VERSION } from './contract';

export { SCHEMA_VERSION, formatDataPath, referenceProblems, type ReferenceProblem } from './contract';

/** Ids used in URLs and file names: lower-case letters, digits, `-`, `_` and `.`, never `..`. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,127}$/, 'expected an id of lower-case letters, digits, ".", "_" or "-"')
  .refine((id) => !id.includes('..'), 'expected an id without ".."');

export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a calendar date YYYY-MM-DD')
  .refine(isCalendarDate, 'expected a calendar date that exists');

/** Remembered derivations, so a timeline that names the same dates many times parses each once. */
const derivations = new Map<string, EdtfBounds | string>();
const DERIVATIONS_KEPT = 20_000;

/** The start, end and precision an EDTF string stands for, or why it is not one of the supported subset. */
function derive(edtf: string): EdtfBounds | string {
  let derived = derivations.get(edtf);
  if (derived === undefined) {
    const parsed = parseEdtf(edtf);
    derived = parsed.ok ? edtfBounds(parsed.value) : parsed.error;
    if (derivations.size >= DERIVATIONS_KEPT) derivations.clear();
    derivations.set(edtf, derived);
  }
  return derived;
}

export const EdtfSchema = z.string().superRefine((text, ctx) => {
  const derived = derive(text);
  if (typeof derived === 'string') ctx.addIssue({ code: 'custom', message: derived });
});

/** Only web links survive: `javascript:`, `data:` and other schemes are refused. */
export const HttpUrlSchema = z
  .string()
  .max(2048)
  .regex(/^https?:\/\/[^\s<>"'`]+$/i, 'expected an http: or https: URL');

export const PrecisionSchema = z.enum(['day', 'month', 'year']);

export const WhenSchema = z
  .object({
    edtf: EdtfSchema,
    start: CalendarDateSchema.nullable(),
    end: CalendarDateSchema.nullable(),
    precision: PrecisionSchema,
  })
  .superRefine((when, ctx) => {
    const bounds = derive(when.edtf);
    if (typeof bounds === 'string') return;
    for (const key of ['start', 'end', 'precision'] as const) {
      if (bounds[key] !== when[key])
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `expected ${JSON.stringify(bounds[key])} to agree with edtf ${when.edtf}, got ${JSON.stringify(when[key])}`,
        });
    }
  });

export const StatusSchema = z.enum(['occurred', 'scheduled', 'goal']);

export const SourceSchema = z
  .object({
    article: IdSchema,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    quote: z.string().min(1),
    dateText: z.string().optional(),
    dateRule: z.string().optional(),
  })
  .refine((source) => source.start < source.end, { message: 'expected start < end', path: ['end'] })
  .refine((source) => source.quote.length === source.end - source.start, {
    message: 'expected quote length to equal end - start',
    path: ['quote'],
  });

/** A second reading of an event's date that a source gives when sources disagree. */
export const ConflictSchema = z.object({
  when: WhenSchema,
  article: IdSchema,
  dateText: z.string().optional(),
  dateRule: z.string().optional(),
});

export const ActorKindSchema = z.enum(['person', 'organization', 'country', 'place', 'other']);

export const ActorSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  kind: ActorKindSchema,
  aliases: z.array(z.string()),
});

export const TimelineEventSchema = z.object({
  id: IdSchema,
  title: z.string().min(1),
  when: WhenSchema,
  status: StatusSchema,
  actors: z.array(IdSchema),
  place: z.string().optional(),
  sources: z.array(SourceSchema).min(1),
  conflicts: z.array(ConflictSchema).optional(),
});

export const ArticleSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  publisher: z.string().optional(),
  wire: z.string().optional(),
  byline: z.string().optional(),
  url: HttpUrlSchema.optional(),
  published: z.string(),
  text: z.string().regex(/^data\/articles\/[a-z0-9._-]+\.json$/, 'expected data/articles/<id>.json'),
});

/**
 * One file of a large timeline's events, as `timeline.json` lists it: the events are in
 * chronological order across the files, and `start`/`end` bound the dates of its events
 * (null where an open end reaches out of the calendar).
 */
export const ShardRefSchema = z.object({
  file: z.string().regex(/^data\/events\/\d{4}\.json$/, 'expected data/events/<nnnn>.json'),
  count: z.number().int().positive(),
  start: CalendarDateSchema.nullable(),
  end: CalendarDateSchema.nullable(),
});

const DateRangeSchema = z.object({ start: CalendarDateSchema, end: CalendarDateSchema });
const BucketCountsSchema = z.array(z.tuple([CalendarDateSchema, z.number().int().positive()]));

/**
 * A sharded timeline's view from afar (see model/overview): the days its events cover
 * (`end` included), the window the viewer opens on (`end` excluded), how many events
 * start in each week, month and year, by the first day of each, in date order, and
 * (optional, newer) how many events each actor takes part in, by actor id.
 */
export const OverviewSchema = z.object({
  extent: DateRangeSchema.nullable(),
  window: DateRangeSchema.nullable(),
  week: BucketCountsSchema,
  month: BucketCountsSchema,
  year: BucketCountsSchema,
  actors: z.record(z.string(), z.number().int().positive()).optional(),
});

/**
 * `timeline.json`. A large timeline keeps its events in shard files: then `events` is
 * empty and `shards` lists the files, whose events together are the timeline's events.
 */
export const TimelineSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    generator: z.object({ name: z.string(), version: z.string() }),
    articles: z.array(ArticleSummarySchema),
    actors: z.array(ActorSchema),
    events: z.array(TimelineEventSchema),
    shards: z.array(ShardRefSchema).min(1).optional(),
    overview: OverviewSchema.optional(),
  })
  .superRefine((timeline, ctx) => {
    if (timeline.overview && !timeline.shards)
      ctx.addIssue({
        code: 'custom',
        path: ['overview'],
        message: 'expected an overview only beside shards (a one-file timeline has its events at hand)',
      });
    if (timeline.shards && timeline.events.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['events'],
        message: `expected no events beside shards (they are in the shard files), got ${timeline.events.length}`,
      });
    const known = {
      actors: new Set(timeline.actors.map((actor) => actor.id)),
      articles: new Set(timeline.articles.map((article) => article.id)),
    };
    for (const id of Object.keys(timeline.overview?.actors ?? {}))
      if (!known.actors.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['overview', 'actors', id],
          message: `expected a known actor id, got ${JSON.stringify(id)}`,
        });
    for (const problem of referenceProblems(timeline.events, known))
      ctx.addIssue({ code: 'custom', path: ['events', ...problem.path], message: problem.message });
  });

/** `events/<nnnn>.json`: one shard of a large timeline's events. */
export const EventShardSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  events: z.array(TimelineEventSchema),
});

export const ArticleTextSchema = z
  .object({
    id: IdSchema,
    text: z.string(),
    paragraphs: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
  })
  .superRefine((article, ctx) => {
    article.paragraphs.forEach(([start, end], i) => {
      if (start > end || end > article.text.length)
        ctx.addIssue({
          code: 'custom',
          path: ['paragraphs', i],
          message: `expected 0 ≤ start ≤ end ≤ ${article.text.length}, got [${start}, ${end}]`,
        });
    });
  });

export type When = z.infer<typeof WhenSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Conflict = z.infer<typeof ConflictSchema>;
export type ActorKind = z.infer<typeof ActorKindSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
export type Timeline = z.infer<typeof TimelineSchema>;
export type ArticleText = z.infer<typeof ArticleTextSchema>;
export type ShardRef = z.infer<typeof ShardRefSchema>;
export type EventShard = z.infer<typeof EventShardSchema>;

/** Formats the first issues of a failed parse as `<file>: <path>: <message>` lines. */
export function describeIssues(file: string, error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => `${file}: ${formatDataPath(issue.path)}: ${issue.message}`);
  const more = error.issues.length - lines.length;
  return more > 0 ? `${lines.join('\n')}\n… and ${more} more` : lines.join('\n');
}

/** Builds `when` from an EDTF string, deriving start, end and precision. */
export function whenOf(edtf: string): When {
  const parsed = parseEdtf(edtf);
  if (!parsed.ok) throw new RangeError(parsed.error);
  const { start, end, precision } = edtfBounds(parsed.value);
  return { edtf, start, end, precision };
}
