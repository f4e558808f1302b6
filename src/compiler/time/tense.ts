/**
 * Tense of the clause around a time expression, from surface cues a linguist would
 * name: future and schedule markers ("will", "is set to", "plans to", "upcoming") and
 * past markers ("was", "-ed" verbs, irregular past forms). The cue nearest the
 * expression wins, so "during their summit on Wednesday, Lee asked …, saying it would"
 * reads as past, while "said it would rule by mid-December" reads as future (reported
 * speech looks forward from the time of saying). No cue at all is reported as such; callers pick the news default.
 */

export type Tense = 'past' | 'future' | 'none';

/** The tense and the words that decided it. */
export type TenseCue = { tense: Tense; cue?: string };

const FUTURE =
  /\b(?:will|won't|would|shall|must|should|(?:has|have|needs?)\s+to|(?:is|are|was|were|am|be|been)\s+(?:set|scheduled|slated|due|expected|poised|going|planning|preparing|to)(?:\s+to)?|plans?\s+to|planned\s+to|intends?\s+to|aims?\s+to|slated|upcoming|scheduled|forthcoming|to\s+be\s+held)\b|'ll\b/gi;

const IRREGULAR_PAST = [
  'said',
  'met',
  'held',
  'told',
  'went',
  'came',
  'took',
  'made',
  'gave',
  'saw',
  'left',
  'began',
  'won',
  'lost',
  'struck',
  'fell',
  'rose',
  'sold',
  'bought',
  'spoke',
  'wrote',
  'ran',
  'found',
  'sent',
  'led',
  'kept',
  'brought',
  'became',
  'broke',
  'chose',
  'flew',
  'got',
  'grew',
  'knew',
  'paid',
  'sat',
  'shook',
  'shot',
  'spent',
  'stood',
  'swore',
  'taught',
  'threw',
  'woke',
  'withdrew',
  'hit',
  'was',
  'were',
  'had',
  'did',
  'sank',
  'sought',
  'fought',
  'caught',
  'drew',
  'ate',
  'beat',
];

// Participles that news copy mostly uses as adjectives or names, not as past verbs.
const NOT_PAST = new Set(['armed', 'based', 'related', 'united', 'limited', 'advanced', 'detailed', 'red', 'bed', 'need']);

const PAST = new RegExp(`\\b(?:${IRREGULAR_PAST.join('|')}|[a-z]{2,}ed)\\b`, 'g');

type Cue = { tense: Tense; start: number; end: number; words: string };

// A trailing speech tag (", the judge ordered.", ", he said") dates the saying, not the
// reported clause: "must report by Jan. 8, the judge ordered" looks forward.
const ATTRIBUTION_TAG =
  /,\s*(?:[A-Za-z.'-]+\s+){0,4}(?:said|says|ordered|orders|told|added|announced|ruled|wrote|noted|stated|confirmed)\b[^,]{0,40}$/;

function attributionStart(sentence: string): number {
  const m = ATTRIBUTION_TAG.exec(sentence);
  return m ? m.index : Infinity;
}

function cuesIn(sentence: string): Cue[] {
  const cues: Cue[] = [];
  const future = new RegExp(FUTURE.source, FUTURE.flags);
  for (let m = future.exec(sentence); m; m = future.exec(sentence))
    cues.push({ tense: 'future', start: m.index, end: m.index + m[0].length, words: m[0] });
  const past = new RegExp(PAST.source, PAST.flags);
  for (let m = past.exec(sentence); m; m = past.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    if (NOT_PAST.has(m[0])) continue;
    // A participle after "be"/"is" is passive, not past: "will be held in March".
    if (/\b(?:be|being|is|are|am)\s+$/i.test(sentence.slice(0, start))) continue;
    // "scheduled", "expected" inside a future marker are not past cues.
    if (cues.some((cue) => cue.tense === 'future' && cue.start <= start && end <= cue.end)) continue;
    cues.push({ tense: 'past', start, end, words: m[0] });
  }
  return cues;
}

/** The tense of the clause around `sentence.slice(start, end)`, decided by the nearest cue outside it. */
export function tenseAround(sentence: string, start: number, end: number): TenseCue {
  let best: Cue | undefined;
  let bestDistance = Infinity;
  const all = cuesIn(sentence);
  const tag = start < attributionStart(sentence) ? attributionStart(sentence) : Infinity;
  const own = all.filter((cue) => cue.start < tag && !(cue.start < end && cue.end > start));
  // The speech tag decides only when the reported clause carries no cue of its own.
  const cues = own.length > 0 ? all.filter((cue) => cue.start < tag) : all;
  for (const cue of cues) {
    if (cue.start < end && cue.end > start) continue;
    const distance = cue.end <= start ? start - cue.end : cue.start - end;
    // Ties go to the future cue: "were set to hold talks" carries "were" inside it.
    if (distance < bestDistance || (distance === bestDistance && cue.tense === 'future')) {
      best = cue;
      bestDistance = distance;
    }
  }
  return best ? { tense: best.tense, cue: best.words } : { tense: 'none' };
}
