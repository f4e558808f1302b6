import { describe, expect, it } from 'vitest';
import { pairs, timesIn } from './timesIn';

describe('absolute dates', () => {
  it.each([
    // sentence, published, dateText, EDTF
    ['Hegseth will meet Ahn in Seoul on Nov. 4, according to the ministry.', '2025-10-27', 'on Nov. 4', '2025-11-04'],
    ['The verdict was handed down on November 4, 2025, in Seoul.', '2025-11-10', 'on November 4, 2025', '2025-11-04'],
    ['Published: 27 Oct. 2025, 09:04', '2025-10-27', '27 Oct. 2025', '2025-10-27'],
    ['The first joint visit since Oct. 10, 2017, drew crowds.', '2025-11-04', 'since Oct. 10, 2017', '2017-10-10'],
    ['Polls close on Sept. 1 in most districts.', '2024-08-20', 'on Sept. 1', '2024-09-01'],
    ['The tribunal adjourned in October 2017 without a ruling.', '2020-05-05', 'in October 2017', '2017-10'],
    ['No such visit has taken place since October 2017.', '2025-11-04', 'since October 2017', '2017-10'],
    ['The ceasefire took effect on 2024-11-27 at dawn.', '2024-11-28', 'on 2024-11-27', '2024-11-27'],
    ['The court set the sentencing hearing for Jan. 5, its clerk said.', '2024-12-18', 'Jan. 5', '2025-01-05'],
    ['Shares of the company peaked on Dec. 28, traders said.', '2025-01-03', 'on Dec. 28', '2024-12-28'],
    ['The storm made landfall on Feb. 29, officials said.', '2024-03-02', 'on Feb. 29', '2024-02-29'],
    ['The quake struck on March 11, 2011, off the coast of Tohoku.', '2021-03-10', 'on March 11, 2011', '2011-03-11'],
    ['Officials began counting ballots on 5 November 2024 in Ohio.', '2024-11-06', 'on 5 November 2024', '2024-11-05'],
    ['The river crested around Aug. 3 before the levees held.', '2023-08-20', 'around Aug. 3', '2023-08-03~'],
    ['The index fell sharply in late October, analysts said.', '2023-11-15', 'in late October', '2023-10'],
    ['The plant was shut in mid-2019 after the leak.', '2022-01-10', 'in mid-2019', '2019'],
    ['Voters go to the polls on Nov. 5 in a tight race.', '2024-10-20', 'on Nov. 5', '2024-11-05'],
    ['The Nikkei closed at a record on Feb. 22, 2024, in heavy trading.', '2024-03-01', 'on Feb. 22, 2024', '2024-02-22'],
    ['The index finally topped its 1989 peak.', '2024-03-01', '1989', '1989'],
    ['The stadium is expected to reopen in 2030.', '2025-11-04', 'in 2030', '2030'],
    ['Voters in the 2022 election turned out in record numbers.', '2025-02-01', '2022', '2022'],
    ['The company was founded in about 1998 in a garage.', '2024-05-05', 'in about 1998', '1998~'],
    // chrono glues "night on" to the date and loses the month; the date is read again.
    ['Crews worked through the night on Dec. 31 to restore power.', '2025-01-02', 'on Dec. 31', '2024-12-31'],
  ])('%s (published %s) → %s = %s', (sentence, published, dateText, edtf) => {
    expect(pairs(timesIn(sentence, published))).toEqual([[dateText, edtf]]);
  });

  it.each([
    ['The festival runs Aug. 22–Sept. 1 in the old town.', '2025-08-01', 'Aug. 22–Sept. 1', '2025-08-22/2025-09-01'],
    ['The market will be closed Dec. 24–Jan. 2 for the holidays.', '2025-12-01', 'Dec. 24–Jan. 2', '2025-12-24/2026-01-02'],
    [
      'Officials will present the budget during the week of Nov. 10.',
      '2025-11-04',
      'the week of Nov. 10',
      '2025-11-10/2025-11-16',
    ],
    ['The talks were held Oct. 29-30 in Gyeongju.', '2025-11-04', 'Oct. 29-30', '2025-10-29/2025-10-30'],
    ['The exchange shut Dec. 24–Jan. 2, 2026 for an upgrade.', '2026-02-10', 'Dec. 24–Jan. 2, 2026', '2025-12-24/2026-01-02'],
  ])('interval: %s (published %s) → %s = %s', (sentence, published, dateText, edtf) => {
    const found = timesIn(sentence, published);
    expect(pairs(found)).toEqual([[dateText, edtf]]);
    expect(found[0]?.kind).toBe('span');
  });

  it.each([
    // A missing year is the nearest one, with the clause's tense breaking a far reading.
    ['The trial opened on Jan. 5 in Boston.', '2025-12-20', '2026-01-05'],
    ['The trial opened on Jan. 5 in Boston.', '2025-06-20', '2025-01-05'],
    ['The summit was held in March, diplomats said.', '2025-11-04', '2025-03'],
    ['The summit will be held in March, diplomats said.', '2025-11-04', '2026-03'],
    ['The summit will be held in December, diplomats said.', '2025-11-04', '2025-12'],
    ['The vote was held in December, diplomats said.', '2025-11-04', '2024-12'],
    ['The vote took place on Feb. 28 amid snow.', '2028-03-01', '2028-02-28'],
  ])('missing year: %s (published %s) → %s', (sentence, published, edtf) => {
    expect(timesIn(sentence, published).map((time) => time.edtf)).toEqual([edtf]);
  });

  it('says in the rule that the year came from the publication date', () => {
    const [time] = timesIn('The ruling came on Dec. 28 after a long trial.', '2025-01-03');
    expect(time?.rule).toContain('no year given');
    expect(time?.rule).toContain('Sat 28 Dec 2024');
  });
});
