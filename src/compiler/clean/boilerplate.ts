/**
 * Known page furniture that news sites hand a scraper along with the story: toolbars,
 * share/login/comment widgets, ads, newsletter and cookie prompts, wire names. Every
 * pattern matches a WHOLE line in its folded form (`foldLine`), never part of one, so a
 * sentence that merely mentions cookies or comments is left alone. Add a phrase here
 * only when a real page showed it; say which kind of page in the comment.
 */

/** A family of widget lines and the patterns that recognise it. */
export type WidgetRule = { kind: 'widget' | 'comments'; what: string; patterns: readonly RegExp[] };

/** Lower case, straight quotes, single spaces: the form the whole-line patterns expect. */
export function foldLine(line: string): string {
  // NFKC leaves ASCII as it is, and most lines are ASCII: skip the costly call for them.
  return (
    (/^[\x20-\x7e]*$/.test(line) ? line : line.normalize('NFKC'))
      .toLowerCase()
      .replace(/[‘’‛′]/g, "'")
      .replace(/[“”„″]/g, '"')
      // Only runs and odd white space: rewriting every single space costs more than all the rules.
      .replace(/\s{2,}|[^\S ]/g, ' ')
      .trim()
  );
}

export const WIDGET_RULES: readonly WidgetRule[] = [
  {
    kind: 'widget',
    what: 'toolbar buttons',
    // "print dictionary print" (Korea JoongAng Daily), "Share Tweet Email" (many US sites).
    patterns: [
      /^(?:(?:print|dictionary|e-?mail|share|tweet|copy|link|copied|font size|text size|listen|save|bookmark|a\+|a-)\s*)+$/,
      /^(?:(?:facebook|twitter|x|reddit|linkedin|whatsapp|telegram|kakao(?:talk)?|naver|line|threads|bluesky)\s*)+$/,
      /^share (?:this|the) (?:article|story|page|post)$/,
      /^share (?:on|via|to) (?:facebook|twitter|x|linkedin|whatsapp|kakao(?:talk)?|e-?mail|reddit)$/,
      /^[\w-]+ icon$/,
      /^help-image\b.*$/,
    ],
  },
  {
    kind: 'widget',
    what: 'related-links box',
    patterns: [
      /^(?:related|more on this story|more from [\w ]{1,30}|you may also like|recommended(?: stories)?|most (?:read|viewed|popular)|top stories|trending(?: now)?)$/,
      /^related (?:articles?|stories|coverage|content|news|links?)$/,
      // "Read more: <linked headline>" (BBC, Guardian), "Also read: …", "Related: …".
      /^(?:read more|also read|see also|read next|related)(?:\s*[:>|]|\s+[-–—]\s).{0,160}$/,
      /^read more$/,
      // Tag clouds: "Keywords #North Korea #missile" (Yonhap), a row of hashtags.
      /^(?:keywords?|tags?)\s*:?\s*#.{0,160}$/,
      /^(?:#[^\s#]+\s*)+$/,
    ],
  },
  {
    kind: 'widget',
    what: 'advertising and outlet footers',
    patterns: [
      /^(?:advertisement|advertising|ad|sponsored(?: content)?|paid content|promoted)$/,
      /^our standards: the thomson reuters trust principles\.?$/,
      /^(?:story continues below(?: advertisement)?|scroll to continue(?: with content)?|continue reading(?: below)?)$/,
    ],
  },
  {
    kind: 'widget',
    what: 'newsletter and app prompts',
    patterns: [
      /^(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|updates|alerts|inbox|briefing)s?\b.{0,40}$/,
      /^(?:sign up|subscribe(?: now)?|register|get the app|download (?:our|the) app)$/,
      /^follow (?:us|[\w ]{1,30}) on (?:twitter|x|facebook|instagram|threads|linkedin|youtube)\b.{0,40}$/,
    ],
  },
  {
    kind: 'widget',
    what: 'cookie banner',
    // "We use cookies to improve your experience. By continuing…" (most EU-facing sites).
    patterns: [
      /^(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b.*$/,
      /^(?:accept|reject|allow|manage|customi[sz]e)(?: all)?(?: cookies| cookie settings| settings)?$/,
      /^cookie (?:settings|policy|preferences|consent)$/,
    ],
  },
  {
    kind: 'widget',
    what: 'site navigation',
    patterns: [/^(?:skip to (?:main )?content|back to top|home|menu|search|close|next|previous|prev|more)$/],
  },
  {
    kind: 'comments',
    what: 'login and comment box',
    // The JoongAng Daily tail: "Log in to Twitter or Facebook account to connect", "with the
    // Korea JoongAng Daily", "To write comments, please log in…", "Standards Board Policy (0/250자)".
    patterns: [
      /^(?:log ?in|sign ?in) (?:to|with|via|using)\b.{0,80}\b(?:account|comment|comments|connect|continue|reply)\b.{0,20}$/,
      /^(?:log ?in|sign ?in|log ?out|sign ?out)$/,
      /^with the korea joongang daily$/,
      /^to (?:write|post|leave|view|read|see) (?:a )?comments?\b.{0,80}$/,
      /^(?:social )?comments?\??$/,
      /^\d+ comments?$/,
      /^(?:view|show|hide|load more|add a|post a|leave a) comments?$/,
      /^(?:comment|community|standards board) (?:policy|guidelines)\b.{0,20}$/,
      // A character counter such as "(0/250자)" or "0/500 characters".
      /^.{0,40}\(?\d+ ?\/ ?\d+ ?(?:자|characters?|chars?)\)?$/,
    ],
  },
];

/** Wire services and outlets whose name alone on a line is a credit, not news. */
export const WIRE_NAMES: readonly string[] = [
  'yonhap',
  'yonhap news agency',
  'ap',
  'associated press',
  'the associated press',
  'reuters',
  'afp',
  'agence france-presse',
  'xinhua',
  'kyodo',
  'kyodo news',
  'dpa',
  'efe',
  'ansa',
  'bloomberg',
  'upi',
  'pa',
  'pa media',
  'cnn',
  'bbc',
  'newsis',
  'news1',
  'korea joongang daily',
  'joongang ilbo',
  'getty images',
  'shutterstock',
  'epa',
  'epa-efe',
];

/** The widget rule a line belongs to, if any; `folded` is the line as `foldLine` returns it. */
export function widgetRuleFor(folded: string): WidgetRule | undefined {
  return WIDGET_RULES.find((rule) => rule.patterns.some((pattern) => pattern.test(folded)));
}
