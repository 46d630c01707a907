/**
 * Pagefind 1.6's index files as plain data, and the arithmetic of merging
 * indexes: how page numbers shift, how words sort, where chunks split. The
 * search indexer builds a large corpus as several small Pagefind indexes
 * (bounded memory, one per part or shard) and merges them into one, which a
 * browser then searches as if Pagefind had built it in one run.
 *
 * The shapes below are what Pagefind 1.6.0 writes (CBOR arrays, gzipped after
 * the signature `pagefind_dcd`). The format is Pagefind's private one and has
 * changed in every recent minor release, so it is read as Pagefind writes it:
 * strictly. Every array's length is checked; an array with more (or fewer)
 * elements than 1.6.0 writes, a version other than 1.6.0, and anything this
 * module does not know how to merge (sorts, fragment groups) refuse the whole
 * merge with a {@link PagefindFormatError}. Nothing is ever dropped: the JSON
 * files (the entry, fragments) carry their unknown fields through.
 */

/** The one Pagefind version whose index format this module reads and writes. */
export const FORMAT_VERSION = '1.6.0';

/** An index this module will not merge: it names the file and what it did not expect. */
export class PagefindFormatError extends Error {
  override name = 'PagefindFormatError';
}

function refuse(where: string, what: string): never {
  throw new PagefindFormatError(`${where}: ${what}; the index merger reads only Pagefind ${FORMAT_VERSION}'s index format`);
}

/** `pagefind.<lang>_<hash>.pf_meta`: loaded once per search session. */
export interface PagefindMeta {
  version: string;
  /** One per page (record), in page-number order. */
  pages: MetaPage[];
  /** Word ranges of the index chunks, in word order. */
  chunks: MetaChunk[];
  /** Filter name → its filter file's hash. */
  filters: [name: string, hash: string][];
  sorts: unknown[];
  /** Meta fields that are searchable (Pagefind 1.6: `title`). */
  metaFields: string[];
}

/** A page: its fragment file, its length in words, its fragment group (unused here: empty). */
export type MetaPage = [hash: string, wordCount: number, group: string];
/** A chunk covering the words `from`…`to` (prefixes, as Pagefind shortens them). */
export type MetaChunk = [from: string, to: string, hash: string];

/**
 * One page's occurrences of a word. The page number is a delta from the
 * previous entry of the same list (the first is absolute); locations and
 * meta locations are Pagefind's own encoding, copied unchanged.
 */
export type PageEntry = [pageDelta: number, locations: number[], metaLocations: number[]];
/** A word of an index chunk, with the pages of each of its diacritic variants. */
export type WordEntry = [word: string, pages: PageEntry[], variants: [variant: string, pages: PageEntry[]][]];
/** A filter file: the filter's name and, per value, the (absolute) page numbers that have it. */
export type FilterIndex = [name: string, values: [value: string, pages: number[]][]];

/** `pagefind-entry.json`: the version, and per language its metadata file's hash. Unknown fields are kept. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number; [field: string]: unknown }>;
  include_characters?: string[];
  [field: string]: unknown;
}

/** `value` as an array of exactly `length` elements (any length when undefined), else refused. */
function tuple(value: unknown, length: number | undefined, where: string, what: string): unknown[] {
  if (!Array.isArray(value)) refuse(where, `${what} is not an array`);
  if (length !== undefined && value.length !== length) refuse(where, `${what} has ${value.length} fields, not ${length}`);
  return value as unknown[];
}

function text(value: unknown, where: string, what: string): string {
  if (typeof value !== 'string') refuse(where, `${what} is not a string`);
  return value;
}

function integers(value: unknown, where: string, what: string): number[] {
  const list = tuple(value, undefined, where, what);
  for (const n of list) if (!Number.isInteger(n)) refuse(where, `${what} holds ${JSON.stringify(n)}, not an integer`);
  return list as number[];
}

