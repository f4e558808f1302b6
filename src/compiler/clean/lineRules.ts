/**
 * Rules that judge one scraped line on its own: is it page furniture rather than news?
 * Each rule looks at the line's SHAPE (no sentence punctuation, few words, title case,
 * menu separators, a date and nothing else) or at the known phrases in `boilerplate.ts`.
 * A line that ends like a sentence is only dropped by an explicit phrase rule, so short
 * real sentences ("He declined to comment.") survive.
 */
import { foldLine, widgetRuleFor, WIRE_NAMES } from './boilerplate';

/** Why a line was dropped. */
export type DropReason =
  | 'widget'
  | 'comments'
  | 'stamp'
  | 'copyright'
  | 'byline'
  | 'credit'
  | 'menu'
  | 'heading'
  | 'fragment'
  | 'repeat'
  | 'title'
  | 'tail';

/** A sentence ends with . ! ? or … possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？]["'”’)\]]*$/u;

/** Words that may stay lower case inside a title-case heading ("Ministry of National Defense"). */
const SMALL_WORDS = new Set('a an and as at by for from in of on or the to vs with'.split(' '));

const MONTH_OR_DAY =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b/g;
const STAMP_WORDS =
  /\b(?:published|updated|written|posted|modified|created|first|last|date|time|on|at|am|pm|kst|utc|gmt|est|edt|et|bst|cet|cest|jst)\b/g;

/** A stamp opens with a digit, a stamp word or a month or day name: a cheap test before the full one. */
const STAMP_START = new RegExp(`^(?:[\\d(]|${STAMP_WORDS.source}|${MONTH_OR_DAY.source})`);

/** Whether the line ends like a sentence. */
export function endsLikeSentence(line: string): boolean {
  return SENTENCE_END.test(line);
}

/** The words of a line: runs separated by white space. */
export function wordsOf(line: string): string[] {
  return line.split(/\s+/).filter((word) => word.length > 0);
}

/** A date/time stamp: words like "Published:" plus dates and times, and nothing else. */
function isStamp(folded: string): boolean {
  if (
    /^(?:(?:published|updated|posted)\s*:?\s*)?(?:\d+|an?) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago$/.test(folded)
  )
    return true;
  if (!/\d/.test(folded) || folded.length > 120 || !STAMP_START.test(folded)) return false;
  const rest = folded
    .replace(/\b[ap]\.m\./g, ' ')
    .replace(MONTH_OR_DAY, ' ')
    .replace(STAMP_WORDS, ' ')
    .replace(/[\d\s.,:;/|()+-]/g, '');
  return rest.length === 0;
}

function isCopyright(folded: string): boolean {
  if (folded.length > 200) return false;
  return /^(?:©|\(c\)|copyright\b)/.test(folded) || /\ball rights reserved\.?$/.test(folded);
}

/** Lower-case words a byline may hold besides names ("By Kim Min-ji, Yonhap staff writer"). */
const BYLINE_WORDS = new Set(
  ['and of the in at for via with de van von bin', 'staff senior writer reporter correspondent editor contributor news agency']
    .join(' ')
    .split(' '),
);

