/**
 * From a Pagefind result (a bundle page of the index, see bundles.ts)
 * back to passages: split the bundle's words at its anchors, keep the
 * passages holding matched words, give each the excerpt around its matches
 * and a link to its best sentence, and rank them. Pure, so the browser's
 * search UI only fetches and draws.
 *
 * Excerpts are cut from the indexed text itself, so they show the seed's
 * words (white space aside) and nothing else.
 */
import { idLabel, VOICE_LIST, VOICES, type Voice } from '../seed/document.ts';
import { writtenWithoutSpaces } from '../seed/language.ts';
import type { AnchorData } from './bundles.ts';
import { speakerKey } from '../notes/speakers.ts';
import { STOPWORDS } from '../notes/trace.ts';
import { beginsWithStem, type UnplacedTerm } from './query.ts';

/** The parts of a loaded Pagefind fragment this module reads. */
export interface BundleFragment {
  /** The bundle's address in the index (`/_search/en-3/`), named in errors. */
  url?: string;
  /** The page's text, Chinese/Japanese word breaks (U+200B) removed, markup-free. */
  content: string;
  /** The same text with `<` and `>` escaped and U+200B word breaks kept. */
  raw_content?: string;
  anchors: { id: string; title?: string; location: number }[];
  filters?: Record<string, string[]>;
  /** Matched words: their word index in the page and Pagefind's score for each. */
  weighted_locations?: { location: number; balanced_score: number }[];
}

/** A run of excerpt text, marked when it is a matched word. */
export interface Run {
  text: string;
  marked: boolean;
}

/** One passage found. */
export interface PassageHit {
  slug: string;
  /** The document's title. */
  title: string;
  speaker?: string | undefined;
  voice: Voice;
  /** Paragraph id, `c2`. */
  paragraph: string;
  /** Where a result links in the reading page: the best sentence (`c2.1`), else the paragraph. */
  anchor: string;
  excerpt: Run[];
  /** The matched words, lowercased, as they appear in the passage. */
  matched: string[];
  /** How many of the query's terms the passage holds. */
  coverage: number;
  /** Pagefind's scores of its matched words, summed. */
  score: number;
  /** Rank of its bundle among the results (0 = best). */
  bundleRank: number;
}

/** Only passages with these (unset: any). */
export interface PassageFilter {
  speaker?: string | undefined;
  /** A document's slug or title. */
  document?: string | undefined;
}

const WORD_BREAK = /[^\S\uFEFF]+/u;
/** Words an excerpt shows around its matches. */
export const EXCERPT_WORDS = 28;

/**
 * The words of a fragment as Pagefind numbers them: split at U+200B when the
 * page was segmented (Chinese, Japanese), else at white space. Each word is
 * unescaped by walking the unescaped `content` alongside, so a literal
 * `&lt;` in the seed stays `&lt;`.
 */
export function fragmentWords(f: Pick<BundleFragment, 'content' | 'raw_content'>): { words: string[]; joiner: string } {
  const raw = f.raw_content ?? f.content;
  if (!raw.includes('\u200B')) return { words: f.content.split(WORD_BREAK), joiner: ' ' };
  const words: string[] = [];
  let at = 0;
  for (const escaped of raw.split('\u200B')) {
    let word = '';
    for (let i = 0; i < escaped.length;) {
      const entity = escaped.startsWith('&lt;', i) && f.content[at] === '<' ? 4 : escaped.startsWith('&gt;', i) && f.content[at] === '>' ? 4 : 1;
      word += f.content[at] ?? '';
      at++;
      i += entity;
    }
    words.push(word);
  }
  return { words, joiner: '' };
}

/** A word as its leading punctuation, itself, and its trailing punctuation: Pagefind matches `airspace,`, a mark is on `airspace`. */
const punctuated = (word: string) => /^([\p{P}\p{S}\s]*)(.*?)([\p{P}\p{S}\s]*)$/su.exec(word)!.slice(1) as [string, string, string];
/** A word without its leading and trailing punctuation, lowercased. */
const bare = (word: string) => punctuated(word)[1].toLowerCase();

/**
 * Whether a matched word stands for a query term: the same word, an
 * extension of it ("radar" → "radars"), or the same stem ("tensions" ~
 * "tension"), as Pagefind's stemming and prefix search match them.
 */
export function wordMatchesTerm(word: string, term: string): boolean {
  const w = bare(word);
  if (!w || !term) return false;
  if (writtenWithoutSpaces(term) || writtenWithoutSpaces(w)) return term.includes(w) || w.includes(term);
  if (w.startsWith(term) || term.startsWith(w)) return true;
  let common = 0;
  while (common < w.length && common < term.length && w[common] === term[common]) common++;
  return common >= 4 && common >= Math.min(w.length, term.length) - 3;
}

/**
 * A loaded bundle this module cannot read: the index is not what this code
 * wrote (another version of the site, or of Pagefind). Raised, never
 * skipped, so that a format change shows as an error, not as no results.
 */
export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

