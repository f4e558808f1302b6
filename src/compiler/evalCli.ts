/**
 * `npm run eval -- --in DIR --gold DIR`: compiles the articles in memory (nothing is
 * written) and prints how the output scores against the gold annotations, one line per
 * gold event and a summary. Exit code 0 when it ran, 1 on bad input.
 */
import { parseArgs } from 'node:util';
import { readInputFolder } from './inputs';
import { loadCompileOptions } from './options';
import { CompileError } from './errors';
import { evaluate, type Scores } from './evaluate';
import { readGold } from './goldFiles';
import { compile } from './pipeline';

const percent = (value: number) => (Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)}%`);

/** Formats scores as the report `npm run eval` prints. */
export function formatScores(scores: Scores, actorNames: ReadonlyMap<string, string> = new Map()): string {
  const lines = scores.matches.map(({ article, gold, event, exactDate }) => {
    const mark = exactDate ? '✔' : event ? '≈' : '✘';
    const got = event ? `${event.when.edtf} “${event.title}”` : 'no event';
    const names = new Set(event?.actors.map((id) => actorNames.get(id) ?? id) ?? []);
    const extra = [...names].filter((name) => !gold.actors.includes(name)).map((name) => `+${name}`);
    const missing = gold.actors.filter((name) => event && !names.has(name)).map((name) => `−${name}`);
    const actors = [...extra, ...missing].length > 0 ? `  actors ${[...extra, ...missing].join(' ')}` : '';
    return `${mark} ${article}: ${gold.date} “${gold.title}” → ${got}${actors}`;
  });
  return [
    ...lines,
    '',
    `gold events                 ${scores.goldEvents} (matched ${scores.matched})`,
    `event recall (exact date)   ${percent(scores.eventRecallExactDate)}`,
    `date accuracy (matched)     ${percent(scores.dateAccuracy)}`,
    `status accuracy (matched)   ${percent(scores.statusAccuracy)}`,
    `actor precision             ${percent(scores.actorPrecision)}`,
    `actor recall                ${percent(scores.actorRecall)}`,
    `verbatim quotes             ${percent(scores.verbatimQuotes)} of ${scores.sources} sources`,
    `events not in gold          ${scores.unmatchedEvents}`,
    // Only gold that names the happenings its events report scores the merge.
    ...(Number.isNaN(scores.mergeRecall)
      ? []
      : [
          `merge precision (pairs)     ${percent(scores.mergePrecision)}`,
          `merge recall (pairs)        ${percent(scores.mergeRecall)}`,
        ]),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      in: { type: 'string', default: 'data/articles' },
      gold: { type: 'string', default: 'tests/gold' },
      json: { type: 'boolean', default: false },
    },
  });
  const inputs = await readInputFolder(values.in);
  const result = compile(inputs, await loadCompileOptions());
  if (!result.ok) {
    for (const error of result.errors) process.stderr.write(`${error.format()}\n`);
    return 1;
  }
  const texts = result.files
    .filter((file) => file.path.startsWith('articles/'))
    .map((file) => JSON.parse(file.content) as { id: string; text: string; paragraphs: [number, number][] });
  const scores = evaluate(result.timeline, texts, await readGold(values.gold));
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ ...scores, matches: undefined }, null, 2)}\n`
      : `${formatScores(scores, new Map(result.timeline.actors.map((actor) => [actor.id, actor.name])))}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const errors = error instanceof AggregateError ? error.errors : [error];
    for (const e of errors) process.stderr.write(`${e instanceof CompileError ? e.format() : `internal error: ${String(e)}`}\n`);
    process.exitCode = 1;
  },
);
