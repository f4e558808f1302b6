import { describe, expect, it } from 'vitest';
import { pairs, timesIn } from './timesIn';

describe('spans of days', () => {
  it.each([
    // sentence, published, expected pairs (the day, then the span)
    [
      'Hegseth arrived in South Korea on Monday afternoon for his two-day visit.',
      '2025-11-04',
      [
        ['on Monday afternoon', '2025-11-03'],
        ['two-day visit', '2025-11-03/2025-11-04'],
      ],
    ],
    [
      'The pope landed in Lisbon on Aug. 2 for a five-day trip.',
      '2023-08-10',
      [
        ['on Aug. 2', '2023-08-02'],
        ['five-day trip', '2023-08-02/2023-08-06'],
      ],
    ],
    [
      'The prime minister begins a three-day state visit to Ottawa on Feb. 27.',
      '2024-02-20',
      [
        ['three-day state visit', '2024-02-27/2024-02-29'],
        ['on Feb. 27', '2024-02-27'],
      ],
    ],
    [
      'The 3-day summit opened yesterday in Nairobi.',
      '2023-12-29',
      [
        ['3-day summit', '2023-12-28/2023-12-30'],
        ['yesterday', '2023-12-28'],
      ],
    ],
  ])('%s (published %s)', (sentence, published, expected) => {
    const found = timesIn(sentence, published);
    expect(pairs(found)).toEqual(expected);
    expect(found.find((time) => time.text.includes('-day'))?.kind).toBe('span');
  });

  it.each([['The minister is on a two-day visit to Hanoi.'], ['During his three-day trip he met students.']])(
    'leaves %j alone when the sentence names no day',
    (sentence) => {
      expect(timesIn(sentence, '2025-11-04')).toEqual([]);
    },
  );
});

describe('deadlines', () => {
  it.each([
    [
      "South Korea has vowed to regain Opcon within President Lee's five-year term that ends in 2030.",
      '2025-11-04',
      'five-year term that ends in 2030',
      '../2030',
    ],
    ['The utility must cut emissions by 2030, regulators said.', '2021-04-22', 'by 2030', '../2030'],
    ['The treaty must be ratified no later than 2027.', '2025-06-02', 'no later than 2027', '../2027'],
    ['The builder must finish the bridge by Feb. 2, the council ordered.', '2023-09-29', 'by Feb. 2', '../2024-02-02'],
    ['Tenants will have to leave by Jan. 15, the landlord said.', '2022-08-10', 'by Jan. 15', '../2023-01-15'],
    ['Lawmakers must pass a budget by Nov. 30.', '2025-11-04', 'by Nov. 30', '../2025-11-30'],
    ['The team must name a coach by Friday.', '2024-07-15', 'by Friday', '../2024-07-19'],
    ['The company pledged to repay the loan by the end of the year.', '2022-08-01', 'by the end of the year', '../2022'],
    ['The mayor promised a new stadium by next year.', '2025-03-03', 'by next year', '../2026'],
    ['In a statement, the court said it would rule by mid-December.', '2025-11-04', 'by mid-December', '../2025-12'],
    [
      'The governor, whose tenure expires in 2027, wants the tunnel finished within her term which ends in 2027.',
      '2025-03-03',
      'term which ends in 2027',
      '../2027',
    ],
  ])('%s (published %s) → %s = %s', (sentence, published, dateText, edtf) => {
    const found = timesIn(sentence, published);
    expect(pairs(found).at(-1)).toEqual([dateText, edtf]);
    expect(found.at(-1)?.kind).toBe('deadline');
  });
});
