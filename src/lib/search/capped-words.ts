/**
 * Capped words. Pagefind keeps every place of a word in one index entry, and
 * a search for the word downloads it whole: at 100,000 documents "region",
 * in every Pagefind page, has an entry of 317 KB, most of a search's budget,
 * though a one-word search needs only which pages hold it (the places it then
 * marks are found in the loaded passages' text, src/lib/search/results.ts).
 * So the merger gives such a word, under its own key, its pages with no
 * places (a few bytes a page); and its places under aliases, one for each
 * range of pages (`~0~region`: the first pages, `~1~region`: the next, …),
 * which a quoted phrase asks for one range at a time (src/lib/search/query.ts),
 * so that a phrase found in the first range never downloads the others. The
 * browser learns which words are capped, and how many ranges there are, from
 * `capped.json` beside the index ({@link CappedList}).
 */
import { compareWords } from './index-merge.ts';
import type { PageEntry, WordEntry } from './pagefind-format.ts';

/**
 * What begins an alias. `~` is never part of a word Pagefind indexes (it
 * keeps letters and digits, and emoji), so an alias is never a word of the
 * text; and Pagefind's runtime keeps it in a query (it drops only
 * punctuation: `~` is a symbol). The range comes first, so that Pagefind's
 * stemming of the word ("~0~talks" → "~0~talk") still applies at its end.
 */
export const ALIAS_PREFIX = '~';
/** The list of capped words beside an index's entry file. */
export const CAPPED_FILE = 'capped.json';
/** The most ranges a capped word's places are split in (a range is named by one base-36 digit). */
export const MAX_RANGES = 36;

/** What `capped.json` holds. */
export interface CappedList {
  /** How many ranges of pages each capped word's places are split in (1 when none is capped). */
  ranges: number;
  /** The capped index words (stems), sorted. */
  words: string[];
}

/** The key of range `range`'s alias of a capped word. */
export const aliasOf = (word: string, range: number): string => `${ALIAS_PREFIX}${range.toString(36)}${ALIAS_PREFIX}${word}`;

/** The first page of each of `ranges` ranges over `pages` pages, and the end: `ranges + 1` bounds. */
export function rangeBounds(pages: number, ranges: number): number[] {
  return Array.from({ length: ranges + 1 }, (_, k) => Math.round((k * pages) / ranges));
}

/**
 * Whether a word may be capped: one that sorts before the alias prefix, so
 * every alias sorts after every word that can be capped and the merger
 * writes the aliases as one run after them: a word of ASCII letters and
 * digits at its start. (Not a word in Chinese or Japanese, whose queries
 * Pagefind segments, which would split an alias.)
 */
export const cappable = (word: string): boolean => word !== '' && compareWords(word, ALIAS_PREFIX) < 0;

/** A word's entry without places: the same pages (and meta places, in titles), which a search for it finds. */
export function capWord([word, pages, variants]: WordEntry): WordEntry {
  const strip = (list: PageEntry[]): PageEntry[] => list.map(([delta, , meta]) => [delta, [], meta]);
  return [word, strip(pages), variants.map(([form, list]) => [form, strip(list)])];
}

/**
 * The entries of `list` (page numbers as deltas, the first absolute) cut at `bounds` (ascending pages, see
 * rangeBounds), in one pass: for each range `bounds[k]` ≤ page < `bounds[k + 1]`, its entries, the first made
 * absolute.
 */
function pagesInRanges(list: readonly PageEntry[], bounds: readonly number[]): PageEntry[][] {
  const out: PageEntry[][] = bounds.slice(1).map(() => []);
  let page = 0;
  let k = 0;
  let last = -1;
  list.forEach(([delta, locations, meta], i) => {
    page = i === 0 ? delta : page + delta;
    while (k < out.length && page >= bounds[k + 1]!) {
      k++;
      last = -1;
    }
    if (k >= out.length || page < bounds[0]!) return;
    out[k]!.push([last < 0 ? page : page - last, locations, meta]);
    last = page;
  });
  return out;
}

/**
 * A word's entry cut in the ranges of pages `bounds` gives, range `k` under `keyOf(k)`; undefined for a range
 * where it has no page. One pass over its pages, however many ranges.
 */
export function wordInRanges([, pages, variants]: WordEntry, bounds: readonly number[], keyOf: (range: number) => string): (WordEntry | undefined)[] {
  const own = pagesInRanges(pages, bounds);
  const forms = variants.map(([form, list]) => [form, pagesInRanges(list, bounds)] as const);
  return own.map((list, k) => {
    const inRange = forms.map(([form, ranges]): [string, PageEntry[]] => [form, ranges[k]!]).filter(([, l]) => l.length);
    return list.length || inRange.length ? [keyOf(k), list, inRange] : undefined;
  });
}
