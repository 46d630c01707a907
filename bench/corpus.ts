/**
 * A deterministic synthetic corpus of the seed's genre, with a vocabulary
 * shaped like real news text, so index sizes and search costs measured on it
 * mean something:
 *
 * - layout: a lead-in naming a speaker, role and date; a quoted statement;
 *   "Comment:" paragraphs; a source line; a disclaimer (about 3.5 KB);
 * - words: function words and ~4,000 content words drawn with Zipf
 *   frequencies (a few words in most documents, most words in few), plus
 *   names, places and numbers of each document's own, so some words occur
 *   in one document only, as in real archives;
 * - speakers: ~1,500 people with Zipf popularity (a few quoted very often),
 *   over five years of dates; ~60 outlets in the source lines, also Zipf;
 * - quoted phrases: 0–3 per commentary, half of them words of the statement,
 *   half from 400 recurring framings with Zipf popularity.
 *
 * Document i depends only on (seed, i): the 1,000-document corpus is the
 * first 1,000 documents of the 10,000 one. The vocabulary follows the
 * generator of the Starlight baseline (../shared/peer-starlight), with the
 * rare words added.
 */

/** mulberry32: a small, fast, seedable PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mix the corpus seed with a stream number: each document gets its own stream. */
function streamSeed(seed: number, stream: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (stream + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

interface Rng {
  f: () => number;
  int: (lo: number, hi: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  chance: (p: number) => boolean;
}

function rng(seed: number): Rng {
  const f = mulberry32(seed);
  return {
    f,
    int: (lo, hi) => lo + Math.floor(f() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(f() * xs.length)]!,
    chance: (p) => f() < p,
  };
}

/** The corpus's function words (about 42% of its words); the benchmark's queries leave them out. */
export const FUNCTION_WORDS = (
  'the of and to in a is that for on with as by at from it this be are was not have has its their which will an or ' +
  'but all more they we our would been were also other such into than these those any can should must between over ' +
  'under against while after before during without within through about who whose what when where how so no only ' +
  'very most some each both many may might could every there here then now even still again further upon towards ' +
  'among because since however therefore thus yet nor whether though although'
).split(' ');

const TOPICAL_WORDS = [
  ...new Set(
    (
      'government minister ministry foreign affairs president spokesperson statement cooperation development security ' +
      'sovereignty territorial integrity peace stability region regional international global world nation national ' +
      'countries country people policy policies dialogue consultation partnership relations bilateral multilateral ' +
      'economic economy trade investment growth prosperity mutual benefit respect interests core principle principles ' +
      'position positions firmly oppose opposes opposition support supports supported interference internal unilateral ' +
      'sanctions pressure coercion hegemony hegemonic bullying confrontation cold war mentality bloc politics alliance ' +
      'alliances military exercises deployment missile defense nuclear weapons disarmament humanitarian assistance relief ' +
      'crisis conflict ceasefire negotiation negotiations settlement solution political diplomatic channels summit meeting ' +
      'meetings talks visit visited delegation leaders leader community shared future common destiny initiative ' +
      'initiatives infrastructure connectivity railway port corridor energy climate change emissions green transition ' +
      'technology innovation digital supply chain chains industrial manufacturing agriculture food grain poverty ' +
      'reduction health pandemic vaccine vaccines medical education culture cultural exchanges youth tourism media ' +
      'reports report journalists disinformation narrative narratives truth facts historical history colonial legacy ' +
      'independence justice fairness equality rights human law rule order charter united organization council resolution ' +
      'resolutions framework mechanism mechanisms platform agenda priority priorities commitment commitments ' +
      'responsibility responsible constructive role contribution contributions stance concern concerns serious grave ' +
      'strongly urges urge calls call upon demand stop immediately sincere friendly neighbors neighboring border maritime ' +
      'sea waters island islands navigation freedom provocation provocations escalation tension tensions risk risks ' +
      'threat threats stable healthy steady progress achievements milestone anniversary celebrate celebration agreement ' +
      'agreements treaty signed implementation implement practical results tangible outcomes win consensus reached ' +
      'opportunity opportunities challenges challenge era times modernization reform opening market markets open ' +
      'inclusive sustainable resilient secure prosperous harmonious protect safeguard uphold promote advance deepen ' +
      'strengthen expand enhance build jointly together hand hands side sides party parties relevant certain forces ' +
      'external outside meddling double standards hypocrisy lies smear campaign so-called democracy values ideology ' +
      'ideological western east west south north developing developed emerging economies majority voice representation ' +
      'governance multipolar multipolarity openness transparency accountability radar aircraft fighter fighters bomber ' +
      'bombers carrier airspace reconnaissance patrol coast guard vessel vessels drills strait incident'
    ).split(' '),
  ),
];

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cr',
  'dr',
  'fr',
  'gr',
  'pr',
  'tr',
  'st',
  'sl',
  'pl',
  'bl',
  'cl',
  'ch',
  'sh',
  'th',
  'qu',
  'sp',
  'sc',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ea', 'ou', 'io', 'ia', 'ee'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'nt', 'rk', 'ct', 'ns', 'rt'];
const SUFFIXES = ['', '', '', '', 'tion', 'ment', 'ity', 'ous', 'al', 'ive', 'ize', 'ing', 'ed', 'ness', 'ence', 'ance', 'ist', 'ic', 'ary', 'ly', 'er', 'ism'];

/** An English-looking made-up word of 1–3 syllables. */
function madeUpWord(r: Rng, suffix: boolean): string {
  const u = r.f();
  const n = u < 0.35 ? 1 : u < 0.82 ? 2 : 3;
  let w = '';
  for (let i = 0; i < n; i++) w += (i === 0 || r.chance(0.8) ? r.pick(ONSETS) : '') + r.pick(VOWELS) + (i === n - 1 || r.chance(0.15) ? r.pick(CODAS) : '');
  return suffix && r.chance(0.4) ? w + r.pick(SUFFIXES) : w;
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Shared by every document: the ranked content vocabulary, names, roles. */
const VOCAB = (() => {
  const r = rng(0x00ffffff);
  const reserved = new Set([...FUNCTION_WORDS, ...TOPICAL_WORDS]);
  const made: string[] = [];
  while (made.length < 3800) {
    const w = madeUpWord(r, true);
    if (w.length < 3 || w.length > 13 || reserved.has(w)) continue;
    reserved.add(w);
    made.push(w);
  }
  // Topical words towards the frequent end, made-up words interleaved, "hegemony" at rank 80.
  const topical = TOPICAL_WORDS.filter((w) => w !== 'hegemony');
  const content: string[] = [];
  let t = 0;
  let g = 0;
  while (t < topical.length || g < made.length) {
    const takeTopical = t < topical.length && (g >= made.length || r.chance(content.length < 600 ? 0.55 : 0.05));
    content.push(takeTopical ? topical[t++]! : made[g++]!);
  }
  content.splice(79, 0, 'hegemony');
  const names = new Set<string>();
  while (names.size < 1500) names.add(`${cap(madeUpWord(r, false))} ${cap(madeUpWord(r, false))}`);
  const countries = new Set<string>();
  while (countries.size < 48) countries.add(cap(madeUpWord(r, false) + r.pick(['ia', 'land', 'stan', 'ora', 'ania', 'esh', 'ica', 'ar', 'onia', 'ovia'])));
  return { content, speakers: [...names], countries: [...countries] };
})();

/** Zipf–Mandelbrot cumulative weights: p(rank r) ∝ 1 / (r + q)^s. */
function zipf(n: number, s: number, q = 0): Float64Array {
  const c = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) c[i] = acc += 1 / (i + 1 + q) ** s;
  for (let i = 0; i < n; i++) c[i]! /= acc;
  return c;
}
function sample(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/**
 * Recurring framings a commentary puts in quotation marks ("threat theory",
 * "military relaxation"): 400 phrases of two or three frequent content
 * words, quoted with Zipf popularity, so that some recur across many
 * documents and most across few; and ~60 outlets for the source lines.
 */
const { FRAMINGS, OUTLETS } = (() => {
  const r = rng(0x0badf00d);
  const framings = new Set<string>();
  while (framings.size < 400) framings.add(Array.from({ length: r.int(2, 3) }, () => VOCAB.content[r.int(0, 1999)]!).join(' '));
  const outlets = new Set<string>();
  while (outlets.size < 60)
    outlets.add(`${madeUpWord(r, false)}${r.pick(['news', 'daily', 'times', 'post', ''])}.${r.pick(['com', 'cn', 'org', 'net', 'com.cn'])}`);
  return { FRAMINGS: [...framings], OUTLETS: [...outlets] };
})();
const FRAMING_CDF = zipf(FRAMINGS.length, 1.0, 5);
const OUTLET_CDF = zipf(OUTLETS.length, 1.1, 1);

const CONTENT_CDF = zipf(VOCAB.content.length, 1.05, 40);
const FUNCTION_CDF = zipf(FUNCTION_WORDS.length, 0.9);
const SPEAKER_CDF = zipf(VOCAB.speakers.length, 1.0, 2);

const ROLES = [
  'Foreign Minister',
  'President',
  'Prime Minister',
  'Ambassador',
  'Deputy Foreign Minister',
  'Spokesperson of the Foreign Ministry',
  'Minister of Defense',
  'Vice President',
  'Permanent Representative',
  'Minister of Commerce',
  'Special Envoy',
  'Chancellor',
  'Secretary of State',
  'Consul General',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const VERBS = ['posted today', 'said today', 'wrote on social media', 'told reporters', 'stated at a press conference'];

/** One sentence of 5–34 words; `own` are the document's own names and numbers, used now and then. */
function sentence(r: Rng, own: readonly string[]): string {
  const len = r.chance(0.2) ? r.int(5, 11) : r.chance(0.15) ? r.int(24, 34) : r.int(12, 23);
  const words: string[] = [];
  for (let i = 0; i < len; i++) {
    let w = r.chance(0.42) ? FUNCTION_WORDS[sample(FUNCTION_CDF, r.f())]! : VOCAB.content[sample(CONTENT_CDF, r.f())]!;
    if (r.chance(0.015)) w = r.pick(VOCAB.countries);
    else if (own.length && r.chance(0.012)) w = r.pick(own);
    words.push(w);
  }
  for (let i = 2; i < words.length - 2; i++) if (r.chance(0.07)) words[i] += ',';
  words[0] = cap(words[0]!.replace(/,$/u, ''));
  return `${words.join(' ').replace(/,$/u, '')}${r.chance(0.06) ? '?' : r.chance(0.03) ? '!' : '.'}`;
}

const paragraph = (r: Rng, lo: number, hi: number, own: readonly string[]) => Array.from({ length: r.int(lo, hi) }, () => sentence(r, own)).join(' ');

/** One synthetic seed file: its name and text. */
export interface SyntheticSeed {
  name: string;
  text: string;
}

/** Document `i`: the same whatever the corpus size. */
function documentOf(i: number, seed: number): SyntheticSeed {
  const r = rng(streamSeed(seed, i));
  const speaker = VOCAB.speakers[sample(SPEAKER_CDF, r.f())]!;
  const role = r.pick(ROLES);
  const country = r.pick(VOCAB.countries);
  const month = r.int(0, 11);
  const day = r.int(1, 28);
  // Most lead-ins give the year; some, like the seed's, do not ("date unknown").
  const year = r.chance(0.85) ? `, ${2021 + r.int(0, 4)}` : '';
  // Names and numbers of this document's own: most occur in no other document.
  const own = [cap(madeUpWord(r, false)) + r.pick(['ville', 'burg', 'port', 'ford', 'shan', 'abad']), cap(madeUpWord(r, true)), String(r.int(12, 9800))];
  const statement = paragraph(r, 6, 12, own);
  const comments = Array.from({ length: r.int(3, 4) }, () => paragraph(r, 4, 7, own));
  // The commentary quotes a few phrases: words of the statement, or a recurring framing.
  const statementWords = statement.split(' ').map((w) => w.replace(/[,.?!]/gu, ''));
  for (let q = r.int(0, 3); q > 0; q--) {
    const at = r.int(0, statementWords.length - 4);
    const phrase = r.chance(0.5)
      ? statementWords
          .slice(at, at + r.int(2, 4))
          .join(' ')
          .toLowerCase()
      : FRAMINGS[sample(FRAMING_CDF, r.f())]!;
    const k = r.int(0, comments.length - 1);
    comments[k] =
      `${comments[k]} ${r.pick(['The so-called', 'Their talk of', 'This', 'Such'])} "${phrase}" ${sentence(r, own).replace(/^./u, (c) => c.toLowerCase())}`;
  }
  const outlet = OUTLETS[sample(OUTLET_CDF, r.f())]!;
  const text = [
    `${role} of ${country}, ${speaker}, ${r.pick(VERBS)} (${MONTHS[month]} ${day}${year}): "${statement}"`,
    `Comment: ${comments.join('\n\n')}`,
    `Original article: ${outlet}/article/${r.int(100000, 99999999)}/`,
    'Statement: This article represents the views of the author.',
  ].join('\n\n');
  return { name: `doc-${String(i).padStart(6, '0')}.txt`, text: `${text}\n` };
}

/** `n` seeds, deterministic for a given `seed`; documents 0…n-1 are the same for every n. */
export function syntheticCorpus(n: number, seed = 20251212): SyntheticSeed[] {
  return Array.from({ length: n }, (_, i) => documentOf(i, seed));
}
