import { describe, expect, it } from 'vitest';
import { segmentClauses } from '../../../src/compiler/events/clauses';
import { findNamedEvents } from '../../../src/compiler/events/namedEvents';
import { placeOf } from '../../../src/compiler/events/place';
import { statusOf } from '../../../src/compiler/events/status';
import { stripRoles, titleOf } from '../../../src/compiler/events/title';
import { makeArticle } from './builders';

describe('titleOf', () => {
  it.each([
    ['The central bank raised its key rate by half a point', 'occurred', 'Central bank raises its key rate'],
    ['Voters in Chile rejected the draft constitution', 'occurred', 'Voters in Chile reject draft constitution'],
    ['The airline will launch direct flights to Lisbon', 'scheduled', 'Airline to launch direct flights to Lisbon'],
    ['Toyota is set to unveil a solid-state battery car', 'scheduled', 'Toyota to unveil solid-state battery car'],
    ['The mayor pledged to plant a million trees', 'goal', 'Mayor pledges to plant million trees'],
    ['Striking nurses returned to work', 'occurred', 'Striking nurses return to work'],
    ['The minister said that the government has lifted the export ban', 'occurred', 'Government lifts export ban'],
    ['Chancellor Olaf Brenner met French President Claire Dubois in Paris', 'occurred', 'Olaf Brenner meets Claire Dubois'],
    ['Police said the suspect fled the scene', 'occurred', 'Suspect flees scene'],
    ['The company announced record profits', 'occurred', 'Company announces record profits'],
    ['Porain Energy announced a new fisheries plan', 'occurred', 'Porain Energy announces new fisheries plan'],
    ['The ministry said a new committee plans the reform', 'occurred', 'New committee plans reform'],
    // The tagger reads "talks" and "plans" as verbs; right after a verb they are its object.
    ['The premier will hold talks in Hanoi', 'scheduled', 'Premier to hold talks'],
    ['The council approved plans for a new bridge', 'occurred', 'Council approves plans'],
  ] as const)('%s → %s', (clause, status, expected) => {
    expect(titleOf({ clause, status })).toBe(expected);
  });

  it('replaces a pronoun subject with the subject given', () => {
    expect(titleOf({ clause: 'she resigned from the board', subject: 'Maria Lopez', status: 'occurred' })).toBe(
      'Maria Lopez resigns from board',
    );
  });

  it('drops the date words', () => {
    expect(titleOf({ clause: 'The rover landed on Mars on Thursday', remove: ['on Thursday'], status: 'occurred' })).toBe(
      'Rover lands on Mars',
    );
  });

  it('gives verbless phrases a noun headline', () => {
    expect(titleOf({ clause: 'during their summit in the coastal city of Da Nang', status: 'occurred' })).toBe(
      'Summit in Da Nang',
    );
  });

  it('names the parties that "their" stands for in a noun headline', () => {
    expect(titleOf({ clause: 'during their meeting in Oslo', participants: ['Macron', 'Scholz'], status: 'occurred' })).toBe(
      'Macron–Scholz meeting in Oslo',
    );
  });

  it('keeps headlines short', () => {
    const title = titleOf({
      clause:
        'The consortium of regional development banks approved an extraordinarily large infrastructure package for coastal provinces',
      status: 'occurred',
    });
    expect(title?.length).toBeLessThanOrEqual(72);
    expect(title).toMatch(/^Consortium of regional development banks approves/);
  });
});

describe('stripRoles', () => {
  it.each([
    ['U.S. Defense Secretary Pete Hegseth', 'Pete Hegseth'],
    ['Defense Minister Ahn Gyu-back and Foreign Minister Cho Hyun', 'Ahn Gyu-back and Cho Hyun'],
    ['the Foreign Ministry', 'the Foreign Ministry'],
    ['President', 'President'],
  ])('%s → %s', (phrase, expected) => {
    expect(stripRoles(phrase)).toBe(expected);
  });
});

