import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../src/compiler/segment';
import { resolveTimes } from '../../../src/compiler/time/resolveTimes';
import { isEdtf } from '../../../src/model/edtf';
import { pairs } from './timesIn';

const ARTICLE = [
  'Heavy rain flooded the valley on Sunday, officials said.',
  '',
  'The river crested the following day, and the governor declared an emergency on Jan. 2.',
  'Crews will return on Friday for a three-day cleanup that starts on Jan. 6.',
].join('\n');

describe('resolveTimes over a document', () => {
  const found = resolveTimes(ARTICLE, segmentText(ARTICLE), { date: '2025-01-03', published: '2025-01-03T18:30-05:00' });

  it('finds every expression in document order with offsets into the whole text', () => {
    expect(pairs(found)).toEqual([
      ['on Sunday', '2024-12-29'],
      ['the following day', '2024-12-30'],
      ['on Jan. 2', '2025-01-02'],
      // Published on a Friday: "on Friday" is the publication day itself.
      ['on Friday', '2025-01-03'],
      ['three-day cleanup', '2025-01-06/2025-01-08'],
      ['on Jan. 6', '2025-01-06'],
    ]);
    for (const time of found) expect(ARTICLE.slice(time.start, time.end)).toBe(time.text);
    expect(found.map((time) => time.start)).toEqual([...found.map((time) => time.start)].sort((a, b) => a - b));
  });

  it('gives each expression the index of its sentence', () => {
    const segmentation = segmentText(ARTICLE);
    for (const time of found) {
      const sentence = segmentation.sentences[time.sentence];
      expect(sentence && sentence.start <= time.start && time.end <= sentence.end).toBe(true);
    }
  });
});

describe('resolveTimes input checks', () => {
  it('rejects a publication date that is not a calendar date, naming it', () => {
    expect(() => resolveTimes('on Monday', segmentText('on Monday'), { date: '2025-02-30', published: '2025-02-30' })).toThrow(
      /expected reference\.date as a calendar date YYYY-MM-DD, got "2025-02-30"/,
    );
  });
});

describe('resolveTimes on any text', () => {
  const words = fc.constantFrom(
    'on Wednesday',
    'the following day',
    'Nov. 3',
    'in 2030',
    'last week',
    'two-day visit',
    'will',
    'said',
    'by',
    'earlier this month',
    'Aug. 22–Sept. 1',
    'the',
    'talks',
    '.',
    '\n',
    '57th',
    '09:04',
    'Feb. 29',
  );
  const dates = fc.constantFrom('2024-02-29', '2025-11-04', '2025-12-31', '2026-01-01', '2023-06-15');

  it('keeps text === slice, sorted offsets and valid EDTF for random word salad', () => {
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), dates, (parts, date) => {
        const text = parts.join(' ');
        const found = resolveTimes(text, segmentText(text), { date, published: date });
        let last = -1;
        for (const time of found) {
          expect(text.slice(time.start, time.end)).toBe(time.text);
          expect(isEdtf(time.edtf)).toBe(true);
          expect(time.start).toBeGreaterThanOrEqual(last);
          expect(time.rule.length).toBeGreaterThan(0);
          last = time.end;
        }
      }),
      { numRuns: 150 },
    );
  });
});