/** The passage data an anchor's title carries (see bundles.ts). */
function parseAnchor(anchor: { id: string; title?: string }, url: string): AnchorData {
  let data: unknown;
  try {
    data = JSON.parse(anchor.title ?? '');
  } catch {
    throw new IndexFormatError(`${url}: anchor ${anchor.id} carries no passage data (${JSON.stringify(anchor.title ?? null).slice(0, 80)})`);
  }
  const d = data as Partial<AnchorData> | null;
  if (typeof d?.p !== 'string' || !Array.isArray(d.o) || !d.o.every((n) => typeof n === 'number')) {
    throw new IndexFormatError(`${url}: anchor ${anchor.id} has no paragraph id and sentence starts`);
  }
  return d as AnchorData;
}

/**
 * Whether a bundle holds one document's passages only: an index of up to 1,000 documents has a bundle for each
 * voice of each document (bundles.ts), a few KB each; a larger one gathers many documents in each.
 */
export function holdsOneDocument(fragment: BundleFragment): boolean {
  const where = fragment.url ?? 'a search result';
  return fragment.anchors.filter((a) => parseAnchor(a, where).d !== undefined).length <= 1;
}

/** The window of `size` words (within `[from, to)`) holding the most score. */
function excerptStart(scores: Map<number, number>, from: number, to: number, size: number): number {
  if (to - from <= size) return from;
  let best = from;
  let bestSum = -1;
  for (let s = from; s + size <= to; s++) {
    let sum = 0;
    for (const [loc, v] of scores) if (loc >= s && loc < s + size) sum += v;
    if (sum > bestSum) {
      bestSum = sum;
      best = s;
    }
  }
  // Start a few words before the window's first match, for context.
  const first = Math.min(...[...scores.keys()].filter((loc) => loc >= best && loc < best + size));
  return Number.isFinite(first) ? Math.max(from, Math.min(first - 4, to - size)) : best;
}

/**
 * Where `phrase` (lowercased words, see query.ts) stands in `words[from, to)`:
 * the first word of each place, as an offset from `from`. A function word
 * must be that word; another as Pagefind matches it (its stem, or a word it
 * begins).
 */
export function phrasePlaces(words: readonly string[], from: number, to: number, phrase: readonly string[]): number[] {
  const places: number[] = [];
  for (let s = from; s + phrase.length <= to; s++) {
    if (phrase.every((p, k) => (STOPWORDS.has(p) ? bare(words[s + k] ?? '') === p : wordMatchesTerm(words[s + k] ?? '', p)))) places.push(s - from);
  }
  return places;
}

/** The score of a place of a capped word found in the text: below any place Pagefind scores, so it only breaks ties. */
export const TEXT_PLACE_SCORE = 0.001;

/**
 * Whether a word of a passage is one a term that reaches capped words
 * matches: a word it begins, or one a capped word it reaches begins (the
 * word's stem is then that capped word or extends it, as Pagefind matches).
 */
export function matchesUnplaced(word: string, { term, capped }: UnplacedTerm): boolean {
  const w = bare(word);
  if (!w) return false;
  return w.startsWith(term) || capped.some((c) => beginsWithStem(w, c));
}

/**
 * The places of a bundle's words with Pagefind's scores, and, for each term
 * that reaches capped words and for which Pagefind gave no place in this
 * bundle, its places found in the text (see query.ts).
 */
function placeScores(fragment: BundleFragment, words: readonly string[], unplaced: readonly UnplacedTerm[]): Map<number, number> {
  const scores = new Map<number, number>();
  for (const l of fragment.weighted_locations ?? []) scores.set(l.location, (scores.get(l.location) ?? 0) + l.balanced_score);
  const located = [...scores.keys()];
  for (const u of unplaced) {
    if (located.some((loc) => wordMatchesTerm(words[loc] ?? '', u.term))) continue;
    words.forEach((w, loc) => {
      if (matchesUnplaced(w, u)) scores.set(loc, (scores.get(loc) ?? 0) + TEXT_PLACE_SCORE);
    });
  }
  return scores;
}

/**
 * The passages of one loaded bundle that hold matched words (or, for a
 * search by filters alone, every passage), with excerpts, links and scores;
 * for a `phrase` (a quoted phrase with function words or capped words, which
 * Pagefind was asked without the one or by the aliases of the other), only
 * those where it stands whole, marked whole. The places of `unplaced` terms
 * (capped words: see query.ts) are found in the text where Pagefind gave none.
 * A bundle it cannot read throws an {@link IndexFormatError}.
 */
