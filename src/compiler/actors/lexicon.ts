/**
 * Word knowledge for the actors stage: title words, organisation and place heads, words
 * that are never names, and a narrow typed window onto compromise's lexicon (country,
 * city, first-name and demonym tags). Everything here is a lookup; nothing reads text.
 */
import { nlp } from '../nlp';

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Capitalised words that introduce a person's name: "President", "Gen.", "Chairman". */
export const TITLE_WORDS = words(`
  president vice-president minister secretary secretary-general chairman chairwoman chair ceo cfo coo founder
  director ambassador governor mayor senator sen. rep. representative congressman congresswoman
  judge justice prosecutor chancellor premier king queen prince princess pope emperor
  mr. mrs. ms. dr. prof. professor gen. general adm. admiral lt. col. colonel maj. major capt. captain
  sgt. commander commissioner spokesman spokeswoman spokesperson envoy leader chief lawmaker
  coach manager striker midfielder defender goalkeeper forward
`);

/** Words that may open a title without being its head: "Deputy", "Prime", "Defense", "Foreign". */
export const TITLE_MODIFIERS = words(`
  vice deputy prime under acting former first interim foreign defense defence finance trade
  unification interior justice labor labour energy industry health education culture economy
  state war navy army air executive chief senior assistant associate general managing
`);

/** Lowercase role nouns that make the next capitalised run a person: "union leader Ana Ruiz". */
export const ROLE_WORDS = words(`
  leader president minister secretary chairman chairwoman chief ceo founder director spokesman
  spokeswoman spokesperson lawyer attorney judge prosecutor striker midfielder defender goalkeeper
  coach manager player analyst economist official envoy ambassador governor mayor lawmaker senator
  activist negotiator executive owner head
`);

/** Last words that make a name an organisation: "Hanwha Ocean", "Bank", "Ministry". */
export const ORG_HEADS = words(`
  ministry department agency office bureau administration commission committee council board
  court tribunal parliament assembly congress senate government cabinet police army navy
  corps command forces force guard party union federation association league club team fc
  united rovers wanderers hotspur albion
  company corp. corp co. co inc. inc ltd. ltd ltda. ltda llc plc ag gmbh group holdings industries industry
  electronics motors motor ocean airlines airline bank capital securities insurance energy
  mining steel chemical chemicals telecom technologies technology systems pharmaceuticals
  entertainment shipbuilding heavy works university college school institute academy
  foundation fund church organization organisation network times post journal news press
  exchange reserve service services authority
`);

/** First words that make "X of Y" an organisation: "Ministry of National Defense". */
export const ORG_OPENERS = words(`
  ministry department bank university office bureau board council court commission committee
  agency federation association league union institute academy church house chamber
  organization organisation republic kingdom
`);

/** Words that end organisation names of companies, for "the company" / "the firm". */
export const COMPANY_HEADS = words(`
  united rovers wanderers hotspur albion
  company corp. corp co. co inc. inc ltd. ltd ltda. ltda llc plc ag gmbh group holdings industries electronics motors
  ocean airlines bank securities insurance energy mining steel chemical telecom technologies
  systems pharmaceuticals entertainment shipbuilding
`);

/** Last words of club names, which stay distinctive on their own: "United" for Manchester United. */
export const CLUB_HEADS = words(`united rovers wanderers hotspur albion`);

/** Last words that make a name a place: "Korean Peninsula", "Atacama Desert". */
export const PLACE_HEADS = words(`
  city province prefecture county district region peninsula island islands river sea ocean strait
  bay gulf valley desert mountain mountains mount mt. lake coast area zone square street avenue
  airport port harbor harbour base
`);

/** Last words of names of happenings, documents and plans, which are not actors. */
export const NON_ACTOR_HEADS = words(`
  meeting summit conference talks forum games cup championship olympics festival exercise exercises
  agreement treaty act accord pact deal award prize war day week month year program programme plan
  initiative project policy strategy report index law bill resolution article comment comments
  standards policy
`);

/** Prepositions after which a place or country names where something happens. */
export const LOCATIVE_PREPOSITIONS = words(
  `in at inside near into to toward towards across throughout within outside around via off onto over`,
);

/** Nouns before "of X" that make X a location: "the southeastern city of Gyeongju". */
export const SPATIAL_NOUNS = words(`
  side city town village region province capital outskirts coast border area part heart centre
  center north south east west edge suburbs streets island port
`);

/** Verbs of speech and announcement whose subject acts. */
export const REPORTING_VERBS = words(`
  said says told announced stated added reported confirmed denied claimed warned urged vowed
  insisted argued noted agreed rejected approved voted filed signed
`);

/** Lower-case nouns after a name that make it an organisation: "the BHP unit", "Acme shares". */
export const ORG_FOLLOWERS = words(
  `unit subsidiary affiliate shares stock executives employees headquarters spokesman spokeswoman`,
);

/** Connecting words allowed inside a capitalised name: "Ministry of National Defense". */
export const NAME_CONNECTORS = words(`of for de del da do dos du van von der den la le y al bin`);

/** Capitalised words that begin sentences or headings but never names. */
export const NEVER_NAMES = words(`
  the a an this that these those it its he she they we i you his her their our my your
  but and or so yet if as when while after before since although though because until unless
  in on at of for to from with by about into over under upon during without within through
  meanwhile however also still then there here now today yesterday tomorrow both all each every
  some many most more several such other another no not one two three first last next
  mr mrs ms according related home photo file print published written copyright log help
  yes well even only just what which who whom whose where why how
`);

const MONTHS_AND_DAYS = words(`
  january february march april may june july august september october november december
  jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
  monday tuesday wednesday thursday friday saturday sunday
`);

// compromise's lexicon maps a lower-case word to a tag or list of tags. It is untyped in
// the package's declarations, so it is read once here, through this narrow boundary.
type LexiconModel = { one: { lexicon: Record<string, string | string[] | undefined> } };
const LEXICON = (nlp as unknown as { model: () => LexiconModel }).model().one.lexicon;

/** compromise's tags for one word or phrase (lower-cased), or none. */
export function lexiconTags(phrase: string): readonly string[] {
  const key = phrase.toLowerCase();
  // compromise's lexicon is a plain object: "constructor" or "__proto__" in an article
  // must not reach Object.prototype.
  if (!Object.hasOwn(LEXICON, key)) return [];
  const tags = LEXICON[key];
  return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags;
}

/** True for month and weekday names and their abbreviations. */
export function isMonthOrDay(word: string): boolean {
  return MONTHS_AND_DAYS.has(word.toLowerCase());
}

/** True for nationality adjectives such as "Korean", "Chinese", "Chilean". */
export function isDemonym(word: string): boolean {
  return lexiconTags(word).includes('Demonym');
}

/** True for a word that is only a title or a generic head: "Secretary", "Ministry", "Defense". */
export function isBareHead(word: string): boolean {
  return TITLE_WORDS.has(word) || TITLE_MODIFIERS.has(word) || ORG_HEADS.has(word) || PLACE_HEADS.has(word);
}
