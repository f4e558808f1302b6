import { describe, expect, it } from 'vitest';
import { pairs, timesIn } from './timesIn';

describe('publication-relative expressions', () => {
  it.each([
    // sentence, published, dateText, EDTF
    ['The ministry said today that the drills would go ahead.', '2025-11-04', 'today', '2025-11-04'],
    ['The senator conceded yesterday after a recount.', '2024-11-06', 'yesterday', '2024-11-05'],
    ['The ferry service resumes tomorrow, the operator said.', '2024-12-31', 'tomorrow', '2025-01-01'],
    ['Markets rallied yesterday as the new year opened.', '2025-01-01', 'yesterday', '2024-12-31'],
    ['Leap-year babies celebrated yesterday.', '2024-03-01', 'yesterday', '2024-02-29'],
    ['The leaders met in their summit talks last week.', '2025-11-04', 'last week', '2025-10-27/2025-11-02'],
    ['Talks collapsed last week, the union said.', '2025-11-03', 'last week', '2025-10-27/2025-11-02'],
    ['The central bank meets next week.', '2025-12-30', 'next week', '2026-01-05/2026-01-11'],
    ['Shares rebounded earlier this week.', '2024-02-29', 'earlier this week', '2024-02-26/2024-03-03'],
    ['The flood waters receded this week.', '2023-03-31', 'this week', '2023-03-27/2023-04-02'],
    ['The recount begins next week in three counties.', '2024-11-06', 'next week', '2024-11-11/2024-11-17'],
    ['The parade was held earlier this month.', '2025-10-27', 'earlier this month', '2025-10'],
    ['The central bank will decide later this month.', '2025-12-02', 'later this month', '2025-12'],
    ['Exports slumped last month, customs data showed.', '2025-01-03', 'last month', '2024-12'],
    ['The new law takes effect next month.', '2025-12-15', 'next month', '2026-01'],
    ['Inflation eased this month, the agency said.', '2024-02-29', 'this month', '2024-02'],
    ['Both took office earlier this year.', '2025-11-04', 'earlier this year', '2025'],
    ['A referendum is expected later this year.', '2022-08-01', 'later this year', '2022'],
    ['The club was relegated last year.', '2025-01-01', 'last year', '2024'],
    ['The games return next year.', '2025-12-31', 'next year', '2026'],
    ['The mine collapsed three days ago.', '2024-03-01', 'three days ago', '2024-02-27'],
    ['The ship sank 10 days ago off Crete.', '2023-08-05', '10 days ago', '2023-07-26'],
    ['The ceasefire was signed two weeks ago.', '2025-11-04', 'two weeks ago', '2025-10-20/2025-10-26'],
    ['The factory closed a year ago.', '2024-05-05', 'a year ago', '2023'],
    ['The bridge reopened last night after repairs.', '2025-03-03', 'last night', '2025-03-02'],
    ['Talks on the deal resumed late last year.', '2025-02-10', 'late last year', '2024'],
  ])('%s (published %s) → %s = %s', (sentence, published, dateText, edtf) => {
    const found = timesIn(sentence, published);
    expect(pairs(found)).toEqual([[dateText, edtf]]);
    expect(found[0]?.kind).toBe('relative');
  });

  it('keeps "in" outside a relative expression and reads "this year\'s" as the year', () => {
    expect(pairs(timesIn("It will be discussed in this year's defense talks.", '2025-11-04'))).toEqual([['this year', '2025']]);
  });

  it('spells out the week in the rule', () => {
    const [time] = timesIn('The leaders met in their summit talks last week.', '2025-11-04');
    expect(time?.rule).toBe(
      '“last week” in an article published Tue 4 Nov 2025 → the week before publication: the week Mon 27 Oct 2025 – Sun 2 Nov 2025',
    );
  });
});
