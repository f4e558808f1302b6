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
type KillUnicode = (text: string | undefined, world: { model: { one: { unicode?: Record<string, string> } } }) => string;
const methods = nlp.methods() as { one: { parseMatch: ParseMatch; bulkMatch: BulkMatch; killUnicode: KillUnicode } };
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

/*
 * compromise tags a document by "sweeping" it with ~1,000 match rules (the post-tagger, the
 * chunker). Its `bulkMatch` picks each sentence's candidate rules by walking all ~730 hook
 * words and tags of the rule net, concatenating the rule list of every hook the sentence has
 * (hundreds of rules under "#Noun" alone), dropping repeats, then the rules that need a word or
 * tag the sentence lacks: ~0.6 ms a document of the short clauses the compiler tags, 1.1 of
 * the 7.6 s that 400 generated articles took. `sweep` below files each rule once, under the
 * rarest hook it needs, so a sentence meets only rules it may match, and puts them in
 * compromise's order (tested against compromise's own in tests/compiler/nlp.test.ts): 0.3 s
 * for the same articles. It then runs them as compromise does.
 */

/** A rule of a match net, as compromise's `buildNet` leaves it. */
type NetRule = {
  match: string;
  needs: readonly string[];
  wants: readonly string[];
  minWant: number;
  minWords: number;
  ifNo?: readonly string[];
};
type Net = { hooks: Record<string, readonly NetRule[]>; always: readonly NetRule[] };
type Pointer = [number, number, number];
type BulkMatch = (document: unknown[][], net: Net, methods: SweepMethods, options?: { matchOne?: boolean }) => unknown[];
type SweepMethods = {
  one: {
    cacheDoc: (document: unknown[][]) => Set<string>[];
    match: (document: unknown[][], rule: NetRule) => { ptrs: Pointer[] };
  };
};

/** Where a rule sits in the net: under which hook, the hook's place in `Object.keys(hooks)`, and its own place in that hook's list. */
type Hooked = { key: string; place: number; at: number };
type IndexedRule = { rule: NetRule; id: number; hooks: Hooked[] };
/**
 * Per net: every rule filed under one of its needs, the one with the shortest list (a rule
 * needs them all), or, without needs, under each of its wants. compromise's buildNet keeps one
 * rule per match string, so a rule is known by its object.
 */
type NetIndex = { anchors: Map<string, IndexedRule[]>; seen: Uint32Array; epoch: number };
const netIndexes = new WeakMap<Net, NetIndex>();

function indexNet(net: Net): NetIndex {
  const rules = new Map<NetRule, IndexedRule>();
  for (const [place, key] of Object.keys(net.hooks).entries())
    for (const [at, rule] of (net.hooks[key] ?? []).entries()) {
      let indexed = rules.get(rule);
      if (indexed === undefined) rules.set(rule, (indexed = { rule, id: rules.size, hooks: [] }));
      indexed.hooks.push({ key, place, at });
    }
  const anchors = new Map<string, IndexedRule[]>();
  const size = (key: string) => net.hooks[key]?.length ?? Infinity;
  for (const indexed of rules.values()) {
    const { needs, wants } = indexed.rule;
    const rarest = needs.reduce<string | undefined>(
      (best, need) => (best === undefined || size(need) < size(best) ? need : best),
      undefined,
    );
    for (const key of rarest === undefined ? new Set(wants) : [rarest]) {
      const filed = anchors.get(key);
      if (filed) filed.push(indexed);
      else anchors.set(key, [indexed]);
    }
  }
  return { anchors, seen: new Uint32Array(rules.size), epoch: 0 };
}

/**
 * The rules worth trying on one sentence, in the order compromise's getHooks, localTrim and
 * tooSmall give them: a rule comes at the first of its hooks the sentence has, in the net's key
 * order, and at its place in that hook's list; rules that need nothing come last.
 */
function candidates(net: Net, index: NetIndex, has: Set<string>, termCount: number): NetRule[] {
  if (index.epoch === 0xffffffff) {
    index.seen.fill(0);
    index.epoch = 0;
  }
  const epoch = ++index.epoch;
  const chosen: { rule: NetRule; first: Hooked }[] = [];
  for (const key of has)
    for (const indexed of index.anchors.get(key) ?? []) {
      if (index.seen[indexed.id] === epoch) continue;
      index.seen[indexed.id] = epoch;
      const { rule } = indexed;
      if (termCount < rule.minWords || !rule.needs.every((need) => has.has(need))) continue;
      if (rule.ifNo !== undefined && rule.ifNo.some((no) => has.has(no))) continue;
      if (rule.wants.length > 0 && rule.wants.filter((want) => has.has(want)).length < rule.minWant) continue;
      chosen.push({ rule, first: indexed.hooks.find((hook) => has.has(hook.key)) as Hooked });
    }
  chosen.sort((a, b) => a.first.place - b.first.place || a.first.at - b.first.at);
  return [...chosen.map(({ rule }) => rule), ...net.always.filter((rule) => termCount >= rule.minWords)];
}

/** compromise's own `bulkMatch`, which the tests compare `sweep` with. */
export const compromiseSweep = methods.one.bulkMatch;

const sweep: BulkMatch = (document, net, own, options = {}) => {
  let index = netIndexes.get(net);
  if (index === undefined) netIndexes.set(net, (index = indexNet(net)));
  const caches = own.one.cacheDoc(document);
  const results: unknown[] = [];
  for (let n = 0; n < document.length; n++) {
    const sentence = document[n] as unknown[];
    for (const rule of candidates(net, index, caches[n] as Set<string>, sentence.length)) {
      const { ptrs } = own.one.match([sentence], rule);
      if (ptrs.length === 0) continue;
      for (const ptr of ptrs) {
        ptr[0] = n;
        results.push(Object.assign({}, rule, { pointer: ptr }));
      }
      if (options.matchOne === true) return [results[0]];
    }
  }
  return results;
};
methods.one.bulkMatch = sweep;

/*
 * compromise folds letters like "é" and "Ж" to ASCII with `killUnicode`, on every word it reads
 * and every pattern it matches: it splits the string into characters, looks each up, and joins
 * them again (~3% of compiling an article, in the profile). Nearly every such string has no
 * character to fold, so that is tested first with one regular expression of the characters the
 * table changes.
 */
export const compromiseKillUnicode = methods.one.killUnicode;
let folded: { table: Record<string, string>; changes: RegExp } | undefined;

methods.one.killUnicode = (text, world) => {
  const table = world.model.one.unicode ?? {};
  if (folded?.table !== table) {
    // compromise compares one UTF-16 unit at a time, so only keys of one unit can match.
    const units = Object.keys(table).filter((key) => key.length === 1 && table[key] !== key);
    const escaped = units.map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
    folded = { table, changes: new RegExp(`[${escaped.join('')}]`) };
  }
  const string = text || '';
  return folded.changes.test(string) ? compromiseKillUnicode(string, world) : string;
};

/** JSON options for offsets (and a verb's grammar) only, without each term's JSON; compromise's types do not know `terms: false`. */
export const OFFSETS_ONLY = { offset: true, terms: false, text: false } as { offset: true };

export { nlp };
