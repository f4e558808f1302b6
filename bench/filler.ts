/**
 * Sentences that are not events, for the synthetic corpus: quotes, undated background,
 * habitual statements, durations and forecasts. Several mention dates or numbers on
 * purpose (ANNOTATION.md says "for 40 days" or an analyst's "next year" is no event), so
 * they test precision as the planted events test recall.
 */
import type { Person, StoryLine } from './cast';
import type { Prng } from './prng';

const QUOTES = [
  'We will not step back from what was agreed',
  'This is a practical step, not a symbolic one',
  'Our partners know exactly where we stand',
  'The details still need work, but the direction is clear',
  'Nobody should mistake patience for weakness',
  'Families in the region deserve certainty',
];
const VERBS = ['told reporters', 'said in a statement', 'wrote on social media', 'told lawmakers', 'said at a briefing'];
const GROUPS = ['environmental', 'business', 'labour', 'consumer', 'regional'];
const DURATIONS = ['for 40 days', 'over the past five decades', 'for nearly a decade', 'for three straight quarters'];

/** One sentence of background about `story` that plants no event. */
export function fillerSentence(story: StoryLine, rng: Prng): string {
  const person = rng.pick(story.people) as Person;
  const [c1, c2] = story.countries;
  const org = rng.pick(story.organisations).name;
  const city = rng.pick(story.cities);
  const n = rng.int(2, 90);
  const templates: (() => string)[] = [
    () => `"${rng.pick(QUOTES)}," ${person.surname} ${rng.pick(VERBS)}.`,
    () => `The ${story.subject} have been a source of friction between ${c1?.name} and ${c2?.name} ${rng.pick(DURATIONS)}.`,
    () => `${c1?.name} usually publishes its ${story.topic} figures a week ahead of such meetings.`,
    () => `Analysts said ${story.topic} prices could rise next year if the talks stall.`,
    () => `${org} employs about ${n},000 people, many of them in ${city}.`,
    () => `Critics argue that the ${story.topic} plan favours large companies over smaller suppliers.`,
    () => `Officials did not give further details about the schedule or the cost.`,
    () => `Trade between the two countries reached ${n} billion dollars, according to figures from ${org}.`,
    () => `${person.surname} has long argued for closer ties with ${c2?.name}, a position that has drawn criticism at home.`,
    () => `Several ${rng.pick(GROUPS)} groups have questioned whether the project can be finished on budget.`,
    () => `The port of ${city} handles roughly ${n} percent of the region's ${story.topic} traffic.`,
    () => `Observers say the outcome will depend largely on domestic politics in ${c2?.name}.`,
    () => `A spokesperson for ${org} declined to comment on the negotiations.`,
    () => `The government has faced growing pressure to show results on ${story.subject}.`,
    () => `Residents of ${city} have staged small protests near the site.`,
    () => `Engineers hope to finish the ${story.topic} works in ${rng.pick(['eight', 'five', 'three'])} years.`,
    () => `${person.title} ${person.surname} met ${c2?.name}'s envoys regularly, officials said.`,
  ];
  const sentence = rng.pick(templates)();
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
