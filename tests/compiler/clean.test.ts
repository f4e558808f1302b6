import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, explainClean, type DropReason } from '../../src/compiler/clean';
import { WIDGET_RULES } from '../../src/compiler/clean/boilerplate';
import { readArticle } from '../../src/compiler/read';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/clean/${name}`, import.meta.url), 'utf8');
const seedBody = (file: string) => readArticle(file, readFileSync(new URL(`../../data/articles/${file}`, import.meta.url))).body;
const paragraphsOf = (text: string) => text.split('\n\n');

/** A page of real sentences around `line`, so only the rule under test decides its fate. */
const page = (line: string) =>
  `The council met on Monday to discuss the budget.\n\n${line}\n\nThe next meeting is set for March.`;

describe('cleanText on synthetic scraped pages', () => {
  it.each(['bbc-like', 'reuters-like', 'ap-like', 'korean-outlet-like'])(
    'cleans %s.txt to the text in its .expected.txt',
    (name) => {
      expect(cleanText(fixture(`${name}.txt`))).toBe(fixture(`${name}.expected.txt`));
    },
  );
});

describe('cleanText keeps news', () => {
  it.each([
    'He declined to comment.',
    '"No."',
    '“We will not back down.”',
    'Yes.',
    'Kim, 34, a teacher, said she was scared.',
    'The ministry declined to give details, citing security.',
    'Updated figures are expected on Friday.',
    'By Monday, the talks had ended.',
    'Related talks were held in Geneva in 2019.',
    'Related-party deals rose 5 percent.',

    'Share prices fell 3.5 percent.',
    'The EU requires websites to ask before they set cookies.',
    'Readers can log in to comment on the proposal until Friday, the agency said.',
    'Published reports said the deal was close.',
    'Seoul / Washington talks resumed after a two-year pause, officials said.',
    '국방부는 4일 한미안보협의회의를 열었다',
    '한·미 국방장관 회담',
    'North Korea 미사일 발사',
    'Residents cheered 🎉 as the bridge reopened.',
    'In this photo, Defense Minister Ahn Gyu-back speaks in Seoul on Nov. 3. [YONHAP]',
    'Rescue workers search the rubble in Hatay on Tuesday',
    'What happens next?',
  ])('keeps %j', (line) => {
    expect(paragraphsOf(cleanText(page(line)))).toContain(line);
  });
});

describe('cleanText drops page furniture', () => {
  it.each<[string, DropReason]>([
    ['Home > National > Defense', 'menu'],
    ['News | World | Asia', 'menu'],
    ['Politics » Diplomacy', 'menu'],
    ['print dictionary print', 'widget'],
    ['Related Article', 'widget'],
    ['Related Stories', 'widget'],
    ['Share this article', 'widget'],
    ['Advertisement', 'widget'],
    ['Read more: Why the summit matters', 'widget'],
    ['Related - Five things to know about the talks', 'widget'],
    ['Sign up for our newsletter', 'widget'],
    ['We use cookies to improve your experience. By continuing you agree.', 'widget'],
    ['Accept all cookies', 'widget'],
    ['lock icon', 'widget'],
    ['help-image Social comment?', 'widget'],
    ['Log in to Twitter or Facebook account to connect', 'comments'],
    ['with the Korea JoongAng Daily', 'comments'],
    ['To write comments, please log in to one of the accounts.', 'comments'],
    ['Standards Board Policy (0/250자)', 'comments'],
    ['12 comments', 'comments'],
    ['Published: 27 Oct. 2025, 09:04', 'stamp'],
    ['Updated: Nov. 4, 2025 at 3:15 p.m. KST', 'stamp'],
    ['Written: 2025-11-04 10:00', 'stamp'],
    ['3 hours ago', 'stamp'],
    ['Tuesday, November 4, 2025', 'stamp'],
    ['© 2025 Example News Ltd', 'copyright'],
    ['Copyright 2025 The Associated Press. All rights reserved.', 'copyright'],
    ['By Kim Min-ji', 'byline'],
    ['By KIM MIN-JI [kim.minji@joongang.co.kr]', 'byline'],
    ['Reporting by Josh Smith; Editing by Ed Davies', 'byline'],
    ['Yonhap', 'credit'],
    ['AP', 'fragment'],
    ['— Reuters', 'credit'],
    ['AFP / Getty Images', 'credit'],
    ['[MINISTRY OF NATIONAL DEFENSE]', 'credit'],
    ['Image source, Getty Images', 'credit'],
    ['park.jiwon@example.co.kr', 'credit'],
    ['The Associated Press contributed to this report.', 'credit'],
    ['Most Read', 'widget'],
    ['Top Headlines Today', 'heading'],
    ['NORTH KOREA', 'heading'],
    ['s', 'fragment'],
    ['***', 'fragment'],
  ])('drops %j as %s', (line, reason) => {
    const report = explainClean(page(line));
    expect(report.dropped).toEqual([{ line: 3, text: line, reason }]);
    expect(paragraphsOf(report.text)).toHaveLength(2);
  });
});

describe('widget phrases', () => {
  it.each(WIDGET_RULES.flatMap((rule) => rule.patterns.map((pattern) => [rule.what, pattern] as const)))(
    '%s: %s matches whole lines only',
    (_what, pattern) => {
      expect(pattern.source.startsWith('^') && pattern.source.endsWith('$')).toBe(true);
      expect(pattern.flags).not.toMatch(/[gy]/);
    },
  );
});

describe('cleanText repetition', () => {
  const caption = 'President Lee Jae Myung, right, shakes hands with Prime Minister Ishiba in Tokyo on Sept. 3.';

  it('keeps one copy of a repeated caption, the first', () => {
    const report = explainClean(`${caption}\n\n${caption}\n\nThe leaders agreed to meet again.`);
    expect(report.text).toBe(`${caption}\n\nThe leaders agreed to meet again.`);
    expect(report.dropped).toEqual([{ line: 3, text: caption, reason: 'repeat' }]);
  });

  it.each([
    ['with a credit added', `${caption} [YONHAP]`],
    ['with a different credit', `${caption.slice(0, -1)} (AP Photo/Lee Jin-man)`],
    ['with curly quotes and extra spaces', caption.replace(/ /g, '  ')],
    ['in upper case', caption.toUpperCase()],
  ])('treats a copy %s as a repeat', (_how, copy) => {
    expect(paragraphsOf(cleanText(`${caption}\n${copy}\nThe leaders agreed.`))).toEqual([caption, 'The leaders agreed.']);
  });

  it('drops a headline printed twice but keeps its first occurrence', () => {
    const headline = 'Floods force thousands from homes in southern Chile';
    const text = cleanText(`${headline}\nWorld > Americas\n${headline}\nRivers burst their banks on Sunday.`);
    expect(paragraphsOf(text)).toEqual([headline, 'Rivers burst their banks on Sunday.']);
  });

  it('keeps a short sentence the story repeats', () => {
    const text = cleanText('Kim was asked twice.\nHe declined to comment.\nPark was asked too.\nHe declined to comment.');
    expect(paragraphsOf(text)).toHaveLength(4);
  });

  it('drops a line equal to the title when the title is given', () => {
    const report = explainClean('Markets rally on rate hopes\nStocks rose 2 percent on Monday.', {
      title: 'Markets rally on rate hopes',
    });
    expect(report.text).toBe('Stocks rose 2 percent on Monday.');
    expect(report.dropped[0]?.reason).toBe('title');
  });
});

describe('cleanText comment tail', () => {
  it('drops unknown lines after a comment box that follows the story', () => {
    const body = 'The vote passed 12 to 3.\n\nTo write comments, please log in.\njohn_doe\nSort by newest\n0 replies';
    const report = explainClean(body);
    expect(report.text).toBe('The vote passed 12 to 3.');
    expect(report.dropped.map((drop) => drop.reason)).toEqual(['comments', 'tail', 'tail', 'tail']);
  });

  it('keeps sentences that come after a comment prompt', () => {
    const text = cleanText('The vote passed 12 to 3.\nLog in to comment\nThe mayor declined to comment.');
    expect(paragraphsOf(text)).toEqual(['The vote passed 12 to 3.', 'The mayor declined to comment.']);
  });
});

describe('cleanText layout', () => {
  it.each([
    ['blank lines at both ends', '\n\n  \nFirst.\n\nSecond.\n\n\n', 'First.\n\nSecond.'],
    ['one line per paragraph', 'First.\nSecond.', 'First.\n\nSecond.'],
    ['white-space-only separator lines', 'First.\n \u00a0\n\u00a0\nSecond.', 'First.\n\nSecond.'],
    ['trimmed lines and collapsed spaces', '   First   one.\t\tYes.  ', 'First one. Yes.'],
    ['a single no-break space kept', 'On Nov.\u00a03 it rained.', 'On Nov.\u00a03 it rained.'],
    ['invisible characters removed', 'Sum\u200bmit held.\ufeff', 'Summit held.'],
    [
      'a hard-wrapped line joined',
      'Winds reached 70 mph\nin some areas, officials said.',
      'Winds reached 70 mph in some areas, officials said.',
    ],
    ['a joined line judged as a whole', 'Sign up for our daily\nnewsletter', ''],
    [
      'a joined repeat of an earlier paragraph',
      'Winds hit 70 mph in the hills north of the city.\nWinds hit 70 mph\nin the hills north of the city.',
      'Winds hit 70 mph in the hills north of the city.',
    ],
    ['no join after a full stop', 'It ended.\nthen came rain.', 'It ended.\n\nthen came rain.'],
    [
      'a caption label removed',
      'Image caption, Workers clear debris in Hatay\nIt rained.',
      'Workers clear debris in Hatay\n\nIt rained.',
    ],
    ['an empty body', '', ''],
    ['a body of furniture only', 'Advertisement\nHome > News\n\nYonhap', ''],
  ])('%s', (_name, body, expected) => {
    expect(cleanText(body)).toBe(expected);
  });

  it('returns tidy, stable text for any input', () => {
    const furniture = ['Home > News', 'Yonhap', 'Log in to comment', ' ', '\u00a0', ''];
    const prose = ['He left.', 'Winds hit 70 mph', 'in some areas, he said.', 'the'];
    const line = fc.oneof(fc.string(), fc.constantFrom(...furniture, ...prose));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = cleanText(lines.join('\n'));
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\n{3}/);
        for (const paragraph of text === '' ? [] : paragraphsOf(text)) expect(paragraph).toBe(paragraph.trim());
        expect(cleanText(text)).toBe(text);
      }),
    );
  });
});

describe('cleanText on the seed articles', () => {
  const caption = 'In this photo provided by South Korea Defense Ministry, U.S. Defense Secretary Pete Hegseth';
  const headline = 'Defense chiefs of South Korea, U.S. set to discuss alliance issues in key security talks';

  it('seed 000: one caption, every body paragraph, none of the furniture', () => {
    const body = seedBody('2025-11-04-yonhap-alliance-issues.txt');
    const text = cleanText(body);
    const paragraphs = paragraphsOf(text);
    expect(text.split(caption)).toHaveLength(2);
    expect(text.split(headline)).toHaveLength(2);
    const bodyParagraphs = body
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.split(' ').length >= 12);
    for (const line of bodyParagraphs) expect(paragraphs).toContain(line);
    for (const furniture of [
      'print dictionary print',
      'Related Article',
      'Home > National > Defense',
      'Yonhap',
      's',
      'lock icon',
    ])
      expect(paragraphs).not.toContain(furniture);
    expect(text).not.toMatch(/Log in|JoongAng|help-image|write comments|Standards Board|0\/250/);
    expect(paragraphs.at(-1)).toBe(bodyParagraphs.at(-1));
    expect(cleanText(text)).toBe(text);
  });

  it('seed 002: no publication stamp, no credit, no tail', () => {
    const body = seedBody('2025-10-27-yonhap-security-talks.txt');
    const text = cleanText(body);
    const paragraphs = paragraphsOf(text);
    expect(text).not.toContain('Published: 27 Oct. 2025, 09:04');
    expect(paragraphs).not.toContain('Yonhap');
    expect(text).not.toMatch(/JoongAng|write comments|Standards Board/);
    const bodyParagraphs = body
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.split(' ').length >= 12);
    expect(paragraphs.filter((paragraph) => bodyParagraphs.includes(paragraph))).toHaveLength(bodyParagraphs.length);
    expect(paragraphs.at(-1)).toBe(bodyParagraphs.at(-1));
    expect(cleanText(text)).toBe(text);
  });
});