function isByline(line: string): boolean {
  if (!/^(?:by|reporting|writing|editing|additional|compiled|edited)\s/i.test(line)) return false;
  const words = wordsOf(line.replace(/\[[^\]]*@[^\]]*\]|<[^>]*@[^>]*>/g, ''));
  if (/^(?:reporting|writing|editing|additional reporting|compiled|edited) by\b/i.test(line) && words.length <= 40) return true;
  if (!/^(?:by|By|BY)\s+\p{Lu}/u.test(line) || words.length > 10 || /[!?]$/.test(line)) return false;
  if (endsLikeSentence(line) && !/\b\p{Lu}\.$/u.test(line)) return false;
  return words.slice(1).every((word) => {
    const bare = word.replace(/^[("'“‘]+|[)"'”’,;:.]+$/g, '');
    return bare === '' || /^\p{Lu}/u.test(bare) || BYLINE_WORDS.has(bare) || /^[-–—&/]$/.test(bare);
  });
}

/** A wire credit: agency names alone, maybe bracketed or dashed ("Yonhap", "— AP", "[YONHAP]"). */
function isCredit(line: string, folded: string): boolean {
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(folded)) return true;
  // A reporter's name followed by an e-mail address: "Kim Min-ji [kim.minji@joongang.co.kr]".
  if (/@[\w-]+\.\w/.test(folded) && wordsOf(folded).length <= 8 && !endsLikeSentence(line)) return true;
  if (/^(?:the )?[\w .'-]{2,40} contributed to this (?:report|story)\.?$/.test(folded)) return true;
  if (endsLikeSentence(line)) return false;
  // "Image source, Getty Images" / "Image copyright, Reuters/Kim Hong-ji" (BBC): a photo credit.
  if (/^(?:image (?:source|copyright)|photo credit|picture credit)\s*[,:]/.test(folded) && wordsOf(folded).length <= 12)
    return true;
  const inner = folded.replace(/^[\s\-–—/([]+|[\s)\]]+$/g, '');
  // A bracketed upper-case credit alone, as left behind by a caption: "[MINISTRY OF NATIONAL DEFENSE]".
  if (/^\[[^\]\p{Ll}]{2,60}\]$/u.test(line.trim())) return true;
  const parts = inner.split(/\s*(?:,|\/|&|\band\b|\bvia\b|\bwith\b)\s*/).filter((part) => part.length > 0);
  return parts.length > 0 && parts.every((part) => WIRE_NAMES.includes(part));
}

/**
 * A menu or breadcrumb: short items joined by separators ("Home > National > Defense").
 * A middle dot counts only between spaces: Korean writes "한·미" (Korea–U.S.) without them.
 */
function isMenu(line: string): boolean {
  if (endsLikeSentence(line)) return false;
  const items = line.split(/\s+[>›»|•·/]\s+|\s*[›»|]\s*/).filter((item) => item.trim().length > 0);
  return items.length >= 2 && items.every((item) => wordsOf(item).length <= 4 && !/[.,;:!?]$/.test(item.trim()));
}

/**
 * A short title-case or upper-case line without sentence punctuation: a heading or menu item.
 * Only for cased scripts: a line with Hangul or Han characters in it is never judged by case.
 */
function isHeading(line: string): boolean {
  if (endsLikeSentence(line) || /["“”'‘’]/.test(line) || /[,;:]$/.test(line)) return false;
  if (/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(line)) return false;
  const words = wordsOf(line);
  if (words.length === 0 || words.length > 6) return false;
  let cased = 0;
  for (const [index, word] of words.entries()) {
    const letters = word.replace(/[^\p{L}]/gu, '');
    if (letters === '' || !/[\p{Lu}\p{Ll}]/u.test(letters)) continue;
    cased++;
    if (/^\p{Lu}/u.test(letters)) continue;
    if (index > 0 && SMALL_WORDS.has(letters)) continue;
    return false;
  }
  return cased > 0;
}

/** A stray fragment: no letters or digits at all, or one or two of them alone ("s", "|"). */
function isFragment(line: string): boolean {
  return !/[\p{L}\p{N}]/u.test(line) || /^[\p{L}\p{N}]{1,2}$/u.test(line);
}

/** Longest line the shape rules look at. */
const MAX_SHORT_LINE = 300;

/** Why this single line is page furniture, or undefined when it may be news. */
export function lineDropReason(line: string): DropReason | undefined {
  if (isFragment(line)) return 'fragment';
  const folded = foldLine(line);
  const widget = widgetRuleFor(folded);
  if (widget) return widget.kind;
  if (isCopyright(folded)) return 'copyright';
  // Stamps, bylines, credits, menus and headings are all short; a long line is a paragraph.
  if (line.length > MAX_SHORT_LINE) return undefined;
  if (isStamp(folded)) return 'stamp';
  if (isByline(line)) return 'byline';
  if (isCredit(line, folded)) return 'credit';
  if (isMenu(line)) return 'menu';
  if (isHeading(line)) return 'heading';
  return undefined;
}
