/**
 * Synthetic corpus generator: N articles in the article format (front matter + body of
 * ~600 words) about invented story lines, each planting dated events and writing the
 * gold annotations beside it. Deterministic from a seed. As a script:
 * `npm run bench:corpus -- --n 1000 --seed 1` writes bench/.corpus/1000/{articles,gold}.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, type CalendarDate } from '../src/model/calendarDate';
import { buildStoryLines, type CastActor, type Person, type StoryLine } from './cast';
import { dateExpression, expressionOn, relativeToAnchor, type DateExpression, type DateKind } from './dateExpressions';
import { fillerSentence } from './filler';
import { Prng } from './prng';

/**
 * One planted event, in the gold format of DESIGN.md "Measuring quality", plus `happening`:
 * its date and headline, which name what it reports. Reports of a story's happenings share
 * them by design, but two events planted apart that happen to share them are one happening
 * as well: no reader could tell them apart.
 */
export type GoldEvent = {
  date: string;
  date_text: string;
  title: string;
  actors: string[];
  passage: string;
  status: 'occurred' | 'scheduled' | 'goal';
  happening: string;
};

/** Who takes part in a planted event, and where: drawn for each event, or fixed by its happening. */
type Cast = { a: Person; b: Person; org: CastActor; city: string };

/**
 * Something that happened in a story, which several articles report, each dating it from its
 * own publication day ("on Wednesday", "on Oct. 29"); `form` picks how it is told.
 */
export type Happening = { id: string; day: CalendarDate; form: number; cast: Cast };

/** Share of an article's planted events that report one of its story's happenings, when one is recent. */
const SHARED_SHARE = 0.3;
/** How far back an article reports a happening of its story. */
const SHARED_DAYS = 30;

export type GeneratedArticle = { fileName: string; content: string; gold: GoldEvent[] };

const PUBLISHERS = ['The Harbor Ledger', 'Meridian Wire', 'Northgate Times', 'The Coastal Courier', 'Eastbridge Daily'];
const OFFSETS = ['+09:00', '+00:00', '-05:00', '+01:00', '+05:30'];
const BOILERPLATE = ['Share this article', 'Related stories', 'Sign up for our morning newsletter', 'Advertisement'];
const KINDS: readonly DateKind[] = [
  'monthDay',
  'monthDay',
  'weekday',
  'weekday',
  'lastWeek',
  'nextWeek',
  'earlierThisMonth',
  'lastMonth',
  'earlierThisYear',
  'monthYear',
  'deadlineYear',
];

type Planted = { sentence: string; gold: GoldEvent };

function castOf(story: StoryLine, rng: Prng): Cast {
  const [a, b] = rng.sample(story.people, 2) as [Person, Person];
  return { a, b, org: rng.pick(story.organisations), city: rng.pick(story.cities) };
}

/** The happenings of a story, from a little before its first article to its last: one every one to four days. */
export function storyHappenings(story: StoryLine, rng: Prng): Happening[] {
  const happenings: Happening[] = [];
  for (let offset = -SHARED_DAYS; offset <= 364; offset += rng.int(1, 4))
    happenings.push({
      id: `${story.id}-${happenings.length + 1}`,
      day: addDays(story.from, offset),
      form: rng.int(0, 4),
      cast: castOf(story, rng),
    });
  return happenings;
}

/**
 * Writes one event sentence for `when`; the first mention of a person carries their title.
 * A report of `happening` tells it with the happening's cast and form.
 */
