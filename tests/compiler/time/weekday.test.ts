import { describe, expect, it } from 'vitest';
import { pairs, timesIn } from './timesIn';

describe('weekdays by tense', () => {
  it.each([
    // sentence, published (weekday), dateText, EDTF
    ['During their summit in Gyeongju on Wednesday, Lee asked Trump for fuel.', '2025-11-04', 'on Wednesday', '2025-10-29'],
    ['The defense chiefs were set to hold talks in Seoul on Tuesday.', '2025-11-04', 'on Tuesday', '2025-11-04'],
    ['Hegseth arrived in South Korea on Monday afternoon.', '2025-11-04', 'on Monday afternoon', '2025-11-03'],
    // Fri 14 Jun 2019: a court story.
    ['The appeals court overturned the conviction on Thursday.', '2019-06-14', 'on Thursday', '2019-06-13'],
    ['The judge will hand down the sentence on Monday.', '2019-06-14', 'on Monday', '2019-06-17'],
    ['The jury is scheduled to begin deliberations on Wednesday.', '2019-06-14', 'on Wednesday', '2019-06-19'],
    ['Closing arguments are expected to wrap up on Tuesday.', '2019-06-14', 'on Tuesday', '2019-06-18'],
    ['Prosecutors plan to call their last witness Monday.', '2019-06-14', 'Monday', '2019-06-17'],
    ['The verdict is slated for Saturday, court officials said.', '2019-06-14', 'Saturday', '2019-06-15'],
    // Thu 29 Feb 2024 (leap day): markets.
    ['Stocks fell sharply on Monday night as yields rose.', '2024-02-29', 'on Monday night', '2024-02-26'],
    ['The central bank kept rates on hold Thursday, its fifth pause.', '2024-02-29', 'Thursday', '2024-02-29'],
    ['The upcoming jobs report on Friday could move markets.', '2024-02-29', 'on Friday', '2024-03-01'],
    // Wed 1 Jan 2025: a disaster story over the year boundary.
    ['The fire broke out on Sunday, firefighters said.', '2025-01-01', 'on Sunday', '2024-12-29'],
    ['Crews will resume the search on Friday.', '2025-01-01', 'on Friday', '2025-01-03'],
    // Sports, Sun 2 Jun 2025 … Mon 2 Jun 2025: scores are not years.
    ['The Lakers beat the Celtics 110-98 on Sunday night.', '2025-06-02', 'on Sunday night', '2025-06-01'],
    ['Game 7 will be played on Wednesday in Boston.', '2025-06-02', 'on Wednesday', '2025-06-04'],
    // Elections, Wed 6 Nov 2024.
    ['The challenger conceded on Wednesday morning.', '2024-11-06', 'on Wednesday morning', '2024-11-06'],
    ['Counting resumed Tuesday night in Arizona.', '2024-11-06', 'Tuesday night', '2024-11-05'],
    // Modifiers.
    ['The minister resigned last Tuesday after the audit.', '2025-11-04', 'last Tuesday', '2025-10-28'],
    ['The election commission meets next Friday to certify results.', '2025-11-04', 'next Friday', '2025-11-07'],
    ['Voters head to the polls this Thursday in the runoff.', '2025-11-04', 'this Thursday', '2025-11-06'],
    ['The striker scored twice this Monday against Leeds.', '2019-06-14', 'this Monday', '2019-06-10'],
    ['Voters will head to the polls this Thursday in the runoff.', '2025-11-04', 'this Thursday', '2025-11-06'],
    // No tense cue at all: news reports what happened.
    ['Heavy rain on Saturday in the capital.', '2023-03-31', 'on Saturday', '2023-03-25'],
  ])('%s (published %s) → %s = %s', (sentence, published, dateText, edtf) => {
    const found = timesIn(sentence, published);
    expect(pairs(found)).toEqual([[dateText, edtf]]);
    expect(found[0]?.kind).toBe('weekday');
  });

  it('names the tense cue and the result in the rule', () => {
    const [time] = timesIn('During their summit in Gyeongju on Wednesday, Lee asked Trump for fuel.', '2025-11-04');
    expect(time?.rule).toBe(
      '“on Wednesday” in an article published Tue 4 Nov 2025, past tense (“asked”) → the Wednesday before: Wed 29 Oct 2025',
    );
  });

  it.each([
    ['The tournament ran from Monday to Wednesday at the arena.', '2024-07-15', 'Monday to Wednesday', '2024-07-08/2024-07-10'],
    ['The trade fair will run from Tuesday to Thursday downtown.', '2024-07-15', 'Tuesday to Thursday', '2024-07-16/2024-07-18'],
    [
      'The exhibition commenced Sunday and runs through Tuesday.',
      '2025-06-02',
      'Sunday and runs through Tuesday',
      '2025-06-01/2025-06-03',
    ],
  ])('weekday span: %s (published %s) → %s = %s', (sentence, published, dateText, edtf) => {
    const found = timesIn(sentence, published);
    expect(pairs(found)).toEqual([[dateText, edtf]]);
    expect(found[0]?.kind).toBe('span');
  });

  it.each([['Sun Valley hosted the conference.'], ['Officials may revisit the plan.'], ['Protesters march on the capital.']])(
    'does not read %j as a date',
    (sentence) => {
      expect(timesIn(sentence, '2025-11-04')).toEqual([]);
    },
  );
});
