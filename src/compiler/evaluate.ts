/**
 * Scores a compiled timeline against gold annotations (format in DESIGN.md, rules in
 * ANNOTATION.md). Pure: compiled timeline + article texts + gold events in, scores out.
 * A gold event is matched one-to-one to a compiled event with a source in the same
 * article whose passage overlaps the gold passage, preferring one with the same date.
 * Gold events that name the happening they report (`happening`, as the generated corpus's
 * do) also score the merge: reports of one happening in two articles should be one event,
 * and reports of two should not.
 */
import { z } from 'zod';
import { quoteProblem } from '../model/quote';
import { StatusSchema, type ArticleText, type Timeline, type TimelineEvent } from '../model/schema';

export const GoldEventSchema = z.object({
  date: z.string(),
  date_text: z.string().optional(),
  title: z.string(),
  actors: z.array(z.string()),
  passage: z.string().min(1),
  status: StatusSchema,
  /** Names what this report is of, when other articles report the same: one id for all its reports. */
  happening: z.string().min(1).optional(),
});

export const GoldFileSchema = z.array(GoldEventSchema);

export type GoldEvent = z.infer<typeof GoldEventSchema>;

export type EventMatch = { article: string; gold: GoldEvent; event: TimelineEvent | undefined; exactDate: boolean };

export type Scores = {
  goldEvents: number;
  matched: number;
  /** Gold events matched by an event with exactly the gold EDTF, over all gold events. */
  eventRecallExactDate: number;
  /** Among matched events, the share whose EDTF equals the gold one. */
  dateAccuracy: number;
  statusAccuracy: number;
  actorPrecision: number;
  actorRecall: number;
  /** Compiled sources whose quote is exactly text.slice(start, end). */
  verbatimQuotes: number;
  sources: number;
  /** Compiled events with a source in a gold article that match no gold event. */
  unmatchedEvents: number;
  /**
   * Pairs of matched gold events in two articles that one compiled event reports: the share
   * that are reports of one happening. NaN when no gold event names its happening.
   */
  mergePrecision: number;
  /** Pairs of matched reports of one happening in two articles: the share that one compiled event reports. */
  mergeRecall: number;
  matches: EventMatch[];
};

type Span = { start: number; end: number };

