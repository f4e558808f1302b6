/**
 * compromise, set up once for the whole compiler; every module takes `nlp` from here.
 *
 * compromise parses the match patterns its own methods use (`verbs()`, its verb grammar,
 * `people()` …) from strings on every call: ~770 distinct patterns, parsed ~300 times per
 * article between them, a fifth to a third of each verb-group lookup. Patterns are
 * read-only once parsed (compromise itself accepts pre-parsed ones), so each is parsed
 * once per process here. Same output; a cold compile of 10,000 articles went from 178 to
 * 150 s on 2 threads (with OFFSETS_ONLY below).
 */
import nlp from 'compromise';

type ParseMatch = (input: unknown, options: unknown, world: unknown) => unknown;
const methods = nlp.methods() as { one: { parseMatch: ParseMatch } };
const parseMatch = methods.one.parseMatch;
const parsed = new Map<string, unknown>();
/** compromise's own patterns number ~770; a pattern made from text would not repeat. */
const PARSED_LIMIT = 4096;

/** Only a pattern given as a string, without options, is kept: options change the parse. */
methods.one.parseMatch = (input, options, world) => {
  const plain = options === undefined || (typeof options === 'object' && options !== null && Object.keys(options).length === 0);
  if (typeof input !== 'string' || !plain) return parseMatch(input, options, world);
  let regs = parsed.get(input);
  if (regs === undefined) {
    regs = parseMatch(input, options, world);
    if (parsed.size < PARSED_LIMIT) parsed.set(input, regs);
  }
  return regs;
};

/** JSON options for offsets (and a verb's grammar) only, without each term's JSON; compromise's types do not know `terms: false`. */
export const OFFSETS_ONLY = { offset: true, terms: false, text: false } as { offset: true };

export { nlp };
