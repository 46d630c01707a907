/**
 * The benchmark's queries, chosen from the corpus itself so each stands for
 * what its name says at every corpus size: a common word (in about 35% of
 * documents), a mid-frequency word (about 1%), a rare word (one document),
 * a two-word phrase (adjacent in several documents, each word in 5–30% of
 * them), the phrases readers type with the commonest words in them: a
 * phrase of two words around a common function word ("door for dialogue")
 * and a two-word phrase whose second word is one ("sanctions with"), the
 * phrase of a mid-frequency word (in 1–5% of documents) and "the", "of",
 * "with" or "and" that the most documents hold (a reader's precise query
 * with the commonest words in it: "prond the"), and
 * the costliest word to search (not a function word: one of the genre's own,
 * "region" with the words it begins, in every part of the index).
 * Frequencies are counted over the passages search holds.
 */
import { annotate } from '../src/lib/notes/entry.ts';
import { parseSeed } from '../src/lib/seed/parse.ts';
import { searchDocument } from '../src/lib/search/bundles.ts';
import { FUNCTION_WORDS, type SyntheticSeed } from './corpus.ts';

/** A benchmark query and what it stands for. */
export interface BenchQuery {
  kind:
    | 'common word'
    | 'mid-frequency word'
    | 'rare word'
    | 'two-word phrase'
    | 'phrase with a function word'
    | 'phrase ending in a function word'
    | 'mid-frequency word and a function word'
    | 'commonest word';
  query: string;
  /** Share of documents whose passages hold it. */
  share: number;
}

const FUNCTION = new Set(FUNCTION_WORDS);
/** The commonest function words of the corpus (it draws them with Zipf frequencies, in this order). */
const COMMON_FUNCTION = new Set(FUNCTION_WORDS.slice(0, 12));
/** Documents the phrases with function words are chosen from (their shares are counted over all). */
const PHRASE_SAMPLE = 2000;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
const isContent = (w: string) => !FUNCTION.has(w) && w.length >= 4 && !/\d/u.test(w);
const passageWords = (s: SyntheticSeed, i: number) =>
  searchDocument(annotate(s.name, String(i), parseSeed(s.text), undefined)).passages.map((p) => words(p.text));

/** The phrases of a function word between two content words, and of a content word before one, most frequent first. */
function functionWordPhrases(seeds: readonly SyntheticSeed[]): { around: string | undefined; ending: string | undefined } {
  const around = new Map<string, number>();
  const ending = new Map<string, number>();
  seeds.slice(0, PHRASE_SAMPLE).forEach((s, i) => {
    for (const ws of passageWords(s, i)) {
      ws.forEach((w, k) => {
        if (!COMMON_FUNCTION.has(w) || k === 0 || !isContent(ws[k - 1]!)) return;
        ending.set(`${ws[k - 1]} ${w}`, (ending.get(`${ws[k - 1]} ${w}`) ?? 0) + 1);
        if (k + 1 < ws.length && isContent(ws[k + 1]!)) around.set(`${ws[k - 1]} ${w} ${ws[k + 1]}`, (around.get(`${ws[k - 1]} ${w} ${ws[k + 1]}`) ?? 0) + 1);
      });
    }
  });
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { around: top(around), ending: top(ending) };
}

