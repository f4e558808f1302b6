import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/compiler/clean';
import { readArticle } from '../../src/compiler/read';
import { segmentText, type Segmentation } from '../../src/compiler/segment';

const sentencesOf = (text: string) => segmentText(text).sentences.map(({ start, end }) => text.slice(start, end));

/** The offset invariants every segmentation must satisfy, whatever the text. */
function expectWellFormed(text: string, { paragraphs, sentences }: Segmentation): void {
  let previousEnd = 0;
  for (const paragraph of paragraphs) {
    expect(paragraph.start).toBeGreaterThanOrEqual(previousEnd);
    expect(paragraph.end).toBeGreaterThan(paragraph.start);
    const slice = text.slice(paragraph.start, paragraph.end);
    expect(slice).toBe(slice.trim());
    expect(slice).not.toMatch(/\n\s*\n/);
    previousEnd = paragraph.end;
  }
  previousEnd = 0;
  for (const sentence of sentences) {
    const slice = text.slice(sentence.start, sentence.end);
    expect(sentence.end).toBeGreaterThan(sentence.start);
    expect(slice).toBe(slice.trim());
    expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
    const paragraph = paragraphs[sentence.paragraph];
    expect(paragraph).toBeDefined();
    expect(sentence.start).toBeGreaterThanOrEqual(paragraph?.start ?? Infinity);
    expect(sentence.end).toBeLessThanOrEqual(paragraph?.end ?? -Infinity);
    previousEnd = sentence.end;
  }
  // Sentences cover their paragraphs: nothing but white space falls between them.
  const squeeze = (spans: readonly { start: number; end: number }[]) =>
    spans.map(({ start, end }) => text.slice(start, end).replace(/\s+/g, '')).join('');
  expect(squeeze(sentences)).toBe(squeeze(paragraphs));
}