/** Read a decoded `pf_meta` array; refuses any shape Pagefind 1.6.0 does not write, and sorts and fragment groups. */
export function readMeta(data: unknown, where = 'pf_meta'): PagefindMeta {
  const [version, pages, chunks, filters, sorts, metaFields] = tuple(data, 6, where, 'the metadata');
  if (text(version, where, 'the version') !== FORMAT_VERSION) refuse(where, `written by Pagefind ${String(version)}`);
  for (const [i, p] of tuple(pages, undefined, where, 'the pages').entries()) {
    const [hash, words, group] = tuple(p, 3, where, `page ${i}`);
    text(hash, where, `page ${i}'s hash`);
    if (!Number.isInteger(words)) refuse(where, `page ${i}'s word count is not an integer`);
    if (text(group, where, `page ${i}'s fragment group`) !== '') refuse(where, 'fragment groups (maxFragments) cannot be merged');
  }
  for (const [i, c] of tuple(chunks, undefined, where, 'the chunks').entries())
    for (const [k, s] of tuple(c, 3, where, `chunk ${i}`).entries()) text(s, where, `chunk ${i}'s field ${k}`);
  for (const [i, f] of tuple(filters, undefined, where, 'the filters').entries())
    for (const [k, s] of tuple(f, 2, where, `filter ${i}`).entries()) text(s, where, `filter ${i}'s field ${k}`);
  if (tuple(sorts, undefined, where, 'the sorts').length) refuse(where, 'sort indexes cannot be merged');
  for (const f of tuple(metaFields, undefined, where, 'the meta fields')) text(f, where, 'a meta field');
  return {
    version: FORMAT_VERSION,
    pages: pages as MetaPage[],
    chunks: chunks as MetaChunk[],
    filters: filters as [string, string][],
    sorts: [],
    metaFields: metaFields as string[],
  };
}

/** The array Pagefind reads for a metadata file. */
export function writeMeta(m: PagefindMeta): unknown[] {
  return [m.version, m.pages, m.chunks, m.filters, m.sorts, m.metaFields];
}

function readPages(value: unknown, where: string, what: string): PageEntry[] {
  const list = tuple(value, undefined, where, what);
  for (const [i, e] of list.entries()) {
    const [delta, locations, metaLocations] = tuple(e, 3, where, `${what}, entry ${i}`);
    if (!Number.isInteger(delta) || (delta as number) < 0) refuse(where, `${what}, entry ${i}: the page is not a whole number`);
    integers(locations, where, `${what}, entry ${i}'s locations`);
    integers(metaLocations, where, `${what}, entry ${i}'s meta locations`);
  }
  return list as PageEntry[];
}

/** Read a decoded `pf_index` chunk: its words, each checked field by field. */
export function readChunk(data: unknown, where = 'pf_index'): WordEntry[] {
  const [words] = tuple(data, 1, where, 'the index chunk');
  const list = tuple(words, undefined, where, 'the words');
  for (const [i, w] of list.entries()) {
    const [word, pages, variants] = tuple(w, 3, where, `word ${i}`);
    const name = `word "${text(word, where, `word ${i}`)}"`;
    readPages(pages, where, `${name}'s pages`);
    for (const [k, v] of tuple(variants, undefined, where, `${name}'s variants`).entries()) {
      const [form, vpages] = tuple(v, 2, where, `${name}'s variant ${k}`);
      readPages(vpages, where, `${name}'s variant "${text(form, where, `${name}'s variant ${k}`)}"`);
    }
  }
  return list as WordEntry[];
}

/** Read a decoded `pf_filter` file. */
export function readFilter(data: unknown, where = 'pf_filter'): FilterIndex {
  const [name, values] = tuple(data, 2, where, 'the filter');
  text(name, where, "the filter's name");
  for (const [i, v] of tuple(values, undefined, where, "the filter's values").entries()) {
    const [value, pages] = tuple(v, 2, where, `filter value ${i}`);
    text(value, where, `filter value ${i}`);
    integers(pages, where, `filter value ${i}'s pages`);
  }
  return data as FilterIndex;
}

/** Read `pagefind-entry.json`: the version must be {@link FORMAT_VERSION}; every other field is kept. */
export function readEntry(json: string, where = 'pagefind-entry.json'): PagefindEntry {
  const entry = JSON.parse(json) as unknown;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) refuse(where, 'not a JSON object');
  const { version, languages } = entry as Partial<PagefindEntry>;
  if (version !== FORMAT_VERSION) refuse(where, `written by Pagefind ${String(version)}`);
  if (typeof languages !== 'object' || languages === null) refuse(where, 'no languages');
  for (const [language, info] of Object.entries(languages)) {
    if (typeof info?.hash !== 'string' || !Number.isInteger(info.page_count)) refuse(where, `language ${language} has no hash or page count`);
  }
  return entry as PagefindEntry;
}

