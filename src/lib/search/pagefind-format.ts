/**
 * Pagefind 1.6's index files as plain data. The search indexer builds a large
 * corpus as several small Pagefind indexes (bounded memory, one per part or
 * shard) and merges them into one (the arithmetic: index-merge.ts; capped
 * words: capped-words.ts), which a browser then searches as if Pagefind had
 * built it in one run.
 *
 * The shapes below are what Pagefind 1.6.0 writes (CBOR arrays, gzipped after
 * the signature `pagefind_dcd`). The format is Pagefind's private one and has
 * changed in every recent minor release, so it is read as Pagefind writes it:
 * strictly. Every array's length is checked; an array with more (or fewer)
 * elements than 1.6.0 writes, a version other than 1.6.0, and anything the
 * merger does not know how to merge (sorts, fragment groups) refuse the whole
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
