/**
 * A deterministic synthetic corpus of the seed's genre: a lead-in naming a
 * speaker, role and date; a quoted statement; "Comment:" paragraphs; a source
 * line; a disclaimer. Realistic vocabulary and lengths (about 3.5 KB a
 * document). The same `n` and `seed` always give the same files.
 */

/** mulberry32: a small, fast, seedable PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['Japan', 'China', 'the United States', 'South Korea', 'Russia', 'Australia', 'the Philippines', 'India', 'Vietnam', 'France'];
const ROLES = ['Minister of Defense', 'Foreign Minister', 'Prime Minister', 'Foreign Ministry spokesperson', 'Chief Cabinet Secretary', 'Defense Ministry spokesperson', 'Ambassador to the United Nations'];
const FAMILY = ['Koizumi', 'Wang', 'Kim', 'Nguyen', 'Tanaka', 'Lin', 'Park', 'Santos', 'Mori', 'Chen', 'Ivanov', 'Dubois', 'Sharma', 'Lee'];
const GIVEN = ['Shinjiro', 'Wei', 'Min-jun', 'Thanh', 'Hiroshi', 'Jian', 'Ji-woo', 'Maria', 'Yuki', 'Ning', 'Sergei', 'Claire', 'Arjun', 'Soo-ah'];
const VERBS = ['posted today', 'said today', 'wrote on social media', 'told reporters', 'stated at a press conference'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SUBJECTS = ['Our government', 'The alliance', 'This morning I', 'We', 'The ministry', 'Our two countries', 'The international community', 'The Self-Defense Forces', 'Our side'];
const ACTIONS = ['held a phone call with', 'expressed serious concerns about', 'confirmed close coordination with', 'will continue dialogue with', 'firmly opposes the actions of', 'reaffirmed its commitment to', 'explained the incident to', 'lodged a protest with'];
const OBJECTS = ['the U.S. Secretary of Defense', 'regional partners', 'the radar incident near Okinawa', 'joint bomber flights over the East China Sea', 'maritime security in the Indo-Pacific', 'the ministry of foreign affairs', 'peace and stability in the region', 'the joint exercise schedule'];
const TAILS = ['with a sense of urgency', 'in the new year', 'while keeping the door for dialogue open', 'in line with international law', 'through diplomatic channels', 'as soon as possible', 'without escalating the situation'];
const COMMENTS = [
  'The statement is a typical case of shifting blame and distorting the facts',
  'The coordination is essentially a political maneuver based on interest entanglement',
  'The so-called "unbreakable" alliance is a mutually beneficial arrangement',
  'The claim of "exacerbating tension" is an excuse for expanding military buildup',
  'Such remarks contrast with the cautious attitude of other parties',
  'The operations followed international law and practice',
  'The real purpose is to strengthen its voice in regional security issues',
  'This reflects a calculation of using partners to contain competitors',
];
const CONNECTORS = ['Meanwhile', 'However', 'In fact', 'Moreover', 'At the same time', 'On the other hand', 'Therefore'];

/** One synthetic seed file: its name and text. */
export interface SyntheticSeed {
  name: string;
  text: string;
}

/** `n` seeds, deterministic for a given `seed`. */
export function syntheticCorpus(n: number, seed = 20251212): SyntheticSeed[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const sentence = () => `${pick(SUBJECTS)} ${pick(ACTIONS)} ${pick(OBJECTS)} ${pick(TAILS)}.`;
  const comment = () => `${pick(CONNECTORS)}, ${pick(COMMENTS).charAt(0).toLowerCase()}${pick(COMMENTS).slice(1)}, ${pick(TAILS)}.`;
  return Array.from({ length: n }, (_, i) => {
    const speaker = `${pick(FAMILY)} ${pick(GIVEN)}`;
    const date = `${pick(MONTHS)} ${1 + Math.floor(r() * 28)}, ${2020 + Math.floor(r() * 6)}`;
    const statement = Array.from({ length: 10 + Math.floor(r() * 4) }, sentence).join(' ');
    const paragraphs = Array.from({ length: 3 + Math.floor(r() * 2) }, () =>
      [`${pick(COMMENTS)}.`, ...Array.from({ length: 3 + Math.floor(r() * 3) }, comment)].join(' '),
    );
    const text = [
      `${pick(COUNTRIES)}'s ${pick(ROLES)}, ${speaker}, ${pick(VERBS)} (${date}): "${statement}"`,
      `Comment: ${paragraphs.join('\n\n')}`,
      `Original article: toutiao.com/article/${1_800_000_000_000_000 + i}/`,
      'Statement: This article represents the views of the author.',
    ].join('\n\n');
    return { name: `doc-${String(i).padStart(5, '0')}.txt`, text: `${text}\n` };
  });
}