describe('placeOf', () => {
  it.each([
    ['they met in the southeastern city of Gyeongju on Wednesday', 'Gyeongju'],
    ['leaders gathered at the northern edge of Lake Geneva', 'Lake Geneva'],
    ['to build ships at a Philadelphia shipyard', 'Philadelphia'],
    ['talks at the Defense Ministry in Seoul on Nov. 4', 'Seoul'],
    ['the vote in October', undefined],
    ['within President Lee Jae Myung’s term', undefined],
    ['in their summit talks last week', undefined],
  ])('%s → %s', (clause, expected) => {
    expect(placeOf(clause)).toBe(expected);
  });
});

describe('statusOf', () => {
  const published = '2025-05-15';
  it.each([
    ['The ministers met on Monday', '2025-05-12', 'weekday', 'occurred'],
    ['The ministers will meet on Monday', '2025-05-19', 'weekday', 'scheduled'],
    ['The talks were set to open on Thursday', '2025-05-15', 'weekday', 'scheduled'],
    ['The firm plans to list its shares in 2026', '2026', 'absolute', 'scheduled'],
    ['The upcoming vote on June 2', '2025-06-02', 'absolute', 'scheduled'],
    ['The city vowed to end homelessness by 2030', '../2030', 'deadline', 'goal'],
    ['The president is visiting Kenya today', '2025-05-15', 'relative', 'occurred'],
    ['their summit on Wednesday', '2025-05-14', 'weekday', 'occurred'],
    ['Prices may rise next month', '2025-06', 'relative', undefined],
    ['The board usually meets in May', '2025-05', 'absolute', undefined],
    ['The vote is likely to be held in June', '2025-06', 'absolute', undefined],
    ['The festival opens on May 3', '2025-05-03', 'absolute', 'occurred'],
    ['The union said it would strike next month', '2025-06', 'relative', 'scheduled'],
    ['Airbus told reporters it would open the plant in July', '2025-07', 'absolute', 'scheduled'],
    ['Officials said they would not comment on Monday', '2025-05-19', 'weekday', undefined],
    ['The team said it would probably sign him in June', '2025-06', 'absolute', undefined],
    ['She said they would appeal but could drop it in June', '2025-06', 'absolute', undefined],
    ['Sales would rise in June if rates fell', '2025-06', 'absolute', undefined],
  ] as const)('%s → %s', (clause, edtf, kind, expected) => {
    expect(statusOf({ clause, edtf, kind, published })).toBe(expected);
  });
});

describe('segmentClauses', () => {
  it('cuts at commas and subordinators but never inside a protected time or parentheses', () => {
    const text = 'He left on Monday, after the vote (which he lost, narrowly), saying he was tired.';
    const segments = segmentClauses(text, { start: 0, end: text.length }, [{ start: 8, end: 17 }]);
    expect(segments.map((segment) => segment.text)).toEqual([
      'He left on Monday',
      'after the vote (which he lost, narrowly)',
      'saying he was tired',
    ]);
    for (const segment of segments) expect(text.slice(segment.start, segment.end)).toBe(segment.text);
  });

  it('does not cut "such as" or "as well as"', () => {
    const text = 'They discussed trade as well as security, such as drills.';
    expect(segmentClauses(text, { start: 0, end: text.length }).map((s) => s.text)).toEqual([
      'They discussed trade as well as security',
      'such as drills',
    ]);
  });
});

describe('findNamedEvents', () => {
  it('finds a full name, its acronym and an anaphor, all with one normalised name', () => {
    const { text, segmentation } = makeArticle([
      [
        'Envoys will attend the 4th Pacific Islands Climate Summit (PICS) in Suva.',
        'The PICS opens on Monday.',
        'This year’s summit is the largest.',
      ],
    ]);
    const mentions = findNamedEvents(text, segmentation);
    expect(mentions.map((m) => [m.kind, text.slice(m.start, m.end), m.sentence])).toEqual([
      ['full', '4th Pacific Islands Climate Summit', 0],
      ['acronym', 'PICS', 1],
    ]);
    expect(new Set(mentions.map((m) => m.name))).toEqual(new Set(['4th pacific islands climate summit']));
  });

  it('does not take a capitalised head noun alone or a sentence-initial determiner as a name', () => {
    const { text, segmentation } = makeArticle([['The Meeting was short.', 'Summit leaders left.']]);
    expect(findNamedEvents(text, segmentation)).toEqual([]);
  });
});
