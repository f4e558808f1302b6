import { describe, expect, it } from 'vitest';
import { timesIn } from './timesIn';

describe('words that are not dates', () => {
  it.each([
    ['It marked the first joint visit to the JSA by the defense chiefs in eight years.'],
    ['The hostages were held for 40 days in the jungle.'],
    ['Rainfall has declined over the past five decades.'],
    ['He won a five-year term in a landslide.'],
    ['The decadeslong alliance faces a changing security environment.'],
    ['The 57th Security Consultative Meeting will open in Seoul.'],
    ['The meeting starts at 09:04 sharp.'],
    ['The minister is on a two-day visit to Hanoi.'],
    ['The company sold 2030 units and paid $2025 in fees.'],
    ['Attendance rose to 1,999 fans, 2,030 more than forecast.'],
    ['Officials may revisit the plan in coming years.'],
    ['The contract runs until 2030.'],
    ['The council met in session 2011 of its annual cycle.'],
    ['The Security Council adopted Resolution 2231 by consensus.'],
    ['Passengers on Flight 2019 were rebooked.'],
    ['See page 1998 of the report and Article 2012 of the code.'],
    ['The bridge will be finished in three years.'],
    ['April Ryan asked the press secretary about it.'],
  ])('%s → nothing', (sentence) => {
    expect(timesIn(sentence, '2025-11-04')).toEqual([]);
  });

  it('survives a page stamp with a time of day', () => {
    expect(timesIn('Published: 27 Oct. 2025, 09:04', '2025-10-27').map((time) => time.edtf)).toEqual(['2025-10-27']);
  });

  it('returns nothing for empty text', () => {
    expect(timesIn('', '2025-11-04')).toEqual([]);
  });
});