function eventSentence(
  story: StoryLine,
  when: DateExpression,
  rng: Prng,
  mention: (p: Person) => string,
  happening?: Happening,
): Planted {
  const { a, b, org, city } = happening?.cast ?? castOf(story, rng);
  const [c1, c2] = story.countries as [CastActor, CastActor];
  const status = when.tense === 'past' ? 'occurred' : when.tense === 'future' ? 'scheduled' : 'goal';
  const past = when.tense === 'past';
  const choices: (() => [string, string, CastActor[]])[] =
    when.tense === 'goal'
      ? [
          () => [
            `${mention(a)} vowed to complete the ${story.topic} project`,
            `${a.surname} vows to complete ${story.topic} project`,
            [a],
          ],
          () => [
            `${c1.name} pledged to double ${story.topic} output`,
            `${c1.name} pledges to double ${story.topic} output`,
            [c1],
          ],
        ]
      : [
          () => [
            `${mention(a)} ${past ? 'met' : 'will meet'} ${mention(b)} in ${city}`,
            `${a.surname}–${b.surname} meeting in ${city}`,
            [a, b],
          ],
          () => [`${mention(a)} ${past ? 'visited' : 'is scheduled to visit'} ${city}`, `${a.surname} visits ${city}`, [a]],
          () => [
            `${c1.name} and ${c2.name} ${past ? 'signed' : 'are set to sign'} a ${story.topic} agreement`,
            `${c1.name}–${c2.name} ${story.topic} agreement`,
            [c1, c2],
          ],
          () => [
            `${org.name} ${past ? 'announced' : 'will announce'} a new ${story.topic} plan`,
            `${org.name} ${story.topic} plan`,
            [org],
          ],
          () => [
            `lawmakers in ${c2.name} ${past ? 'approved' : 'are expected to vote on'} the ${story.topic} bill`,
            `${c2.name} ${story.topic} bill vote`,
            [c2],
          ],
        ];
  const [clause, title, actors] = (
    happening ? (choices[happening.form % choices.length] as (typeof choices)[number]) : rng.pick(choices)
  )();
  const upper = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const leading = when.text.startsWith('the ') || when.text.endsWith('later') || rng.chance(0.2);
  const dateText = leading ? upper(when.text) : when.text;
  const sentence = leading ? `${dateText}, ${clause}.` : `${upper(clause)} ${when.text}.`;
  return {
    sentence,
    gold: {
      date: when.edtf,
      date_text: dateText,
      title,
      actors: actors.map((x) => x.name),
      passage: sentence,
      status,
      happening: `${when.edtf} ${title}`,
    },
  };
}

/** A filler sentence not yet used in this article (a few tries, then whatever comes). */
function freshFiller(story: StoryLine, rng: Prng, used: Set<string>): string {
  let sentence = fillerSentence(story, rng);
  for (let tries = 0; tries < 5 && used.has(sentence); tries++) sentence = fillerSentence(story, rng);
  used.add(sentence);
  return sentence;
}

