/**
 * The benchmark's record: one row per figure ({name, value, unit, n, machine}), medians
 * of repeated runs, a printed table, and bench/results.json. A figure that could not be
 * measured keeps its row with value null and a note saying why ('n/a').
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';

/** `mem` is total memory in GiB. */
export type Machine = { cpus: number; model: string; mem: number; node: string };

export type Figure = {
  part: string;
  name: string;
  value: number | null;
  unit: string;
  n: number | null;
  note?: string;
  machine: Machine;
  measuredAt: string;
};

/** The machine this run is on. */
export function machine(): Machine {
  return {
    cpus: os.availableParallelism(),
    model: os.cpus()[0]?.model ?? 'unknown',
    mem: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
  };
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: expected at least one value, got none');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `once` `warmups` times unrecorded, then `runs` times, and returns every recorded result. */
export async function repeat<T>(warmups: number, runs: number, once: (run: number) => Promise<T>): Promise<T[]> {
  for (let i = 0; i < warmups; i++) await once(-1 - i);
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(i));
  return results;
}

/** Collects figures for one part of the benchmark. */
export class Recorder {
  readonly figures: Figure[] = [];
  private readonly host = machine();
  private readonly at = new Date().toISOString();

  constructor(private readonly part: string) {}

  /** Records a figure, rounded to a sensible number of digits. */
  add(name: string, value: number, unit: string, n: number | null, note?: string): void {
    const rounded = Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(3));
    this.figures.push({
      part: this.part,
      name,
      value: rounded,
      unit,
      n,
      ...(note ? { note } : {}),
      machine: this.host,
      measuredAt: this.at,
    });
  }

  /** Records that a figure could not be measured, and why. */
  missing(name: string, unit: string, n: number | null, reason: string): void {
    this.figures.push({
      part: this.part,
      name,
      value: null,
      unit,
      n,
      note: `n/a: ${reason}`,
      machine: this.host,
      measuredAt: this.at,
    });
  }
}

/** Prints the figures as an aligned table. */
export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((f) => [
    f.part,
    f.name,
    f.n === null ? '' : String(f.n),
    f.value === null ? 'n/a' : String(f.value),
    f.unit,
    f.note ?? '',
  ]);
  const header = ['part', 'figure', 'n', 'value', 'unit', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
}

const rowKey = (f: Figure): string => `${f.part}|${f.name}|${f.n}`;

/** Writes `figures` to `file`, keeping earlier rows this run did not measure again (same part, name and n). */
export async function saveResults(file: string, figures: readonly Figure[]): Promise<void> {
  const measured = new Set(figures.map(rowKey));
  let previous: Figure[] = [];
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    previous = Array.isArray(parsed) ? (parsed as Figure[]) : [];
  } catch {
    previous = [];
  }
  // A part that ran again replaces its earlier "did not run" row, whatever this run measured of it.
  const partsRun = new Set(figures.map((f) => f.part));
  const kept = previous.filter((f) => !measured.has(rowKey(f)) && !(partsRun.has(f.part) && f.name === `${f.part} (whole part)`));
  await writeFile(file, `${JSON.stringify([...kept, ...figures], null, 2)}\n`);
}