/** Pick the queries from a corpus. */
export function benchQueries(seeds: readonly SyntheticSeed[]): BenchQuery[] {
  const n = seeds.length;
  const df = new Map<string, number>();
  const places = new Map<string, number>();
  const bigrams = new Map<string, number>();
  const ownWords: string[][] = [];
  const phrases = functionWordPhrases(seeds);
  const phraseDocs = { around: 0, ending: 0 };
  seeds.forEach((s, i) => {
    const doc = searchDocument(annotate(s.name, String(i), parseSeed(s.text), undefined));
    const seen = new Set<string>();
    const pairs = new Set<string>();
    const found = { around: false, ending: false };
    for (const p of doc.passages) {
      const ws = words(p.text);
      ws.forEach((w, k) => {
        seen.add(w);
        places.set(w, (places.get(w) ?? 0) + 1);
        if (k > 0) pairs.add(`${ws[k - 1]} ${w}`);
      });
      const joined = ` ${ws.join(' ')} `;
      for (const key of ['around', 'ending'] as const) if (phrases[key] && joined.includes(` ${phrases[key]} `)) found[key] = true;
    }
    for (const key of ['around', 'ending'] as const) if (found[key]) phraseDocs[key]++;
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
    for (const b of pairs) bigrams.set(b, (bigrams.get(b) ?? 0) + 1);
    // Capitalized words inside sentences (names, places): candidates for the rare word.
    ownWords.push(doc.passages.flatMap((p) => (p.text.match(/(?<=[a-z,] )[A-Z][a-z]{5,}\b/gu) ?? []).map((w) => w.toLowerCase())));
  });
  const content = [...df].filter(([w]) => !FUNCTION.has(w) && w.length >= 5 && !/\d/u.test(w));
  const closest = (share: number) => content.reduce((best, cur) => (Math.abs(cur[1] / n - share) < Math.abs(best[1] / n - share) ? cur : best));
  const common = closest(0.35);
  // The costliest to search: the most places, counting the words it begins, which Pagefind matches too ("region" →
  // "regional"), among the 200 words with the most places of their own.
  const byPlaces = content.map(([w]) => [w, places.get(w) ?? 0] as const).sort((a, b) => b[1] - a[1]);
  const reach = (w: string) => byPlaces.reduce((sum, [v, c]) => (v.startsWith(w) ? sum + c : sum), 0);
  const [commonest] = byPlaces
    .slice(0, 200)
    .map(([w]) => [w, reach(w)] as const)
    .reduce((best, cur) => (cur[1] > best[1] ? cur : best));
  const mid = closest(0.01);
  // A word of one document only, from the middle of the corpus outwards.
  const middle = Math.floor(n / 2);
  const order = Array.from({ length: n }, (_, k) => (k % 2 ? middle + (k + 1) / 2 : middle - k / 2)).filter((k) => k >= 0 && k < n);
  const rare = order.map((k) => ownWords[k]!.find((w) => df.get(w) === 1)).find(Boolean) ?? content.find(([, c]) => c === 1)?.[0] ?? mid[0];
  const share = (w: string) => (df.get(w) ?? 0) / n;
  const phrase = [...bigrams]
    .filter(([b, c]) => c >= 2 && b.split(' ').every((w) => !FUNCTION.has(w) && w.length >= 4 && share(w) >= 0.05 && share(w) <= 0.3))
    .sort((a, b) => b[1] - a[1])[0];
  const [pw, pc] = phrase ?? [`${common[0]} ${mid[0]}`, 0];
  const midThen = [...bigrams]
    .filter(([b]) => {
      const [w, f] = b.split(' ') as [string, string];
      return ['the', 'of', 'with', 'and'].includes(f) && isContent(w) && share(w) >= 0.01 && share(w) <= 0.05;
    })
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return [
    { kind: 'common word', query: common[0], share: common[1] / n },
    { kind: 'mid-frequency word', query: mid[0], share: mid[1] / n },
    { kind: 'rare word', query: rare, share: share(rare) },
    { kind: 'two-word phrase', query: `"${pw}"`, share: pc / n },
    ...(phrases.around ? [{ kind: 'phrase with a function word' as const, query: `"${phrases.around}"`, share: phraseDocs.around / n }] : []),
    ...(phrases.ending ? [{ kind: 'phrase ending in a function word' as const, query: `"${phrases.ending}"`, share: phraseDocs.ending / n }] : []),
    // Last, so that the other queries keep the second queries they had before they were measured.
    { kind: 'commonest word', query: commonest, share: share(commonest) },
    ...(midThen ? [{ kind: 'mid-frequency word and a function word' as const, query: `"${midThen[0]}"`, share: midThen[1] / n }] : []),
  ];
}
