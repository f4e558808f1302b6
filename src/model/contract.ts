/**
 * The parts of the data contract that need no schema library: its version, how a data
 * path is written in messages, and the checks of what events refer to. Kept apart from
 * schema.ts so the viewer's main bundle can use them without zod, which runs only in its
 * data worker.
 */

export const SCHEMA_VERSION = 1;

/** A problem with an event's references: where it is (under `events`) and what is wrong. */
export type ReferenceProblem = { path: (string | number)[]; message: string };

/** Actor and article ids that events name but the timeline does not define. */
export function referenceProblems(
  events: readonly { actors: readonly string[]; sources: readonly { article: string }[] }[],
  known: { actors: ReadonlySet<string>; articles: ReadonlySet<string> },
): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  events.forEach((event, i) => {
    event.actors.forEach((actor, j) => {
      if (!known.actors.has(actor))
        problems.push({ path: [i, 'actors', j], message: `expected a known actor id, got ${JSON.stringify(actor)}` });
    });
    event.sources.forEach((source, j) => {
      if (!known.articles.has(source.article))
        problems.push({
          path: [i, 'sources', j, 'article'],
          message: `expected a known article id, got ${JSON.stringify(source.article)}`,
        });
    });
  });
  return problems;
}

/** A data path as messages write it: `events[12].sources[0].start`, or `(root)` for none. */
export function formatDataPath(path: readonly PropertyKey[]): string {
  const text = path.reduce<string>(
    (done, key) => (typeof key === 'number' ? `${done}[${key}]` : done ? `${done}.${String(key)}` : String(key)),
    '',
  );
  return text || '(root)';
}
