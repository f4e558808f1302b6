/**
 * The seed articles' dated sentences (verbatim) with the times the time stage should
 * find, built by hand: the events the seeds README expects must come out.
 */
import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../../src/compiler/events';
import type { TimeKind } from '../../../src/compiler/time/resolveTimes';
import { makeArticle, makeReference, makeTime } from './builders';

type TimeSpec = [words: string, edtf: string, kind: TimeKind];

function extract(paragraphs: readonly (readonly string[])[], times: readonly TimeSpec[], published: string) {
  const article = makeArticle(paragraphs);
  const built = times.map(([words, edtf, kind]) => makeTime(article, words, edtf, { kind })).sort((a, b) => a.start - b.start);
  return extractEvents(article.text, article.segmentation, built, makeReference(published)).map((event) => ({
    ...event,
    quote: article.text.slice(event.passage.start, event.passage.end),
  }));
}

describe('seed article of 2025-10-27', () => {
  const events = extract(
    [
      ['Published: 27 Oct. 2025, 09:04'],
      [
        'Defense Minister Ahn Gyu-back and U.S. Defense Secretary Pete Hegseth will meet for the 57th Security Consultative Meeting (SCM) in Seoul on Nov. 4, in what would mark their first in-person talks, according to the ministry.',
      ],
      [
        'In a separate release, the Pentagon also announced that Hegseth will co-chair the upcoming SCM and "applaud Seoul\'s willingness to step up on defense spending and assume greater responsibility for the alliance\'s deterrence and defense."',
      ],
      [
        'On the Korean Peninsula, the meeting comes as North Korea continues to deepen its military alignment with Russia while advancing its nuclear and missile weapons, disclosing the new Hwasong-20 intercontinental ballistic missile during a major military parade earlier this month.',
      ],
    ],
    [
      ['27 Oct. 2025', '2025-10-27', 'absolute'],
      ['on Nov. 4', '2025-11-04', 'absolute'],
      ['earlier this month', '2025-10', 'relative'],
    ],
    '2025-10-27',
  );

  it('finds the scheduled 57th SCM in Seoul, and its acronym mention, but not the page stamp', () => {
    const scm = events.filter((event) => event.name === '57th security consultative meeting');
    expect(scm).toHaveLength(2);
    expect(scm[0]).toMatchObject({
      title: '57th Security Consultative Meeting',
      edtf: '2025-11-04',
      status: 'scheduled',
      place: 'Seoul',
    });
    expect(scm[1]?.quote).toContain('co-chair the upcoming SCM');
    expect(events.some((event) => event.edtf === '2025-10-27')).toBe(false);
  });

  it('finds the Hwasong-20 unveiling at the parade in October', () => {
    expect(events.find((event) => event.edtf === '2025-10')).toMatchObject({
      status: 'occurred',
      title: 'North Korea discloses new Hwasong-20 intercontinental ballistic missile',
    });
  });
});