function frontMatter(title: string, published: string, publisher: string, url: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\npublished: ${published}\npublisher: ${publisher}\nurl: ${url}\n---\n`;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** A happening of the story in the month before `day` that the article has not reported yet, or none. */
function recentHappening(happenings: readonly Happening[], day: CalendarDate, told: ReadonlySet<string>, rng: Prng) {
  const from = addDays(day, -SHARED_DAYS);
  const recent = happenings.filter((h) => h.day >= from && h.day <= day && !told.has(h.id));
  return recent.length > 0 ? rng.pick(recent) : undefined;
}

/**
 * Generates article number `index` (0-based) of the corpus for `seed`; `happenings` holds each
 * story's (storyHappenings), in the order of `stories`.
 */
export function generateArticle(
  stories: readonly StoryLine[],
  happenings: readonly (readonly Happening[])[],
  index: number,
  seed: number,
): GeneratedArticle {
  // One stream per article: article i is the same whatever N is, so corpora of different sizes share a prefix.
  const rng = new Prng(seed * 1_000_003 + index);
  const story = stories[index % stories.length] as StoryLine;
  const ownHappenings = happenings[index % stories.length] ?? [];
  const told = new Set<string>();
  const day = addDays(story.from, rng.int(0, 364));
  const published = rng.chance(0.5)
    ? day
    : `${day}T${String(rng.int(6, 22)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}${rng.pick(OFFSETS)}`;
  const introduced = new Set<string>();
  const mention = (p: Person): string => (introduced.has(p.name) ? p.surname : (introduced.add(p.name), `${p.title} ${p.name}`));

  const used = new Set<string>();
  const planted: Planted[] = [];
  const paragraphs: string[] = [];
  const target = rng.int(560, 660);
  let words = 0;
  const eventCount = rng.int(5, 8);
  while (words < target || planted.length < eventCount) {
    const sentences: string[] = [];
    const fillers: string[] = [];
    // Spread events through the article rather than front-loading them.
    if (planted.length < eventCount && (rng.chance(0.45) || words > target * 0.6)) {
      const happening = rng.chance(SHARED_SHARE) ? recentHappening(ownHappenings, day, told, rng) : undefined;
      if (happening) told.add(happening.id);
      const when = happening ? expressionOn(happening.day, day, rng) : dateExpression(rng.pick(KINDS), day, rng);
      if (when) {
        const first = eventSentence(story, when, rng, mention, happening);
        planted.push(first);
        sentences.push(first.sentence);
        const follow =
          when.day !== undefined && when.tense === 'past' && rng.chance(0.4) ? relativeToAnchor(when.day, day, rng) : undefined;
        if (follow) {
          const second = eventSentence(story, follow, rng, mention);
          planted.push(second);
          sentences.push(second.sentence);
        }
      }
    }
    for (let i = rng.int(1, 3); i > 0; i--) fillers.push(freshFiller(story, rng, used));
    // Fillers go before or after the events, never between an anchor and "the following day".
    const paragraph = (rng.chance(0.5) ? [...sentences, ...fillers] : [...fillers, ...sentences]).join(' ');
    paragraphs.push(paragraph);
    words += wordCount(paragraph);
  }

  const lead = story.people[0] as Person;
  const title = `${lead.title} ${lead.surname} presses ${(story.countries[1] as CastActor).name} on ${story.subject}`;
  const publisher = rng.pick(PUBLISHERS);
  const slug = publisher
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
  const stem = `${day}-${story.id}-${String(index + 1).padStart(6, '0')}`;
  const url = `https://news.example/${slug}/${day.slice(0, 4)}/${stem}`;
  const boilerplate = rng.chance(0.5) ? `${rng.pick(BOILERPLATE)}\n\n` : '';
  const body = `${title}\n\n${boilerplate}${paragraphs.join('\n\n')}\n`;
  return {
    fileName: `${stem}.txt`,
    content: frontMatter(title, published, publisher, url) + body,
    gold: planted.map((p) => p.gold),
  };
}

/** Generates the whole corpus of `n` articles for `seed`. */
export function* generateCorpus(n: number, seed: number, storyCount = 8): Generator<GeneratedArticle> {
  const stories = buildStoryLines(new Prng(seed), storyCount);
  // A stream of their own, so the stories are the same as before happenings were planted.
  const happenings = stories.map((story, s) => storyHappenings(story, new Prng(seed * 7_919 + s + 1)));
  for (let i = 0; i < n; i++) yield generateArticle(stories, happenings, i, seed);
}

/** The generator's own source files: a corpus made by other ones is made again (corpusStamp). */
const GENERATOR_SOURCES = ['generate.ts', 'cast.ts', 'dateExpressions.ts', 'filler.ts', 'prng.ts'];

/** What a corpus of `n` articles for `seed` is made by: written beside it, and compared before it is reused. */
export async function corpusStamp(n: number, seed: number): Promise<string> {
  const hash = createHash('sha256');
  for (const name of GENERATOR_SOURCES) hash.update(await readFile(path.join(import.meta.dirname, name))).update('\0');
  return JSON.stringify({ n, seed, generator: hash.digest('hex').slice(0, 16) });
}

/** The stamp file of a corpus folder. */
export const CORPUS_STAMP = 'corpus.json';

/** Writes the corpus to `dir/articles/*.txt` and `dir/gold/*.json`, replacing what was there, and its stamp last. */
export async function writeCorpus(
  dir: string,
  n: number,
  seed: number,
): Promise<{ articles: number; events: number; bytes: number }> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await mkdir(path.join(dir, 'gold'), { recursive: true });
  let events = 0;
  let bytes = 0;
  for (const article of generateCorpus(n, seed)) {
    const stem = article.fileName.replace(/\.txt$/, '');
    await writeFile(path.join(dir, 'articles', article.fileName), article.content);
    await writeFile(path.join(dir, 'gold', `${stem}.json`), `${JSON.stringify(article.gold, null, 2)}\n`);
    events += article.gold.length;
    bytes += Buffer.byteLength(article.content);
  }
  await writeFile(path.join(dir, CORPUS_STAMP), `${await corpusStamp(n, seed)}\n`);
  return { articles: n, events, bytes };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { n: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
  });
  const n = Number(values.n);
  const seed = Number(values.seed);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--n: expected a positive integer, got ${JSON.stringify(values.n)}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed: expected an integer, got ${JSON.stringify(values.seed)}`);
  const dir = values.out ?? path.join('bench', '.corpus', String(n));
  const stats = await writeCorpus(dir, n, seed);
  process.stdout.write(
    `wrote ${stats.articles} articles (${(stats.bytes / 1e6).toFixed(1)} MB) with ${stats.events} gold events to ${dir}\n`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench:corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
