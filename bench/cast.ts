/**
 * The invented world of the synthetic corpus: countries, organisations, people with
 * titles, and the story lines that tie them together. Every name is made up (built
 * from syllables) so the benchmark never leans on the seed articles' actors.
 */
import { Prng } from './prng';

export type CastActor = { name: string; kind: 'person' | 'organization' | 'country'; country?: string };

export type Person = CastActor & { kind: 'person'; title: string; surname: string };

export type StoryLine = {
  id: string;
  topic: string;
  /** Plural noun phrase used in filler ("shipbuilding talks"). */
  subject: string;
  countries: CastActor[];
  organisations: CastActor[];
  people: Person[];
  cities: string[];
  /** First and last publication day (inclusive) of articles in this story. */
  from: string;
  to: string;
};

const ONSETS = ['b', 'd', 'k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'st', 'tr', 'h', 'j', 'p', 'g'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'k', 'm', 'th'];

const TOPICS: readonly (readonly [string, string])[] = [
  ['shipbuilding', 'shipbuilding talks'],
  ['tariff', 'tariff negotiations'],
  ['border security', 'border security arrangements'],
  ['offshore wind', 'offshore wind projects'],
  ['semiconductor', 'chip supply discussions'],
  ['fisheries', 'fisheries quotas'],
  ['rail link', 'rail link plans'],
  ['vaccine', 'vaccine production deals'],
  ['satellite', 'satellite launch programmes'],
  ['water sharing', 'water sharing disputes'],
];

const PERSON_TITLES = [
  'President',
  'Prime Minister',
  'Foreign Minister',
  'Defense Minister',
  'Trade Minister',
  'Energy Secretary',
  'Central Bank Governor',
  'Ambassador',
];
const ORG_PATTERNS = ['{X} Shipping', '{X} Energy', 'the {X} Development Bank', 'the {X} Maritime Council', '{X} Industries'];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** An invented word of `syllables` syllables, e.g. "Travelin". */
export function inventWord(rng: Prng, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === syllables - 1 ? rng.pick(CODAS) : '');
  return capitalise(word);
}

/** A name not yet in `taken`, recorded there; invented names can collide, so retry. */
function uniqueName(rng: Prng, taken: Set<string>, make: () => string): string {
  for (;;) {
    const name = make();
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function addMonths(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const index = year * 12 + month - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Builds `count` story lines spread over 2023–2026, each with its own cast. */
export function buildStoryLines(rng: Prng, count: number): StoryLine[] {
  const taken = new Set<string>();
  const stories: StoryLine[] = [];
  for (let s = 0; s < count; s++) {
    const [topic, subject] = TOPICS[s % TOPICS.length] as readonly [string, string];
    const countries: CastActor[] = [0, 1].map(() => ({
      name: uniqueName(rng, taken, () => `${inventWord(rng, 2)}ia`),
      kind: 'country',
    }));
    const organisations: CastActor[] = [0, 1].map(() => ({
      name: uniqueName(rng, taken, () => rng.pick(ORG_PATTERNS).replace('{X}', inventWord(rng, 2))),
      kind: 'organization',
    }));
    const people: Person[] = rng.sample(PERSON_TITLES, 4).map((title, i) => {
      const surname = uniqueName(rng, taken, () => inventWord(rng, rng.int(1, 2)));
      const country = (countries[i % 2] as CastActor).name;
      return { name: `${inventWord(rng, 2)} ${surname}`, surname, title, kind: 'person', country };
    });
    const cities = [0, 1, 2].map(() => uniqueName(rng, taken, () => inventWord(rng, rng.int(2, 3))));
    const from = addMonths('2023-01-01', rng.int(0, 30));
    stories.push({
      id: `story-${s + 1}`,
      topic,
      subject,
      countries,
      organisations,
      people,
      cities,
      from,
      to: addMonths(from, 12),
    });
  }
  return stories;
}