describe('seed article of 2025-11-04', () => {
  const events = extract(
    [
      [
        'In this photo provided by South Korea Defense Ministry, U.S. Defense Secretary Pete Hegseth, right, shakes hands with South Korean Defense Minister Ahn Gyu-back at the southern side of Panmunjom in the demilitarized zone in South Korea on Nov. 3. [MINISTRY OF NATIONAL DEFENSE]',
      ],
      [
        'The defense chiefs of South Korea and the United States were set to hold their annual security talks in Seoul on Tuesday to discuss a range of security issues, such as how to modernize the decadeslong alliance between the two nations.',
      ],
      [
        'Defense Minister Ahn Gyu-back and U.S. Defense Secretary Pete Hegseth will hold the 57th Security Consultative Meeting (SCM) at the Defense Ministry in Seoul.',
        'It marks their first co-chairing of the event since they both took office earlier this year.',
      ],
      [
        'This year\'s meeting may include discussions on key alliance and security issues, including the "strategic flexibility" of U.S. forces stationed in South Korea as well as Seoul\'s push to retake wartime operational control (Opcon) from Washington.',
      ],
      [
        "Both sides are also widely expected to consult on Seoul's push to acquire a nuclear-powered submarine following relevant discussions between President Lee Jae Myung and U.S. President Donald Trump in their summit talks last week.",
      ],
      [
        "South Korea has vowed to regain Opcon from Washington within President Lee Jae Myung's five-year term that ends in 2030.",
      ],
      [
        'Meanwhile, during their summit in the southeastern city of Gyeongju on Wednesday, Lee openly asked Trump to allow his country to secure nuclear fuel supplies for conventionally armed submarines to better track North Korean and Chinese vessels, saying it would ease the operational burden for U.S. forces.',
      ],
      [
        "Trump said in a social media post the following day that he has given South Korea approval to build a nuclear-powered submarine at a Philadelphia shipyard, run by South Korea's Hanwha Ocean.",
      ],
      [
        'On the Korean Peninsula, the meeting comes as North Korea continues to deepen its military alignment with Russia while advancing its nuclear and missile weapons, disclosing the new Hwasong-20 intercontinental ballistic missile during a major military parade last month.',
      ],
      [
        "The U.S. Department of War also announced Hegseth's attendance at the SCM and said he will \"applaud Seoul's willingness to step up on defense spending and assume greater responsibility for the alliance's deterrence and defense.\"",
      ],
      [
        'Hegseth arrived in South Korea on Monday afternoon for his two-day visit, the final leg of his Asia swing that includes visits to Japan, Malaysia and Vietnam.',
      ],
      [
        'Upon his arrival, he visited the Joint Security Area (JSA) inside the demilitarized zone separating the two Koreas with Ahn, in what marked the first joint visit to the JSA by the defense chiefs of the allies in eight years.',
      ],
    ],
    [
      ['on Nov. 3', '2025-11-03', 'absolute'],
      ['on Tuesday', '2025-11-04', 'weekday'],
      ['earlier this year', '2025', 'relative'],
      ['last week', '2025-10-27/2025-11-02', 'relative'],
      ["within President Lee Jae Myung's five-year term that ends in 2030", '../2030', 'deadline'],
      ['on Wednesday', '2025-10-29', 'weekday'],
      ['the following day', '2025-10-30', 'anaphoric'],
      ['last month', '2025-10', 'relative'],
      ['on Monday afternoon', '2025-11-03', 'weekday'],
      ['his two-day visit', '2025-11-03/2025-11-04', 'span'],
      ['Upon his arrival', '2025-11-03', 'anaphoric'],
    ],
    '2025-11-04',
  );
  const byDate = (edtf: string) => events.filter((event) => event.edtf === edtf);

  it('names the talks on Tuesday after the 57th SCM of the next sentence', () => {
    const scm = events.filter((event) => event.name === '57th security consultative meeting');
    expect(scm.map((event) => event.edtf)).toEqual(['2025-11-04', '2025-11-04', '2025-11-04']);
    expect(scm[0]).toMatchObject({ status: 'scheduled', place: 'Seoul', dateText: 'on Tuesday' });
  });

  it('finds the summit twice (last week, and in Gyeongju on Wednesday)', () => {
    expect(byDate('2025-10-27/2025-11-02')).toMatchObject([
      { title: 'Summit talks between Lee Jae Myung and Donald Trump', status: 'occurred' },
    ]);
    expect(byDate('2025-10-29')).toMatchObject([
      { title: 'Lee–Trump summit in Gyeongju', place: 'Gyeongju', status: 'occurred' },
    ]);
  });

  it("finds Trump's submarine approval the following day", () => {
    expect(byDate('2025-10-30')).toMatchObject([
      { title: 'Trump gives South Korea approval to build nuclear-powered submarine', status: 'occurred', place: 'Philadelphia' },
    ]);
  });

  it('keeps the arrival, the JSA visit and the caption apart for merge, and the visit span as its own event', () => {
    expect(byDate('2025-11-03').map((event) => [event.title, event.caption ?? false])).toEqual([
      ['Pete Hegseth shakes hands with Ahn Gyu-back', true],
      ['Hegseth arrives in South Korea', false],
      ['Hegseth visits Joint Security Area', false],
    ]);
    expect(byDate('2025-11-03/2025-11-04')).toMatchObject([
      { title: "Hegseth's two-day visit to South Korea", status: 'occurred' },
    ]);
  });

  it("finds Hegseth's Asia trip, ending with the Korea visit, from the final-leg appositive", () => {
    expect(byDate('../2025-11-04')).toMatchObject([
      { title: "Hegseth's Asia swing", status: 'occurred', dateText: 'the final leg of his Asia swing' },
    ]);
  });

  it('lets "he" in the JSA sentence take its actor from the previous sentence', () => {
    const visit = events.find((event) => event.title === 'Hegseth visits Joint Security Area');
    expect(visit?.actorSpans?.map((span) => span.end - span.start)).toEqual(['Hegseth'.length]);
  });

  it('finds the goal of retaking Opcon by 2030', () => {
    expect(byDate('../2030')).toMatchObject([{ title: 'South Korea vows to regain Opcon', status: 'goal' }]);
  });

  it('makes no event of the speculative "may include" sentence', () => {
    expect(events.some((event) => event.quote.startsWith("This year's meeting may include"))).toBe(false);
  });
});
