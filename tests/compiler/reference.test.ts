import { describe, expect, it } from 'vitest';
import { referenceOf } from '../../src/compiler/reference';

describe('referenceOf', () => {
  it.each([
    ['2025-11-04', undefined, '2025-11-04'],
    ['2025-10-27T09:04+09:00', undefined, '2025-10-27'],
    ['2025-10-27T09:04+09:00', 'Asia/Seoul', '2025-10-27'],
    ['2025-10-26T23:30Z', 'Asia/Seoul', '2025-10-27'],
    ['2025-10-27T02:00+00:00', 'America/Los_Angeles', '2025-10-26'],
    ['2025-12-31T23:59-05:00', undefined, '2025-12-31'],
  ])('%s in %s is published on %s', (published, timezone, date) => {
    expect(referenceOf({ published, ...(timezone === undefined ? {} : { timezone }) }).date).toBe(date);
  });
});
