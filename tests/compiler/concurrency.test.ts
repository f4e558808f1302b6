import { describe, expect, it } from 'vitest';
import { mapLimited } from '../../src/compiler/concurrency';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapLimited', () => {
  it('keeps input order whatever order the calls finish in', async () => {
    const delays = [30, 5, 20, 0, 10];
    expect(await mapLimited(delays, 3, async (ms) => (await tick(ms), ms * 2))).toEqual([60, 10, 40, 0, 20]);
  });

  it.each([1, 2, 4, 16])('never has more than %i calls in flight', async (limit) => {
    let running = 0;
    let most = 0;
    await mapLimited(
      Array.from({ length: 40 }, (_, i) => i),
      limit,
      async (i) => {
        most = Math.max(most, ++running);
        await tick(i % 3);
        running -= 1;
      },
    );
    expect(most).toBe(limit);
  });

  it('handles an empty list', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });

  it('starts nothing after a failure and rejects only when the running calls have settled', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapLimited([0, 1, 2, 3, 4, 5, 6, 7], 2, async (i) => {
      started.push(i);
      if (i === 1) throw new Error('item 1 failed');
      await tick(20);
      finished.push(i);
    });
    await expect(run).rejects.toThrow('item 1 failed');
    // Item 0 was running beside the failure and finished before the rejection; no later item began.
    expect(finished).toEqual([0]);
    expect(started).toEqual([0, 1]);
  });
});
