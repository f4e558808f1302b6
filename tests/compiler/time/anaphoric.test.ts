import { describe, expect, it } from 'vitest';
import { resolveTimes } from '../../../src/compiler/time/resolveTimes';
import { pairs, sentences } from './timesIn';

function resolveSentences(parts: string[], date: string): [string, string][] {
  const { text, segmentation } = sentences(parts);
  return pairs(resolveTimes(text, segmentation, { date, published: date }));
}

describe('anaphoric expressions', () => {
  it.each([
    // first sentence (gives the anchor), second sentence, published, expected pairs
    [
      'During their summit on Wednesday, Lee asked Trump for fuel.',
      'Trump said in a post the following day that he approved it.',
      '2025-11-04',
      [
        ['on Wednesday', '2025-10-29'],
        ['the following day', '2025-10-30'],
      ],
    ],
    [
      'The jury convicted him on March 3, 2023.',
      'He was sentenced two days later.',
      '2023-03-31',
      [
        ['on March 3, 2023', '2023-03-03'],
        ['two days later', '2023-03-05'],
      ],
    ],
    [
      'The storm made landfall on Feb. 28.',
      'The governor declared an emergency the next day.',
      '2024-03-05',
      [
        ['on Feb. 28', '2024-02-28'],
        ['the next day', '2024-02-29'],
      ],
    ],
    [
      'Polls closed on Dec. 31.',
      'Results came a day later.',
      '2025-01-03',
      [
        ['on Dec. 31', '2024-12-31'],
        ['a day later', '2025-01-01'],
      ],
    ],
    [
      'The index hit a record on Friday.',
      'Traders had bought heavily the day before.',
      '2024-07-15',
      [
        ['on Friday', '2024-07-12'],
        ['the day before', '2024-07-11'],
      ],
    ],
    [
      'The earthquake struck on Sunday.',
      'Aftershocks rattled the city hours later.',
      '2025-01-01',
      [
        ['on Sunday', '2024-12-29'],
        ['hours later', '2024-12-29'],
      ],
    ],
    [
      'The minister landed in Tokyo on Monday afternoon.',
      'Upon her arrival, she met the prime minister.',
      '2025-11-04',
      [
        ['on Monday afternoon', '2025-11-03'],
        ['Upon her arrival', '2025-11-03'],
      ],
    ],
    [
      'The final was played on July 14, 2024.',
      'Later that day, fans flooded the streets.',
      '2024-07-15',
      [
        ['on July 14, 2024', '2024-07-14'],
        ['Later that day', '2024-07-14'],
      ],
    ],
    [
      'The plant was evacuated yesterday.',
      'Inspectors arrived the same day.',
      '2022-08-01',
      [
        ['yesterday', '2022-07-31'],
        ['the same day', '2022-07-31'],
      ],
    ],
    [
      'Fighting erupted on Saturday.',
      'A truce was agreed a day after, mediators said.',
      '2023-08-01',
      [
        ['on Saturday', '2023-07-29'],
        ['a day after', '2023-07-30'],
      ],
    ],
    [
      'The rocket lifted off on June 5.',
      'It docked with the station hours after launch, and the crew boarded three days later.',
      '2024-06-20',
      [
        ['on June 5', '2024-06-05'],
        ['hours after', '2024-06-05'],
        ['three days later', '2024-06-08'],
      ],
    ],
    [
      'The bill passed the House on Oct. 10, 2017.',
      'The Senate took it up the following week.',
      '2017-10-20',
      [
        ['on Oct. 10, 2017', '2017-10-10'],
        ['the following week', '2017-10-16/2017-10-22'],
      ],
    ],
  ])('%s / %s (published %s)', (first, second, published, expected) => {
    expect(resolveSentences([first, second], published)).toEqual(expected);
  });

  it.each([
    ['Trump said in a post the following day that he approved it.'],
    ['He was sentenced two days later.'],
    ['Upon his arrival, he visited the border.'],
  ])('returns nothing for %j when no day came before', (sentence) => {
    expect(resolveSentences([sentence], '2025-11-04')).toEqual([]);
  });

  it('anchors on the most recent day, not on a month or a week', () => {
    expect(
      resolveSentences(
        ['Exports fell last month.', 'The ship sailed on Nov. 1.', 'It docked last week and left the next day.'],
        '2025-11-04',
      ),
    ).toEqual([
      ['last month', '2025-10'],
      ['on Nov. 1', '2025-11-01'],
      ['last week', '2025-10-27/2025-11-02'],
      ['the next day', '2025-11-02'],
    ]);
  });

  it('chains: an anaphoric day anchors the next one', () => {
    expect(
      resolveSentences(
        ['The talks opened on Jan. 5.', 'They stalled the next day.', 'A deal came two days later.'],
        '2026-01-10',
      ),
    ).toEqual([
      ['on Jan. 5', '2026-01-05'],
      ['the next day', '2026-01-06'],
      ['two days later', '2026-01-08'],
    ]);
  });

  it('names the anchor and where it was in the rule', () => {
    const { text, segmentation } = sentences([
      'During their summit on Wednesday, Lee asked Trump for fuel.',
      'Trump said in a post the following day that he approved it.',
    ]);
    const found = resolveTimes(text, segmentation, { date: '2025-11-04', published: '2025-11-04' });
    expect(found[1]?.rule).toBe(
      '“the following day” → the day after Wed 29 Oct 2025 (“on Wednesday”, previous sentence): Thu 30 Oct 2025',
    );
    expect(found[1]?.kind).toBe('anaphoric');
  });
});