export function passagesOf(
  fragment: BundleFragment,
  terms: readonly string[],
  bundleRank: number,
  filter: PassageFilter = {},
  phrase?: readonly string[],
  unplaced: readonly UnplacedTerm[] = [],
): PassageHit[] {
  const { words, joiner } = fragmentWords(fragment);
  const where = fragment.url ?? 'a search result';
  const voiceLabel = fragment.filters?.voice?.[0];
  const voice = VOICE_LIST.find((v) => VOICES[v] === voiceLabel);
  if (!voice) throw new IndexFormatError(`${where}: no voice filter (${JSON.stringify(voiceLabel ?? null)})`);
  const scores = placeScores(fragment, words, unplaced);
  const filterOnly = terms.length === 0;
  const anchors = [...fragment.anchors].sort((a, b) => a.location - b.location);
  const hits: PassageHit[] = [];
  let doc: { slug: string; title: string; speaker?: string; keys: string[] } | undefined;
  const speaker = filter.speaker === undefined ? undefined : speakerKey(filter.speaker);
  if (!anchors.length && words.length) throw new IndexFormatError(`${where}: no passage anchors`);
  anchors.forEach((anchor, i) => {
    const data = parseAnchor(anchor, where);
    if (data.d !== undefined)
      doc = { slug: data.d, title: data.t ?? data.d, ...(data.s ? { speaker: data.s } : {}), keys: data.s ? [speakerKey(data.s), ...(data.k ?? [])] : [] };
    if (!doc) throw new IndexFormatError(`${where}: passage ${data.p} comes before any document`);
    if (speaker !== undefined && !doc.keys.includes(speaker)) return;
    if (filter.document !== undefined && doc.slug !== filter.document && doc.title !== filter.document) return;
    const from = anchor.location;
    const to = anchors[i + 1]?.location ?? words.length;
    const located = [...scores].filter(([loc]) => loc >= from && loc < to);
    if (!located.length && !filterOnly) return;
    // The passage's text as Pagefind holds it, and where each word starts in it.
    const starts: number[] = [];
    let text = '';
    for (let w = from; w < to; w++) {
      if (w > from) text += joiner;
      starts.push(text.length);
      text += words[w] ?? '';
    }
    // The words to mark, with their weight for choosing the excerpt: a phrase's every word, else Pagefind's matches.
    const places = phrase ? phrasePlaces(words, from, to, phrase) : [];
    if (phrase && !places.length) return;
    const weights = phrase ? new Map(places.flatMap((p) => phrase.map((_, k) => [p + k, 1] as const))) : new Map(located.map(([loc, v]) => [loc - from, v]));
    const matchedIdx = new Set(weights.keys());
    // Function words are marked in a phrase, but never stand for the query elsewhere (the landing marks these words).
    const matched = [...new Set([...matchedIdx].map((k) => bare(words[from + k] ?? '')).filter((w) => w && !STOPWORDS.has(w)))];
    const coverage = terms.filter((t) => matched.some((m) => wordMatchesTerm(m, t))).length;
    const begin = excerptStart(weights, 0, to - from, EXCERPT_WORDS);
    const end = Math.min(to - from, begin + EXCERPT_WORDS);
    const excerpt: Run[] = [];
    if (begin > 0) excerpt.push({ text: '… ', marked: false });
    for (let k = begin; k < end; k++) {
      const word = words[from + k] ?? '';
      if (k > begin && joiner) excerpt.push({ text: joiner, marked: false });
      if (matchedIdx.has(k)) {
        const [lead, core, trail] = punctuated(word);
        excerpt.push({ text: lead, marked: false }, { text: core, marked: true }, { text: trail, marked: false });
      } else excerpt.push({ text: word, marked: false });
    }
    if (end < to - from) excerpt.push({ text: ' …', marked: false });
    const sentence = bestSentence(data, text, starts, matchedIdx);
    hits.push({
      slug: doc.slug,
      title: doc.title,
      speaker: doc.speaker,
      voice,
      paragraph: data.p,
      anchor: sentence ?? data.p,
      excerpt: joinRuns(excerpt),
      matched,
      coverage,
      score: located.reduce((a, [, v]) => a + v, 0),
      bundleRank,
    });
  });
  return hits;
}

/** The id of the sentence holding the most matched words (`c2.1`), if any word matched. */
function bestSentence(data: AnchorData, text: string, wordStarts: readonly number[], matched: ReadonlySet<number>): string | undefined {
  if (!matched.size || !data.o.length) return undefined;
  const counts = data.o.map(() => 0);
  for (const k of matched) {
    const offset = wordStarts[k] ?? 0;
    let s = 0;
    while (s + 1 < data.o.length && data.o[s + 1]! <= offset) s++;
    counts[s]!++;
  }
  let best = 0;
  counts.forEach((c, i) => {
    if (c > counts[best]!) best = i;
  });
  return text.length ? (data.i?.[best] ?? `${data.p}.${best + 1}`) : undefined;
}

function joinRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const last = out.at(-1);
    if (last && last.marked === r.marked) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/**
 * Order passages: those holding more of the query's terms first, then by
 * Pagefind's scores of their words, then by their bundle's rank, then in
 * reading order (which `Array.prototype.sort` keeps for ties).
 */
export function rankPassages(hits: readonly PassageHit[]): PassageHit[] {
  return [...hits].sort((a, b) => b.coverage - a.coverage || b.score - a.score || a.bundleRank - b.bundleRank);
}

/** A result's heading: `<document title> · Commentary C2`. */
export function passageLabel(hit: Pick<PassageHit, 'title' | 'voice' | 'paragraph'>): string {
  return `${hit.title} · ${VOICES[hit.voice]} ${idLabel(hit.paragraph)}`;
}
