/**
 * Reads a folder of gold annotation files (`<article id>.json`, format in tests/gold/README.md)
 * for `evaluate`. Errors name the file and what was expected.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeIssues } from '../model/schema';
import { CompileError } from './errors';
import { GoldFileSchema, type GoldEvent } from './evaluate';

/** The gold events of every `.json` file in `dir`, by article id (the file name without `.json`). */
export async function readGold(dir: string): Promise<Map<string, GoldEvent[]>> {
  const gold = new Map<string, GoldEvent[]>();
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  for (const name of names) {
    const file = path.join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new CompileError({ file, code: 'input', message: `expected JSON, got ${(error as Error).message}` });
    }
    const parsed = GoldFileSchema.safeParse(json);
    if (!parsed.success) throw new CompileError({ file, code: 'input', message: describeIssues(file, parsed.error) });
    gold.set(name.replace(/\.json$/, ''), parsed.data);
  }
  return gold;
}
