import { describe, expect, it } from 'vitest';
import { tenseAround } from '../../../src/compiler/time/tense';

describe('tenseAround', () => {
  it.each([
    // sentence, the time words, expected tense, expected cue
    ['During their summit on Wednesday, Lee asked Trump for fuel, saying it will help.', 'on Wednesday', 'past', 'asked'],
    ['The chiefs were set to hold talks on Tuesday.', 'on Tuesday', 'future', 'were set to'],
    ['The summit will be held in March.', 'in March', 'future', 'will'],
    ['The jury is expected to return on Monday.', 'on Monday', 'future', 'is expected to'],
    ['Prosecutors plan to rest their case Friday.', 'Friday', 'future', 'plan to'],
    ['The upcoming vote on Sunday is tight.', 'on Sunday', 'future', 'upcoming'],
    ['The storm hit the coast on Saturday.', 'on Saturday', 'past', 'hit'],
    ['Shares were flat on Thursday.', 'on Thursday', 'past', 'were'],
    ['The team must file by Friday.', 'by Friday', 'future', 'must'],
    ['In a statement, the court said it would rule by mid-December.', 'by mid-December', 'future', 'would'],
    ['Whitaker must report to prison by Jan. 8, the judge ordered.', 'by Jan. 8', 'future', 'must'],
    ['The firm will refund buyers by March 3, a spokeswoman said.', 'by March 3', 'future', 'will'],
    ['The plant closed on May 2, officials said.', 'on May 2', 'past', 'closed'],
    ['Talks on June 4, the minister said.', 'on June 4', 'past', 'said'],
  ])('%s → %s', (sentence, words, tense, cue) => {
    const start = sentence.indexOf(words);
    expect(tenseAround(sentence, start, start + words.length)).toEqual({ tense, cue });
  });

  it('reports no cue when the sentence has none', () => {
    const sentence = 'Heavy rain on Saturday in the capital.';
    expect(tenseAround(sentence, 11, 22)).toEqual({ tense: 'none' });
  });
});