describe('segmentText sentences', () => {
  it.each<[string, string, string[]]>([
    ['plain sentences', 'It rained. Then it snowed.', ['It rained.', 'Then it snowed.']],
    ['question and exclamation', 'Is it over? No! It goes on.', ['Is it over?', 'No!', 'It goes on.']],
    ['U.S. before a name', 'U.S. Defense Secretary Pete Hegseth arrived.', ['U.S. Defense Secretary Pete Hegseth arrived.']],
    [
      'U.K. and U.N. inside',
      'The U.K. and the U.N. Security Council disagreed.',
      ['The U.K. and the U.N. Security Council disagreed.'],
    ],
    [
      'U.S. ending a sentence',
      'The deal was struck with the U.S. The talks ended.',
      ['The deal was struck with the U.S.', 'The talks ended.'],
    ],
    ['U.S. at the very end', 'Troops returned to the U.S.', ['Troops returned to the U.S.']],
    [
      'month abbreviations',
      'Talks resume Nov. 4 and Sept. 9, after a Jan. 2 pause.',
      ['Talks resume Nov. 4 and Sept. 9, after a Jan. 2 pause.'],
    ],
    ['a month ending a sentence', 'Prices rose in Oct. The bank acted.', ['Prices rose in Oct.', 'The bank acted.']],
    [
      'titles',
      'Gen. Kim met Lt. Col. Park, Dr. Lee, Mr. Cho and Mrs. Han.',
      ['Gen. Kim met Lt. Col. Park, Dr. Lee, Mr. Cho and Mrs. Han.'],
    ],
    ['St. and No.', 'He lives on St. James Road, No. 12.', ['He lives on St. James Road, No. 12.']],
    ['no. as a word', 'The answer was no. The vote failed.', ['The answer was no.', 'The vote failed.']],
    ['times of day', 'It began at 9 a.m. and ended at 5 p.m. Monday.', ['It began at 9 a.m. and ended at 5 p.m. Monday.']],
    ['p.m. ending a sentence', 'It ended at 5 p.m. The crowd left.', ['It ended at 5 p.m.', 'The crowd left.']],
    [
      'companies',
      'Hanwha Ocean Co. and Apple Inc. signed. Samsung Corp. Chairman Lee came.',
      ['Hanwha Ocean Co. and Apple Inc. signed.', 'Samsung Corp. Chairman Lee came.'],
    ],
    ['a company ending a sentence', 'The buyer was Apple Inc. It paid cash.', ['The buyer was Apple Inc.', 'It paid cash.']],
    ['Jr.', 'Martin Luther King Jr. spoke in 1963.', ['Martin Luther King Jr. spoke in 1963.']],
    ['initials', 'John F. Kennedy read J.R.R. Tolkien.', ['John F. Kennedy read J.R.R. Tolkien.']],
    ['an initial ending a sentence', 'They chose plan B. It worked.', ['They chose plan B.', 'It worked.']],
    ['decimals', 'Growth was 3.5 percent. Inflation hit 2.1%.', ['Growth was 3.5 percent.', 'Inflation hit 2.1%.']],
    ['ellipsis then a capital', 'He paused... Then he left.', ['He paused...', 'Then he left.']],
    ['ellipsis inside a sentence', 'It was… fine, he said.', ['It was… fine, he said.']],
    ['e.g. and i.e.', 'Allies, e.g. Japan, agreed, i.e. Tokyo signed.', ['Allies, e.g. Japan, agreed, i.e. Tokyo signed.']],
    [
      'period inside a closing quote',
      'He said "we are ready." The talks began.',
      ['He said "we are ready."', 'The talks began.'],
    ],
    [
      'curly quote then attribution',
      '“We will respond to threats,” the ministry said. It ended.',
      ['“We will respond to threats,” the ministry said.', 'It ended.'],
    ],
    ['question in a quote then attribution', '"Why now?" he asked. Nobody knew.', ['"Why now?" he asked.', 'Nobody knew.']],
    [
      'a quote spanning two sentences',
      '"We will go. We will win," he said. She left.',
      ['"We will go. We will win," he said.', 'She left.'],
    ],
    [
      'a curly quote spanning sentences',
      'Kim said: “It is over. We lost.” Park disagreed.',
      ['Kim said: “It is over. We lost.”', 'Park disagreed.'],
    ],
    ['two quoted sentences', '"A deal is near," he said. "We hope so."', ['"A deal is near," he said.', '"We hope so."']],
    [
      'a closing parenthesis',
      'It passed. (The vote was close.) Then recess.',
      ['It passed.', '(The vote was close.)', 'Then recess.'],
    ],
    ['a trailing photo credit', 'Ahn speaks in Seoul on Nov. 3. [YONHAP]', ['Ahn speaks in Seoul on Nov. 3. [YONHAP]']],
    ['a trailing photo credit in parentheses', 'A tree fell. (AP Photo/Paul Vernon)', ['A tree fell. (AP Photo/Paul Vernon)']],
    ['a closing parenthetical sentence', 'It passed. (The vote was close.)', ['It passed.', '(The vote was close.)']],
    ['a flag after a sentence', 'Go Korea! 🇰🇷 Next match is Friday.', ['Go Korea! 🇰🇷', 'Next match is Friday.']],
    [
      'hyphenated acronym',
      'The Korea-U.S. alliance held. Both sides agreed.',
      ['The Korea-U.S. alliance held.', 'Both sides agreed.'],
    ],
    ['no space after a period', 'See example.com.kr for details.', ['See example.com.kr for details.']],
    ['Korean sentences', '회담이 열렸다. 양측은 합의했다.', ['회담이 열렸다.', '양측은 합의했다.']],
    ['CJK full stops', '会谈结束。双方同意。', ['会谈结束。', '双方同意。']],
    ['emoji after a sentence', 'We won! 🎉 Next year again.', ['We won! 🎉', 'Next year again.']],
    [
      'etc. ending a sentence',
      'They sold rice, beans, etc. The market closed.',
      ['They sold rice, beans, etc.', 'The market closed.'],
    ],
    ['et al. inside', 'Kim et al. found no link. Park agreed.', ['Kim et al. found no link.', 'Park agreed.']],
    ['Sen. and Ms.', 'Sen. Warren and Ms. Kim spoke. Rep. Lee left.', ['Sen. Warren and Ms. Kim spoke.', 'Rep. Lee left.']],
    ['a lower-case word after a stop', 'It rose 5 pct. year on year.', ['It rose 5 pct. year on year.']],
    [
      'a line break ends a sentence',
      'Caption without a stop\nThe story begins.',
      ['Caption without a stop', 'The story begins.'],
    ],
    ['no final punctuation', 'A headline with no stop', ['A headline with no stop']],
  ])('%s', (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
    expectWellFormed(text, segmentText(text));
  });
});

