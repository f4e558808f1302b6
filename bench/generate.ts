/**
 * Synthetic corpus generator: N articles in the article format (front matter + body of
 * ~600 words) about invented story lines, each planting dated events and writing the
 * gold annotations beside it. Deterministic from a seed. As a script:
 * `npm run bench:corpus -- --n 1000 --seed 1` writes bench/.corpus/1000/{articles,gold}.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '../src/model/calendarDate';
import { buildStoryLines, type CastActor, type Person, type StoryLine } from './cast';
import { dateExpression, relativeToAnchor, type DateExpression, type DateKind } from './dateExpressions';
import { fillerSentence } from './filler';
import { Prng } from './prng';

/** One planted event, in the gold format of DESIGN.md "Measuring quality". */
export type GoldEvent = {
  date: string;
  date_text: string;
  title: string;
  actors: string[];
  passage: string;
  status: 'occurred' | 'scheduled' | 'goal';
};

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

/** Writes one event sentence for `when`; the first mention of a person carries their title. */
function eventSentence(story: StoryLine, when: DateExpression, rng: Prng, mention: (p: Person) => string): Planted {
  const [a, b] = rng.sample(story.people, 2) as [Person, Person];
  const [c1, c2] = story.countries as [CastActor, CastActor];
  const org = rng.pick(story.organisations);
  const city = rng.pick(story.cities);
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
  const [clause, title, actors] = rng.pick(choices)();
  const upper = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const leading = when.text.startsWith('the ') || when.text.endsWith('later') || rng.chance(0.2);
  const dateText = leading ? upper(when.text) : when.text;
  const sentence = leading ? `${dateText}, ${clause}.` : `${upper(clause)} ${when.text}.`;
  return {
    sentence,
    gold: { date: when.edtf, date_text: dateText, title, actors: actors.map((x) => x.name), passage: sentence, status },
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

/** Generates article number `index` (0-based) of the corpus for `seed`. */
export function generateArticle(stories: readonly StoryLine[], index: number, seed: number): GeneratedArticle {
  // One stream per article: article i is the same whatever N is, so corpora of different sizes share a prefix.
  const rng = new Prng(seed * 1_000_003 + index);
  const story = stories[index % stories.length] as StoryLine;
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
      const when = dateExpression(rng.pick(KINDS), day, rng);
      if (when) {
        const first = eventSentence(story, when, rng, mention);
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
  for (let i = 0; i < n; i++) yield generateArticle(stories, i, seed);
}

/** Writes the corpus to `dir/articles/*.txt` and `dir/gold/*.json`, replacing what was there. */
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
