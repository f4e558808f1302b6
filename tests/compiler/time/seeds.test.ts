/**
 * The seed articles end to end through read → clean → segment → time: every date a
 * reader expects (shared/seeds/README.md) and nothing else — "in eight years" and
 * "decades-long" are durations, not dates.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/compiler/clean';
import { readArticle } from '../../../src/compiler/read';
import { segmentText } from '../../../src/compiler/segment';
import { resolveTimes } from '../../../src/compiler/time/resolveTimes';
import { pairs } from './timesIn';

function timesOfArticle(file: string, date: string): [string, string][] {
  const article = readArticle(file, readFileSync(file));
  const text = cleanText(article.body);
  const found = resolveTimes(text, segmentText(text), { date, published: article.meta.published });
  for (const time of found) expect(text.slice(time.start, time.end)).toBe(time.text);
  return pairs(found);
}

describe('seed articles', () => {
  it('Oct 27 article: the scheduled SCM and the parade earlier this month', () => {
    const found = timesOfArticle('data/articles/2025-10-27-yonhap-security-talks.txt', '2025-10-27');
    expect(found).toContainEqual(['on Nov. 4', '2025-11-04']);
    expect(found).toContainEqual(['earlier this month', '2025-10']);
    expect(found.filter(([, edtf]) => !['2025-11-04', '2025-10', '2025', '2025-10-27'].includes(edtf))).toEqual([]);
  });

  it('Nov 4 article: every date of the seed README, in document order', () => {
    const found = timesOfArticle('data/articles/2025-11-04-yonhap-alliance-issues.txt', '2025-11-04');
    const expected: [string, string][] = [
      ['on Nov. 3', '2025-11-03'],
      ['on Tuesday', '2025-11-04'],
      ['earlier this year', '2025'],
      ['last week', '2025-10-27/2025-11-02'],
      ['five-year term that ends in 2030', '../2030'],
      ['on Wednesday', '2025-10-29'],
      ['the following day', '2025-10-30'],
      ['last month', '2025-10'],
      ['on Monday afternoon', '2025-11-03'],
      ['two-day visit', '2025-11-03/2025-11-04'],
      ['Upon his arrival', '2025-11-03'],
    ];
    // "This year's meeting" and "this year's … talks" also name 2025; they are dates too.
    expect(found.filter(([text]) => !/^this year$/i.test(text))).toEqual(expected);
  });

  it.each([
    [
      'Defense Minister Ahn Gyu-back and U.S. Defense Secretary Pete Hegseth will meet for the 57th Security Consultative Meeting (SCM) in Seoul on Nov. 4, in what would mark their first in-person talks, according to the ministry.',
      '2025-10-27',
      [['on Nov. 4', '2025-11-04']],
    ],
    [
      "It also comes as Korea has vowed to regain wartime operational command from Washington within President Lee Jae Myung's five-year term.",
      '2025-10-27',
      [],
    ],
    [
      'Upon his arrival, he visited the Joint Security Area (JSA) inside the demilitarized zone separating the two Koreas with Ahn, in what marked the first joint visit to the JSA by the defense chiefs of the allies in eight years.',
      '2025-11-04',
      [],
    ],
    [
      'The defense chiefs of South Korea and the United States were set to hold their annual security talks in Seoul on Tuesday to discuss a range of security issues, such as how to modernize the decadeslong alliance between the two nations.',
      '2025-11-04',
      [['on Tuesday', '2025-11-04']],
    ],
  ])('seed sentence on its own: %s', (sentence, date, expected) => {
    const found = resolveTimes(sentence, segmentText(sentence), { date, published: date });
    expect(pairs(found)).toEqual(expected);
  });
});
