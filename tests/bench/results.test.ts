import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { machine, saveResults, type Figure } from '../../bench/results';

const figure = (part: string, name: string, n: number | null, value: number | null): Figure => ({
  part,
  name,
  value,
  unit: 's',
  n,
  machine: machine(),
  measuredAt: '2026-11-29T00:00:00.000Z',
});

describe('saveResults', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dateline-results-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('replaces the rows it measured again, keeps the others, and drops a part’s old failure once the part runs', async () => {
    const file = path.join(dir, 'results.json');
    await writeFile(
      file,
      JSON.stringify([
        figure('compile', 'cold time', 100, 10),
        figure('compile', 'cold time', 1000, 30),
        figure('compile', 'compile (whole part)', null, null),
        figure('viewer', 'viewer (whole part)', null, null),
      ]),
    );
    await saveResults(file, [figure('compile', 'cold time', 1000, 25)]);
    const rows = (JSON.parse(await readFile(file, 'utf8')) as Figure[]).map((f) => [f.part, f.name, f.n, f.value]);
    expect(rows).toEqual([
      ['compile', 'cold time', 100, 10],
      ['viewer', 'viewer (whole part)', null, null],
      ['compile', 'cold time', 1000, 25],
    ]);
  });
});