/** Finds `passage` in `text`, tolerating differences in white space. */
export function locatePassage(text: string, passage: string): Span | undefined {
  const exact = text.indexOf(passage);
  if (exact !== -1) return { start: exact, end: exact + passage.length };
  const words = passage
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const match = new RegExp(words.join('\\s+')).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** A share, or NaN when there is nothing to measure (printed as n/a). */
const ratio = (num: number, den: number) => (den === 0 ? Number.NaN : num / den);

/** Scores `timeline` against gold events keyed by article id. */
export function evaluate(
  timeline: Timeline,
  texts: readonly ArticleText[],
  gold: ReadonlyMap<string, readonly GoldEvent[]>,
): Scores {
  const textById = new Map(texts.map((text) => [text.id, text.text]));
  const actorName = new Map(timeline.actors.map((actor) => [actor.id, actor.name]));
  const matchedAnywhere = new Set<TimelineEvent>();
  const matches: EventMatch[] = [];

  // Each article's events, in timeline order: scanning every event for every gold event is
  // quadratic in the archive (minutes at 10,000 articles).
  const eventsByArticle = new Map<string, TimelineEvent[]>();
  for (const event of timeline.events)
    for (const article of new Set(event.sources.map((source) => source.article))) {
      const list = eventsByArticle.get(article);
      if (list) list.push(event);
      else eventsByArticle.set(article, [event]);
    }

  for (const [article, events] of gold) {
    const text = textById.get(article) ?? '';
    const reported = eventsByArticle.get(article) ?? [];
    // One-to-one within an article; a merged event may match one gold event in each article.
    const used = new Set<TimelineEvent>();
    // Match exact-date candidates first so a looser neighbour cannot take their event.
    const located = events.map((event) => ({ event, span: locatePassage(text, event.passage) }));
    const candidatesOf = (span: Span | undefined) =>
      span === undefined
        ? []
        : reported
            .filter((event) => !used.has(event))
            .map((event) => ({
              event,
              overlap: Math.max(0, ...event.sources.filter((s) => s.article === article).map((s) => overlap(s, span))),
            }))
            .filter((candidate) => candidate.overlap > 0);
    const results = new Map<GoldEvent, TimelineEvent | undefined>();
    for (const pass of ['exact', 'any'] as const) {
      for (const { event: goldEvent, span } of located) {
        if (results.has(goldEvent)) continue;
        const candidates = candidatesOf(span)
          .filter((c) => pass === 'any' || c.event.when.edtf === goldEvent.date)
          .sort((a, b) => b.overlap - a.overlap);
        const best = candidates[0]?.event;
        if (best || pass === 'any') results.set(goldEvent, best);
        if (best) {
          used.add(best);
          matchedAnywhere.add(best);
        }
      }
    }
    for (const goldEvent of events) {
      const event = results.get(goldEvent);
      matches.push({ article, gold: goldEvent, event, exactDate: event?.when.edtf === goldEvent.date });
    }
  }

  const matched = matches.filter((m) => m.event !== undefined);
  let truePositives = 0;
  let predicted = 0;
  let expected = 0;
  for (const { gold: goldEvent, event } of matched) {
    const names = new Set(event!.actors.map((id) => actorName.get(id) ?? id));
    const wanted = new Set(goldEvent.actors);
    predicted += names.size;
    expected += wanted.size;
    for (const name of names) if (wanted.has(name)) truePositives++;
  }
  const sources = timeline.events.flatMap((event) => event.sources);
  const verbatim = sources.filter((source) => quoteProblem(textById.get(source.article) ?? '', source) === undefined).length;
  const goldArticles = new Set(gold.keys());
  const unmatchedEvents = timeline.events.filter(
    (event) => !matchedAnywhere.has(event) && event.sources.some((source) => goldArticles.has(source.article)),
  ).length;

  const { precision: mergePrecision, recall: mergeRecall } = mergeScores(matches);
  return {
    goldEvents: matches.length,
    matched: matched.length,
    eventRecallExactDate: ratio(matches.filter((m) => m.exactDate).length, matches.length),
    dateAccuracy: ratio(matched.filter((m) => m.exactDate).length, matched.length),
    statusAccuracy: ratio(matched.filter((m) => m.event!.status === m.gold.status).length, matched.length),
    actorPrecision: ratio(truePositives, predicted),
    actorRecall: ratio(truePositives, expected),
    verbatimQuotes: ratio(verbatim, sources.length),
    sources: sources.length,
    unmatchedEvents,
    mergePrecision,
    mergeRecall,
    matches,
  };
}

/** Pairs of `matches` in two different articles, by the key `keyOf` gives (undefined: in no pair). */
function crossArticlePairs(
  matches: readonly EventMatch[],
  keyOf: (match: EventMatch) => unknown,
  visit: (a: EventMatch, b: EventMatch) => void,
): void {
  const groups = new Map<unknown, EventMatch[]>();
  for (const match of matches) {
    const key = keyOf(match);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(match);
    else groups.set(key, [match]);
  }
  for (const group of groups.values())
    for (let x = 0; x < group.length; x++)
      for (let y = x + 1; y < group.length; y++) {
        const [a, b] = [group[x] as EventMatch, group[y] as EventMatch];
        if (a.article !== b.article) visit(a, b);
      }
}

/** Pairwise merge precision and recall over the matched gold events (see Scores). */
function mergeScores(matches: readonly EventMatch[]): { precision: number; recall: number } {
  const matched = matches.filter((match) => match.event !== undefined);
  if (!matched.some((match) => match.gold.happening !== undefined)) return { precision: Number.NaN, recall: Number.NaN };
  let joined = 0;
  let joinedRight = 0;
  crossArticlePairs(
    matched,
    (match) => match.event,
    (a, b) => {
      joined++;
      if (a.gold.happening !== undefined && a.gold.happening === b.gold.happening) joinedRight++;
    },
  );
  let shared = 0;
  let sharedJoined = 0;
  crossArticlePairs(
    matched,
    (match) => match.gold.happening,
    (a, b) => {
      shared++;
      if (a.event === b.event) sharedJoined++;
    },
  );
  return { precision: ratio(joinedRight, joined), recall: ratio(sharedJoined, shared) };
}