/**
 * Compare words as Rust compares `String`s (UTF-8 bytes, which is code point
 * order), the order Pagefind sorts words and looks chunks up in. JavaScript's
 * `<` compares UTF-16 code units and differs above U+FFFF.
 */
export function compareWords(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (a code point above U+FFFF) sorts after every other code unit.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * Append `entries` (page deltas relative to the part's own numbering) to a
 * merged list whose last absolute page is `last` (-1 when empty), shifting
 * the part's pages by `offset`. Returns the new last absolute page.
 */
export function appendPages(into: PageEntry[], entries: readonly PageEntry[], offset: number, last: number): number {
  let local = 0;
  entries.forEach((e, i) => {
    local = i === 0 ? e[0] : local + e[0];
    const page = local + offset;
    if (page <= last) throw new Error(`page ${page} is not after page ${last}: parts must be merged in order`);
    into.push([page - (last < 0 ? 0 : last), e[1], e[2]]);
    last = page;
  });
  return last;
}

/** Merge one word's entries from several parts (in part order) into one entry. */
export function mergeWord(word: string, parts: readonly { entry: WordEntry; offset: number }[]): WordEntry {
  const pages: PageEntry[] = [];
  let last = -1;
  const variants = new Map<string, { pages: PageEntry[]; last: number }>();
  for (const { entry, offset } of parts) {
    last = appendPages(pages, entry[1], offset, last);
    for (const [variant, vpages] of entry[2]) {
      const v = variants.get(variant) ?? { pages: [], last: -1 };
      v.last = appendPages(v.pages, vpages, offset, v.last);
      variants.set(variant, v);
    }
  }
  return [word, pages, [...variants].sort((a, b) => compareWords(a[0], b[0])).map(([variant, v]) => [variant, v.pages])];
}

/** Sorts after every word: U+10FFFF, the last code point. */
const TOP = '\u{10FFFF}';

/**
 * The `from`/`to` bounds of consecutive chunks, which leave no gap between
 * chunks. Pagefind's runtime (`request_indexes` in pagefind_web) loads, for
 * each query term as typed and as stemmed ("integrity", "integr"), every
 * chunk with `from <= term <= to`; when no chunk holds a term that way, it
 * loads every chunk that matches it loosely, comparing only as many
 * characters as the shorter of the term and the bound has: for a short
 * bound that is often several chunks, large ones among them (the chunk
 * ending at "in" for "integrity"). Pagefind's own bounds leave gaps (its `to`
 * is the last word cut short), so a word as typed, whose stem ends a chunk,
 * lands in such a gap.
 *
 * Here each `from` is the chunk's first word cut one character past its
 * common prefix with the previous chunk's last word, as Pagefind cuts it
 * (so a prefix typed so far goes where Pagefind would send it), and each
 * `to` is just below the next `from`: the next `from` with its last
 * character lowered by one and U+10FFFF appended. The first chunk starts at
 * the empty word, the last ends at U+10FFFF. Every term falls strictly in
 * exactly one chunk, so the loose match is never used, and every indexed
 * word is in its own.
 */
export function chunkBounds(chunks: readonly { first: string; last: string }[]): { from: string; to: string }[] {
  const from = chunks.map((c, i) => {
    if (i === 0) return '';
    const a = Array.from(chunks[i - 1]!.last);
    const b = Array.from(c.first);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    return b.slice(0, common + 1).join('');
  });
  return chunks.map((_, i) => ({ from: from[i]!, to: i + 1 < from.length ? justBelow(from[i + 1]!) : TOP }));
}

/** A word that sorts just below `word`: every word below `word` is at most it. */
function justBelow(word: string): string {
  const chars = Array.from(word);
  const last = chars.pop()!.codePointAt(0)!;
  if (last === 0) return chars.join('');
  const lower = last - 1 >= 0xd800 && last - 1 <= 0xdfff ? 0xd7ff : last - 1;
  return `${chars.join('')}${String.fromCodePoint(lower)}${TOP}`;
}

/**
 * How large (in CBOR bytes, before gzip) each chunk of a merged index should
 * be, for an index whose chunks take `totalGzip` bytes. A search loads the
 * metadata, about 14 bytes per chunk, and then one chunk per term, so the
 * cost of a term, `14 · totalGzip / size + size`, is least when the
 * compressed size is √(14 · totalGzip); index chunks compress about 1.5
 * times. Never below 16 KB, which keeps small sites to a few files.
 */
export function chunkTarget(totalGzip: number): number {
  return Math.max(16 * 1024, Math.round(1.5 * Math.sqrt(14 * totalGzip)));
}

/** Merge filter files of several parts (in part order), shifting each part's pages by its offset. */
export function mergeFilters(name: string, parts: readonly { index: FilterIndex; offset: number }[]): FilterIndex {
  const values = new Map<string, number[]>();
  for (const { index, offset } of parts) {
    for (const [value, pages] of index[1]) {
      const list = values.get(value) ?? [];
      for (const p of pages) list.push(p + offset);
      values.set(value, list);
    }
  }
  return [name, [...values].sort((a, b) => compareWords(a[0], b[0])).map(([v, pages]) => [v, pages.sort((x, y) => x - y)])];
}

/**
 * A fragment's JSON (a `.pf_fragment` after its signature) with only the
 * filters `keep` names: a bundle of many documents carries every one of
 * their filter values, which a result never reads. A fragment that has no
 * other filter (one merged before: a shard's, when shards are assembled) is
 * returned as it was, the same string.
 */
export function fragmentWithFilters(json: string, keep: (name: string) => boolean): string {
  const fragment = JSON.parse(json) as { filters?: Record<string, string[]> };
  if (!fragment.filters) return json;
  const filters = Object.entries(fragment.filters);
  const kept = filters.filter(([name]) => keep(name));
  if (kept.length === filters.length) return json;
  fragment.filters = Object.fromEntries(kept);
  return JSON.stringify(fragment);
}

/**
 * Names for a merged index's files: `<lang>_<id>_<kind><n>`, numbered in
 * order. `id` is a hash of what was merged, so a changed index gets new names
 * (browsers cache these files) while an unchanged one keeps them; numbers in
 * order cost the metadata, which lists every name and which every search
 * downloads first, about a third less than Pagefind's random hashes.
 */
export function fileNamer(lang: string, id: string, kind: '' | 'i' | 'f'): () => string {
  let n = 0;
  return () => `${lang}_${id}_${kind}${(n++).toString(36)}`;
}

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
 *
 * `~` is never part of a word Pagefind indexes (it keeps letters and digits,
 * and emoji), so an alias is never a word of the text; and Pagefind's
 * runtime keeps it in a query (it drops only punctuation: `~` is a symbol).
 * The range comes first, so that Pagefind's stemming of the word ("~0~talks"
 * → "~0~talk") still applies at its end.
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
