import { describe, expect, it } from 'vitest';
import { extractEvents, type CandidateEvent } from '../../../src/compiler/events';
import type { TimeKind } from '../../../src/compiler/time/resolveTimes';
import { makeArticle, makeReference, makeTime } from './builders';

type TimeSpec = { words: string; edtf: string; kind: TimeKind };

function run(sentences: readonly string[], times: readonly TimeSpec[], published: string) {
  const article = makeArticle(sentences.map((sentence) => [sentence]));
  const built = times.map(({ words, edtf, kind }) => makeTime(article, words, edtf, { kind })).sort((a, b) => a.start - b.start);
  const events = extractEvents(article.text, article.segmentation, built, makeReference(published));
  const quote = (event: CandidateEvent) => article.text.slice(event.passage.start, event.passage.end);
  return { article, events, quote };
}

describe('extractEvents on sentences not from the seeds', () => {
  it.each([
    {
      sentence:
        'The Seoul High Court on Friday found former mayor Kim Dae-su guilty of bribery and sentenced him to 12 years in prison.',
      time: { words: 'on Friday', edtf: '2025-03-07', kind: 'weekday' as const },
      published: '2025-03-10',
      expected: {
        edtf: '2025-03-07',
        status: 'occurred',
        title: 'Seoul High Court finds former mayor Kim Dae-su guilty of bribery',
      },
    },
    {
      sentence: 'The country will hold a presidential election next month.',
      time: { words: 'next month', edtf: '2025-06', kind: 'relative' as const },
      published: '2025-05-15',
      expected: { edtf: '2025-06', status: 'scheduled', title: 'Country to hold presidential election' },
    },
    {
      sentence: 'Hyundai Motor plans to open a battery plant in Georgia in 2027.',
      time: { words: 'in 2027', edtf: '2027', kind: 'absolute' as const },
      published: '2025-05-15',
      expected: { edtf: '2027', status: 'scheduled', title: 'Hyundai Motor to open battery plant', place: 'Georgia' },
    },
    {
      sentence: 'The government has pledged to cut coal power by half by 2030.',
      time: { words: 'by 2030', edtf: '../2030', kind: 'deadline' as const },
      published: '2025-05-15',
      expected: { edtf: '../2030', status: 'goal', title: 'Government pledges to cut coal power' },
    },
    {
      sentence: 'Prime Minister Anna Berg arrived in the northern city of Tromso on Sunday evening.',
      time: { words: 'on Sunday evening', edtf: '2025-05-11', kind: 'weekday' as const },
      published: '2025-05-12',
      expected: {
        edtf: '2025-05-11',
        status: 'occurred',
        title: 'Anna Berg arrives in northern city of Tromso',
        place: 'Tromso',
      },
    },
    {
      sentence: 'Workers are striking at a Detroit plant on Monday, the union said.',
      time: { words: 'on Monday', edtf: '2025-05-12', kind: 'weekday' as const },
      published: '2025-05-12',
      expected: { edtf: '2025-05-12', status: 'occurred', place: 'Detroit' },
    },
    {
      sentence: 'The museum is scheduled to reopen on Saturday after a two-year renovation.',
      time: { words: 'on Saturday', edtf: '2025-05-17', kind: 'weekday' as const },
      published: '2025-05-12',
      expected: { edtf: '2025-05-17', status: 'scheduled', title: 'Museum to reopen' },
    },
  ])('$sentence', ({ sentence, time, published, expected }) => {
    const { events } = run([sentence], [time], published);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject(expected);
    expect(events[0]?.title.length).toBeLessThanOrEqual(72);
  });

  it.each([
    {
      sentences: ['A panel met in May.', 'Moreno, 47, will testify before the committee on Tuesday.'],
      time: { words: 'on Tuesday', edtf: '2025-05-20', kind: 'weekday' as const },
      subject: 'Moreno',
    },
    {
      sentences: ['Police arrived later.', 'Okafor, 33, must repay the loan by June 30, the court ruled.'],
      time: { words: 'by June 30', edtf: '../2025-06-30', kind: 'deadline' as const },
      subject: 'Okafor',
    },
  ])('an age between commas does not hide the subject $subject', ({ sentences, time, subject }) => {
    const { events } = run(sentences, [time], '2025-05-15');
    expect(events.map((event) => event.title.split(' ')[0])).toEqual([subject]);
  });

  it.each([
    { why: 'speculation', sentence: 'Analysts say prices may rise sharply next year.', words: 'next year', edtf: '2026' },
    {
      why: 'a forecast',
      sentence: 'Turnout is widely expected to reach a record on Sunday.',
      words: 'on Sunday',
      edtf: '2025-05-18',
    },
    { why: 'a habit', sentence: 'The ministry usually announces the agenda on Monday.', words: 'on Monday', edtf: '2025-05-12' },
    { why: 'a page stamp', sentence: 'Published: 27 Oct. 2025, 09:04', words: '27 Oct. 2025', edtf: '2025-10-27' },
    {
      why: 'a dateline',
      sentence: 'PARIS, May 14 (AFP) -- Unions marched through the capital.',
      words: 'May 14',
      edtf: '2025-05-14',
    },
    { why: 'a possibility', sentence: 'A rate hike in December remained possible.', words: 'in December', edtf: '2025-12' },
    { why: 'a possessive date', sentence: "This year's festival comes as prices rise.", words: 'This year', edtf: '2025' },
    { why: 'a clause it cannot read', sentence: 'This photo, taken May 14, shows a crowd.', words: 'May 14', edtf: '2025-05-14' },
  ])('makes no event of $why', ({ sentence, words, edtf }) => {
    expect(run([sentence], [{ words, edtf, kind: 'absolute' }], '2025-05-15').events).toEqual([]);
  });

  it.each([
    [
      'A storm knocked out power to about 200,000 homes on Tuesday night.',
      'on Tuesday night',
      'Storm knocks out power to about 200,000 homes',
    ],
    ['The launch came a day after the two leaders met in Hanoi.', 'a day after', 'Launch comes'],
    ['The rover landed on Thursday on the rim of a crater.', 'on Thursday', 'Rover lands on rim of crater'],
  ])('reads the headline of %s', (sentence, words, title) => {
    expect(run([sentence], [{ words, edtf: '2025-05-13', kind: 'weekday' }], '2025-05-15').events).toMatchObject([{ title }]);
  });

  it('makes no event of a sentence without a time or a named event', () => {
    expect(run(['The alliance faces a changing security environment.'], [], '2025-05-15').events).toEqual([]);
  });

  it('keeps a vote and the market reaction an hour later apart', () => {
    const { events } = run(
      ['Parliament approved the budget bill on Thursday afternoon.', 'Shares fell sharply an hour later.'],
      [
        { words: 'on Thursday afternoon', edtf: '2025-06-12', kind: 'weekday' },
        { words: 'an hour later', edtf: '2025-06-12', kind: 'anaphoric' },
      ],
      '2025-06-13',
    );
    expect(events.map((e) => e.title)).toEqual(['Parliament approves budget bill', 'Shares fall']);
  });

  it('dates background history the text dates explicitly', () => {
    const { events } = run(
      ['The envoy toured the border, the first such visit since October 2017.'],
      [{ words: 'October 2017', edtf: '2017-10', kind: 'absolute' }],
      '2025-05-15',
    );
    expect(events).toMatchObject([{ edtf: '2017-10', status: 'occurred' }]);
  });

  it('gives a named event the date of its dated mention and links an acronym', () => {
    const { events, quote } = run(
      [
        'Health ministers will gather for the 12th Global Health Forum (GHF) in Geneva on May 3.',
        'Officials said the upcoming GHF will focus on vaccines.',
      ],
      [{ words: 'on May 3', edtf: '2025-05-03', kind: 'absolute' }],
      '2025-04-20',
    );
    expect(events).toHaveLength(2);
    for (const event of events)
      expect(event).toMatchObject({
        name: '12th global health forum',
        title: '12th Global Health Forum',
        edtf: '2025-05-03',
        status: 'scheduled',
      });
    expect(events[0]?.place).toBe('Geneva');
    expect(quote(events[1] as CandidateEvent)).toBe('Officials said the upcoming GHF will focus on vaccines.');
  });

  it('names a dated meeting after the named meeting in the next sentence', () => {
    const { events } = run(
      [
        'Trade ministers were set to hold annual talks in Tokyo on Monday.',
        'They will attend the 8th Japan-Korea Trade Dialogue at the foreign ministry.',
      ],
      [{ words: 'on Monday', edtf: '2025-05-12', kind: 'weekday' }],
      '2025-05-12',
    );
    expect(events.map((e) => e.name)).toEqual(['8th japan-korea trade dialogue', '8th japan-korea trade dialogue']);
    expect(events[0]).toMatchObject({ edtf: '2025-05-12', status: 'scheduled', place: 'Tokyo' });
  });

  it('drops a named event that no mention dates', () => {
    expect(run(['Leaders will attend the 3rd Arctic Energy Summit.'], [], '2025-05-15').events).toEqual([]);
  });

  it('quotes passages verbatim from the text', () => {
    const { article, events } = run(
      ['Meanwhile, during their summit in the southern city of Busan on Wednesday, Park thanked Sato for the aid.'],
      [{ words: 'on Wednesday', edtf: '2025-05-14', kind: 'weekday' }],
      '2025-05-16',
    );
    expect(events).toHaveLength(1);
    const { start, end } = events[0]?.passage ?? { start: 0, end: 0 };
    expect(article.text.slice(start, end).trim()).toBe(article.text.slice(start, end));
    expect(events[0]).toMatchObject({ title: 'Park–Sato summit in Busan', place: 'Busan', status: 'occurred' });
  });

  it.each([
    {
      rule: 'a participial clause is its own passage and borrows only the subject span',
      sentence: 'The rebels kept up their alliance with the army, shelling the port of Aden on Sunday.',
      words: 'on Sunday',
      passage: 'shelling the port of Aden on Sunday',
      actorWords: ['The rebels'],
    },
    {
      rule: 'a verbless event phrase with its own parties is the phrase alone',
      sentence: "Markets weighed Ottawa's tariff plan following talks between Carney and Sheinbaum last week.",
      words: 'last week',
      passage: 'following talks between Carney and Sheinbaum last week',
      actorWords: [],
    },
    {
      rule: 'a verbless event phrase without parties takes the clause that names them, but not a trailing comment',
      sentence: 'During their summit in Madrid on Monday, Sanchez asked Macron for help, saying Paris owed Spain a favour.',
      words: 'on Monday',
      passage: 'During their summit in Madrid on Monday, Sanchez asked Macron for help',
      actorWords: [],
    },
    {
      rule: 'a reduced relative clause on the object stays in the clause',
      sentence: 'The minister toured a Busan plant on Friday, owned by Samsung Heavy Industries, before flying home.',
      words: 'on Friday',
      passage: 'The minister toured a Busan plant on Friday, owned by Samsung Heavy Industries',
      actorWords: [],
    },
  ])('$rule', ({ sentence, words, passage, actorWords }) => {
    const { article, events, quote } = run([sentence], [{ words, edtf: '2025-05-12', kind: 'weekday' }], '2025-05-15');
    expect(events.map(quote)).toEqual([passage]);
    expect((events[0]?.actorSpans ?? []).map(({ start, end }) => article.text.slice(start, end))).toEqual(actorWords);
  });

  it('takes the participants of an undated mention of a named event from the words leading up to the name', () => {
    const { article, events } = run(
      [
        'Trade ministers will hold the 8th Pacific Trade Dialogue (PTD) in Lima on June 2.',
        "The ministry announced Ms. Rojas's attendance at the PTD and praised Chile's offer.",
        "Officials said that Mr. Tan will chair the PTD and thank Japan's envoy.",
      ],
      [{ words: 'on June 2', edtf: '2025-06-02', kind: 'absolute' }],
      '2025-05-15',
    );
    const spans = events.map((event) => (event.participantSpans ?? []).map(({ start, end }) => article.text.slice(start, end)));
    expect(spans).toEqual([[], [" Ms. Rojas's attendance at the PTD"], ['that Mr. Tan will chair the PTD']]);
  });

  describe('a trip dated by one of its legs', () => {
    const legOf = (sentences: string[], times: TimeSpec[]) => {
      const { article, events, quote } = run(sentences, times, '2025-05-01');
      const trips = events.filter((event) => /tour|trip|swing/.test(event.title));
      return trips.map((event) => ({
        title: event.title,
        edtf: event.edtf,
        status: event.status,
        passage: quote(event),
        actors: (event.actorSpans ?? []).map(({ start, end }) => article.text.slice(start, end)),
        participants: event.participantSpans,
      }));
    };

    it('ends the trip with the latest dated event the article places somewhere when no event names the leg', () => {
      expect(
        legOf(
          [
            'Envoy Maria Lopez will hold talks with officials in Lima on June 3.',
            'Peru is the last leg of her South America tour.',
          ],
          [{ words: 'on June 3', edtf: '2025-06-03', kind: 'absolute' }],
        ),
      ).toEqual([
        {
          title: "Maria Lopez's South America tour",
          edtf: '../2025-06-03',
          status: 'scheduled',
          passage: 'Peru is the last leg of her South America tour',
          actors: ['Envoy Maria Lopez'],
          participants: [],
        },
      ]);
    });

    it('prefers the event in the place the leg names, and opens a trip at its first stop', () => {
      const times: TimeSpec[] = [
        { words: 'on May 6', edtf: '2025-05-06', kind: 'absolute' },
        { words: 'on May 8', edtf: '2025-05-08', kind: 'absolute' },
      ];
      const manila = ['Sato will hold talks in Manila on May 6.', 'Sato will open an embassy in Hanoi on May 8.'];
      expect(legOf([...manila, 'Manila is the last leg of his Asia tour.'], times)).toMatchObject([{ edtf: '../2025-05-06' }]);
      expect(legOf([...manila, 'Hanoi is the first stop of his Asia tour.'], times)).toMatchObject([{ edtf: '2025-05-08/..' }]);
    });

    it('makes no trip when nothing in the article dates the leg', () => {
      expect(legOf(['Envoy Maria Lopez arrived to cheers.', 'Peru is the last leg of her tour.'], [])).toEqual([]);
    });
  });
});
