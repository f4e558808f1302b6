/**
 * The words just before a date that belong to it: a preposition ("on", "in", "since"),
 * an approximation ("around", "about", "roughly" → EDTF `~`) or a part of the period
 * ("early", "mid-", "late", "the end of"). They widen the quoted words and tune the rule
 * but never move the date: "late October" is still within October.
 */

export type LeadIn = {
  /** New start of the expression (local to the sentence). */
  start: number;
  approximate: boolean;
  /** "early", "mid", "late", "the end of" … when the words name a part of the period. */
  part?: string;
};

const LEAD =
  /\b(on|in|since|during|around|about|roughly|approximately|circa|early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+$/i;
const APPROXIMATE = new Set(['around', 'about', 'roughly', 'approximately', 'circa']);
const PREPOSITIONS = new Set(['on', 'in', 'since', 'during']);

/**
 * Extends an expression starting at `start` over the lead-in words before it; with
 * `prepositions` false, "in"/"on" stay outside ("in this year's talks" quotes "this year").
 */
export function leadIn(sentence: string, start: number, prepositions = true): LeadIn {
  let at = start;
  let approximate = false;
  let part: string | undefined;
  // At most three words: "in around mid-2020" is as long as news copy gets.
  for (let step = 0; step < 3; step += 1) {
    const match = LEAD.exec(sentence.slice(0, at));
    const word = match?.[1]?.toLowerCase();
    if (!match || word === undefined || (!prepositions && PREPOSITIONS.has(word))) break;
    if (APPROXIMATE.has(word)) approximate = true;
    else if (!PREPOSITIONS.has(word)) part ??= word;
    at = match.index;
  }
  return { start: at, approximate, ...(part === undefined ? {} : { part }) };
}
