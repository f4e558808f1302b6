import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ArticleText } from '../../src/model/schema';
import { evaluate } from '../../src/compiler/evaluate';
import { readGold } from '../../src/compiler/goldFiles';
import { readInputFolder } from '../../src/compiler/inputs';
import { loadCompileOptions } from '../../src/compiler/options';
import { compile } from '../../src/compiler/pipeline';

// The seed articles against their hand-written gold (tests/gold), as `npm run eval` scores them.
const ARTICLES = fileURLToPath(new URL('../../data/articles/', import.meta.url));
const GOLD = fileURLToPath(new URL('../gold/', import.meta.url));

describe('seed articles', () => {
  it('report every gold event on its date, and make one event of each happening both articles report', async () => {
    const options = await loadCompileOptions(fileURLToPath(new URL('../../data/actors.yaml', import.meta.url)));
    const result = compile(await readInputFolder(ARTICLES), options);
    if (!result.ok) throw new Error(`seeds: expected a compiled timeline, got ${result.errors.length} errors`);
    const texts = result.files
      .filter((file) => file.path.startsWith('articles/'))
      .map((file) => JSON.parse(file.content) as ArticleText);
    const gold = await readGold(GOLD);
    const scores = evaluate(result.timeline, texts, gold);
    expect(scores.eventRecallExactDate).toBe(1);
    // Three happenings (the 57th SCM, Hegseth's Asia trip, the Hwasong-20 disclosure), one pair of reports each.
    const shared = [...gold.values()].flat().filter((event) => event.happening !== undefined);
    expect(shared).toHaveLength(6);
    expect(scores.mergeRecall).toBe(1);
    expect(scores.mergePrecision).toBe(1);
  }, 60_000);
});