describe('segmentText paragraphs and offsets', () => {
  it.each<[string, string, string[]]>([
    ['blank line', 'One.\n\nTwo.', ['One.', 'Two.']],
    ['white-space-only line', 'One.\n \t\nTwo.', ['One.', 'Two.']],
    ['no-break-space line', 'One.\n\u00a0\nTwo.', ['One.', 'Two.']],
    ['leading and trailing blank lines', '\n\n  One.  \n\n\n', ['One.']],
    ['single newline stays in the paragraph', 'One.\nTwo.\n\nThree.', ['One.\nTwo.', 'Three.']],
    ['empty text', '', []],
    ['white space only', ' \n\n \n', []],
  ])('splits paragraphs on a %s', (_name, text, expected) => {
    const segmentation = segmentText(text);
    expect(segmentation.paragraphs.map(({ start, end }) => text.slice(start, end))).toEqual(expected);
    expectWellFormed(text, segmentation);
  });

  it('puts a caption line of a cleaned page in its own paragraph', () => {
    const caption = 'Kim Min-ji, left, meets Park Ji-won in Busan on Oct. 2. [YONHAP]';
    const text = cleanText(`${caption}\nThe two leaders met for an hour. They agreed to talk again.`);
    const { paragraphs, sentences } = segmentText(text);
    expect(paragraphs.map(({ start, end }) => text.slice(start, end))).toEqual([
      caption,
      'The two leaders met for an hour. They agreed to talk again.',
    ]);
    expect(sentences.map((sentence) => sentence.paragraph)).toEqual([0, 1, 1]);
  });

  it('gives the paragraph index of each sentence', () => {
    const { sentences } = segmentText('A caption on Nov. 3. [YONHAP]\n\nFirst. Second.\n\nThird.');
    expect(sentences.map((sentence) => sentence.paragraph)).toEqual([0, 1, 1, 2]);
  });

  it('counts astral characters as two code units', () => {
    const text = '🇰🇷 한국 팀이 이겼다! 🎉\n\n“Great,” said Kim 😀. Done.';
    const { sentences, paragraphs } = segmentText(text);
    expect(paragraphs).toEqual([
      { start: 0, end: text.indexOf('\n') },
      { start: text.indexOf('“'), end: text.length },
    ]);
    expect(sentences).toEqual([
      { start: 0, end: text.indexOf('🎉') + 2, paragraph: 0 },
      { start: text.indexOf('“'), end: text.indexOf('. Done') + 1, paragraph: 1 },
      { start: text.indexOf('Done'), end: text.length, paragraph: 1 },
    ]);
    expectWellFormed(text, { sentences, paragraphs });
  });

  it('keeps every offset invariant on any text', () => {
    const piece = fc.constantFrom(
      'U.S.',
      'Nov.',
      ' ',
      '\n',
      '\n\n',
      '"',
      '“',
      '”',
      '.',
      '?',
      '!',
      '…',
      'A',
      'the',
      '3.5',
      '😀',
      '한국',
      '。',
      '[X]',
      '(',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expectWellFormed(text, segmentText(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('segmentText on the cleaned seed articles', () => {
  it.each([
    [
      '2025-11-04-yonhap-alliance-issues.txt',
      'Defense Minister Ahn Gyu-back and U.S. Defense Secretary Pete Hegseth will hold the 57th Security Consultative Meeting (SCM) at the Defense Ministry in Seoul.',
    ],
    [
      '2025-10-27-yonhap-security-talks.txt',
      '"Under Secretary Hegseth\'s clear and strong leadership, the Department [of War] recognizes the importance of the focus on the Indo-Pacific and the need to ensure peace through strength together with our allies and partners," the department said in the release.',
    ],
  ])('%s', (file, expectedSentence) => {
    const article = readArticle(file, readFileSync(new URL(`../../data/articles/${file}`, import.meta.url)));
    const text = cleanText(article.body);
    const segmentation = segmentText(text);
    expectWellFormed(text, segmentation);
    expect(segmentation.paragraphs).toHaveLength(text.split('\n\n').length);
    for (const sentence of sentencesOf(text)) {
      // No sentence stops at an abbreviation that continues ("U.S. Defense", "Nov. 4").
      expect(sentence).not.toMatch(/\b(?:U\.S|Nov|Oct)\.$/);
      // Every sentence starts like one: a capital, a digit or an opening quote.
      expect(sentence).toMatch(/^["“\p{Lu}\p{N}]/u);
    }
    expect(sentencesOf(text)).toContain(expectedSentence);
  });
});
