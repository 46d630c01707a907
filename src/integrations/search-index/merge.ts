/**
 * Merging Pagefind indexes (folders as `writeFiles` leaves them) into one:
 * pages numbered one part after another, each word's pages joined across
 * parts, chunks cut anew for the merged size, filters joined, fragments
 * copied without the values of the split filters, every file named in order
 * (see fileNamer). Words are merged as a stream, one chunk of each part in memory
 * at a time, so a 100,000-document index merges in little memory. The words
 * whose entries are largest are capped (see src/lib/search/capped-words.ts):
 * their places move to aliases, one for each range of pages, and
 * `capped.json` lists them.
 *
 * The format is Pagefind 1.6.0's (see src/lib/search/pagefind-format.ts), read
 * strictly: an installed Pagefind of another version, a part written by one,
 * or any array of another length refuses the whole merge with a
 * PagefindFormatError that names the file and the version. The merged index
 * is loaded by Pagefind's own runtime, copied from the first part. A site
 * indexed in one part is not merged at all (indexer.ts), so only large
 * builds depend on this format.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { transform } from 'esbuild';
import {
  FORMAT_VERSION,
  PagefindFormatError,
  readChunk,
  readEntry,
  readFilter,
  readMeta,
  writeMeta,
  type FilterIndex,
  type MetaChunk,
  type MetaPage,
  type PagefindEntry,
  type PagefindMeta,
  type WordEntry,
} from '../../lib/search/pagefind-format.ts';
import { chunkBounds, chunkTarget, compareWords, fileNamer, fragmentWithFilters, mergeFilters, mergeWord } from '../../lib/search/index-merge.ts';
import {
  ALIAS_PREFIX,
  aliasOf,
  CAPPED_FILE,
  cappable,
  capWord,
  MAX_RANGES,
  rangeBounds,
  wordInRanges,
  type CappedList,
} from '../../lib/search/capped-words.ts';
import { isSplitFilterName } from '../../lib/search/bundles.ts';
import { STOPWORDS } from '../../lib/notes/trace.ts';

const SIGNATURE = Buffer.from('pagefind_dcd');
/** Changes the merged files' names when what is written into them changes. */
const NAMES = 'merge-2';
/** The runtime files a site needs; Pagefind's own UI files are not used. */
const RUNTIME = /^(pagefind\.js|pagefind-worker\.js|wasm\..+\.pagefind)$/u;
/** What a site serves of a Pagefind output folder: the runtime and the index, not Pagefind's UI files. */
export const isServedFile = (name: string): boolean => RUNTIME.test(name) || /^(pagefind-entry\.json|pagefind\..+\.pf_meta|index|fragment|filter)$/u.test(name);

/**
 * Minify the runtime script (`pagefind.js`) of a served index folder, in place. Every first search downloads it,
 * and Pagefind ships it without whitespace but with its long names (1.6.0: 13.2 KB gzipped, 11.4 KB minified).
 * Its behaviour is unchanged: the suites search with it in Chromium, and search-merge.test.ts compares a merged
 * index's results with Pagefind's own.
 */
export async function minifyRuntime(dir: string): Promise<void> {
  const file = join(dir, 'pagefind.js');
  const { code } = await transform(await readFile(file, 'utf8'), { loader: 'js', minify: true, legalComments: 'inline' });
  await writeFile(file, code);
}

/** The installed Pagefind's version, which wrote the parts and whose runtime the merged index ships with. */
export async function installedPagefind(): Promise<string> {
  const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}

/** A Pagefind file's content: gunzipped, after its signature. */
function unsigned(bytes: Uint8Array, where: string): Buffer {
  const raw = gunzipSync(bytes);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new PagefindFormatError(`${where}: not a Pagefind index file (no signature)`);
  return raw.subarray(SIGNATURE.length);
}

function unpack(bytes: Uint8Array, where: string): unknown {
  return decode(unsigned(bytes, where), { useMaps: false });
}

/** A Pagefind file's bytes: its content (CBOR, or a fragment's JSON; given in pieces) after the signature, gzipped. */
function packEncoded(pieces: readonly Uint8Array[], level: 6 | 9): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, ...pieces]), { level });
}

/**
 * A Pagefind file's bytes, at gzip's level 9: the metadata and the filters,
 * small and loaded by many searches. Index chunks are written at level 6:
 * 0.1% larger and three times faster to write (on a 100,000-document index,
 * 46.15 MB against 46.10 MB, in 2.8 s against 8.1 s for 1,500 chunks).
 */
function pack(value: unknown): Buffer {
  return packEncoded([encode(value)], 9);
}

/** The head of a CBOR array of `n` items (major type 4, in its shortest form, as cborg writes it). */
function cborArrayHead(n: number): Uint8Array {
  if (n < 24) return Uint8Array.of(0x80 + n);
  if (n < 0x100) return Uint8Array.of(0x98, n);
  if (n < 0x10000) return Uint8Array.of(0x99, n >> 8, n & 0xff);
  return Uint8Array.of(0x9a, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
}

/** One part: its folder, entry, metadata and where its pages start in the merged numbering. */
interface Part {
  dir: string;
  entry: PagefindEntry;
  meta: PagefindMeta;
  offset: number;
}

async function readPart(dir: string, language: string): Promise<Part> {
  const entryFile = join(dir, 'pagefind-entry.json');
  const entry = readEntry(await readFile(entryFile, 'utf8'), entryFile);
  const info = entry.languages[language];
  if (!info) throw new Error(`${dir}: no ${language} index`);
  const metaFile = join(dir, `pagefind.${info.hash}.pf_meta`);
  const meta = readMeta(unpack(await readFile(metaFile), metaFile), metaFile);
  return { dir, meta, offset: 0, entry };
}

/** Iterate a part's words in order, reading one chunk at a time. */
async function* wordsOf(part: Part): AsyncGenerator<WordEntry> {
  for (const [, , hash] of part.meta.chunks) {
    const file = join(part.dir, 'index', `${hash}.pf_index`);
    yield* readChunk(unpack(await readFile(file), file), file);
  }
}

/** What {@link mergeIndexes} did. */
export interface MergeStats {
  pages: number;
  words: number;
  chunks: number;
  /** Words capped (see capWord): their pages under their own key, their places under their aliases. */
  capped: number;
  /** Words that extend a capped word without being capped ("statement", "state" capped): an empty alias each. */
  stops: number;
  filters: number;
  bytes: { meta: number; index: number; fragments: number };
}

/** Options of {@link mergeIndexes}. */
export interface MergeOptions {
  /**
   * Cap each word whose merged entry is larger than this (CBOR bytes, before gzip): its places move to its
   * aliases (see capWord in capped-words.ts), split in as many ranges of pages as make the largest about half
   * this. By default twice the chunk size: a search for any other word downloads at most about two chunks for it,
   * and a phrase's search in one range about one. `Infinity` caps nothing.
   */
  capAbove?: number | undefined;
}

/** A chunk written: its first and last words and its file's name. */
interface Written {
  first: string;
  last: string;
  hash: string;
}

/**
 * Writes words, in order, into chunks of about `target` bytes: a word as large as half a chunk gets a chunk of
 * its own (a search for it loads nothing else, and a search for its neighbours does not load it). `close`
 * writes what is left and returns the chunks written since the last `close`.
 */
function chunkWriter(out: string, target: number, nextChunk: () => string, stats: MergeStats) {
  let written: Written[] = [];
  // The chunk's words, each encoded once: its size decides where the chunk ends, and its bytes are the chunk's.
  let chunk: { word: string; cbor: Uint8Array }[] = [];
  let chunkBytes = 0;
  const flush = async () => {
    if (!chunk.length) return;
    const bytes = packEncoded([cborArrayHead(1), cborArrayHead(chunk.length), ...chunk.map((w) => w.cbor)], 6);
    const hash = nextChunk();
    await writeFile(join(out, 'index', `${hash}.pf_index`), bytes);
    stats.bytes.index += bytes.length;
    written.push({ first: chunk[0]!.word, last: chunk.at(-1)!.word, hash });
    chunk = [];
    chunkBytes = 0;
  };
  return {
    async add(word: string, cbor: Uint8Array): Promise<void> {
      const size = cbor.length;
      if (size >= target / 2) await flush();
      chunk.push({ word, cbor });
      chunkBytes += size;
      if (chunkBytes >= target || size >= target / 2) await flush();
    },
    async close(): Promise<Written[]> {
      await flush();
      const done = written;
      written = [];
      return done;
    },
  };
}

/**
 * Merge the `language` index of each folder in `parts` (in this order: page
 * numbers follow it) into `out`, which is emptied first.
 */
export async function mergeIndexes(parts: readonly string[], out: string, language: string, options: MergeOptions = {}): Promise<MergeStats> {
  try {
    return await merge(parts, out, language, options);
  } catch (error) {
    // Refused part-way (a chunk is read only when its words are merged): leave no half-merged index behind.
    await rm(out, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The merge, phase by phase: the parts read, the output started, then the fragments, the words (chunks, capped
 * words' aliases), the filters, the metadata and entry, and the runtime.
 */
async function merge(parts: readonly string[], out: string, language: string, options: MergeOptions): Promise<MergeStats> {
  if (!parts.length) throw new Error('nothing to merge');
  await checkInstalledPagefind();
  const read = await readParts(parts, language);
  const output = await startOutput(read, out, language);
  const pages = await mergeFragments(read, output);
  const chunks = await mergeWords(read, output, options.capAbove);
  const filters = await mergeFilterFiles(read, output);
  await writeEntry(read[0]!, output, { pages, chunks, filters });
  await copyRuntime(read[0]!.dir, out);
  return output.stats;
}

/** Refuses a merge when the installed Pagefind (which wrote the parts) is not the version whose format this reads. */
async function checkInstalledPagefind(): Promise<void> {
  const installed = await installedPagefind();
  if (installed !== FORMAT_VERSION) {
    throw new PagefindFormatError(
      `Pagefind ${installed} is installed, but the index merger reads only Pagefind ${FORMAT_VERSION}'s index format: pin pagefind to ${FORMAT_VERSION} in package.json, or update src/lib/search/pagefind-format.ts to the new format (tests/search-merge.test.ts checks it against Pagefind's own runtime)`,
    );
  }
}

/** Every part's entry and metadata, each part's pages numbered after the parts before it; their searchable fields must agree. */
async function readParts(parts: readonly string[], language: string): Promise<Part[]> {
  const read = await Promise.all(parts.map((dir) => readPart(dir, language)));
  let pages = 0;
  for (const p of read) {
    p.offset = pages;
    pages += p.meta.pages.length;
  }
  const first = read[0]!;
  for (const p of read) {
    if (p.meta.metaFields.join() !== first.meta.metaFields.join()) throw new Error(`${p.dir}: searchable meta fields differ`);
  }
  return read;
}

/** Where a merge writes: the folder, its language, what it counts, and the next name of each kind of file. */
interface Output {
  dir: string;
  language: string;
  stats: MergeStats;
  next: { fragment: () => string; chunk: () => string; filter: () => string };
}

/** An empty output folder, and names numbered in order under an id of what is merged (see fileNamer). */
async function startOutput(read: readonly Part[], out: string, language: string): Promise<Output> {
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'index'), { recursive: true });
  await mkdir(join(out, 'fragment'), { recursive: true });
  await mkdir(join(out, 'filter'), { recursive: true });
  const pages = read.reduce((n, p) => n + p.meta.pages.length, 0);
  const stats: MergeStats = { pages, words: 0, chunks: 0, capped: 0, stops: 0, filters: 0, bytes: { meta: 0, index: 0, fragments: 0 } };
  const id = createHash('sha256')
    .update([NAMES, language, ...read.map((p) => p.entry.languages[language]!.hash)].join('\u0000'))
    .digest('hex')
    .slice(0, 8);
  const next = { fragment: fileNamer(language, id, ''), chunk: fileNamer(language, id, 'i'), filter: fileNamer(language, id, 'f') };
  return { dir: out, language, stats, next };
}

/**
 * Fragments: without the split filters' values (results read only the voice), recompressed at gzip's best level:
 * fragments are what a search downloads most of. A fragment merged before (a shard's, when shards are assembled)
 * has nothing to remove: its bytes are copied as they are. Returns the merged metadata's pages.
 */
async function mergeFragments(read: readonly Part[], output: Output): Promise<MetaPage[]> {
  const metaPages: MetaPage[] = [];
  for (const p of read) {
    for (const [hash, wordCount] of p.meta.pages) {
      const file = join(p.dir, 'fragment', `${hash}.pf_fragment`);
      const compressed = await readFile(file);
      const original = unsigned(compressed, file).toString('utf8');
      const json = fragmentWithFilters(original, (name) => !isSplitFilterName(name));
      const bytes = json === original ? compressed : packEncoded([Buffer.from(json)], 9);
      const name = output.next.fragment();
      await writeFile(join(output.dir, 'fragment', `${name}.pf_fragment`), bytes);
      output.stats.bytes.fragments += bytes.length;
      metaPages.push([name, wordCount, '']);
    }
  }
  return metaPages;
}

/** The bytes of every part's index chunks. */
async function indexBytes(read: readonly Part[]): Promise<number> {
  const sizes = await Promise.all(
    read.map(async (p) => {
      let n = 0;
      for (const [, , hash] of p.meta.chunks) n += (await stat(join(p.dir, 'index', `${hash}.pf_index`))).size;
      return n;
    }),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * Words: the parts' words merged, written in chunks of the size the merged index wants (see chunkTarget), the
 * largest capped, and `capped.json`. Returns the merged metadata's chunks.
 */
async function mergeWords(read: readonly Part[], output: Output, capAboveOption: number | undefined): Promise<MetaChunk[]> {
  const target = chunkTarget(await indexBytes(read));
  const capAbove = capAboveOption ?? 2 * target;
  const { before, after, capped, stops } = await writeWords(read, output, target, capAbove);
  const largest = Math.max(0, ...capped.map((c) => c.cbor.length));
  const ranges = capped.length ? Math.min(MAX_RANGES, Math.max(1, Math.ceil((2 * largest) / capAbove))) : 1;
  const aliases = await writeAliases(capped, stops, rangeBounds(output.stats.pages, ranges), output, target);
  const written = [...before, ...aliases, ...after];
  const chunkRanges = chunkBounds(written);
  output.stats.chunks = written.length;
  output.stats.capped = capped.length;
  output.stats.stops = stops.length;
  const list: CappedList = { ranges, words: capped.map((c) => c.word) };
  await writeFile(join(output.dir, CAPPED_FILE), JSON.stringify(list));
  return written.map((w, i) => [chunkRanges[i]!.from, chunkRanges[i]!.to, w.hash]);
}

/** What {@link writeWords} wrote around where the aliases go, and what it kept for them. */
interface WordsWritten {
  /** The chunks of the words before the aliases (every word that can be capped) and after them. */
  before: Written[];
  after: Written[];
  /** The capped words, each with its whole entry (encoded), in word order. */
  capped: { word: string; cbor: Uint8Array }[];
  /**
   * Words that extend a capped word without being capped ("statement" after "state"). A phrase's search names
   * each of its capped words by an alias, and Pagefind finds a word it has no key for by the longest key it
   * begins with: an alias of "statement" would find the places of "state". Each gets an empty alias, which a
   * phrase's search finds instead: no places in any range, so the phrase is searched as typed (query.ts).
   */
  stops: string[];
}

/**
 * A k-way merge of the parts' sorted word streams, written in order, in chunks. A capped word's entry is written
 * without places, and kept (encoded) until every word is merged: the largest decides how many ranges of pages the
 * aliases split places in, each range's alias about half the cap. The aliases are written then (writeAliases), as
 * one run of chunks, which sorts after every word that can be capped and before every other (see cappable).
 */
async function writeWords(read: readonly Part[], output: Output, target: number, capAbove: number): Promise<WordsWritten> {
  const streams = read.map((p) => ({ part: p, it: wordsOf(p), head: undefined as WordEntry | undefined }));
  for (const s of streams) s.head = ((await s.it.next()).value as WordEntry | undefined) ?? undefined;
  const plain = chunkWriter(output.dir, target, output.next.chunk, output.stats);
  let beforeAliases: Written[] | undefined;
  const capped: { word: string; cbor: Uint8Array }[] = [];
  const stops: string[] = [];
  // The capped words the current word extends, shortest first (words come in order: a word's extensions follow it).
  const stem: string[] = [];
  for (;;) {
    let word: string | undefined;
    for (const s of streams) if (s.head && (word === undefined || compareWords(s.head[0], word) < 0)) word = s.head[0];
    if (word === undefined) break;
    const same: { entry: WordEntry; offset: number }[] = [];
    for (const s of streams) {
      if (s.head && s.head[0] === word) {
        if (word.startsWith(ALIAS_PREFIX))
          throw new PagefindFormatError(`${s.part.dir}: holds a capped word's entry ("${word}"); only indexes as Pagefind wrote them are merged`);
        same.push({ entry: s.head, offset: s.part.offset });
        s.head = ((await s.it.next()).value as WordEntry | undefined) ?? undefined;
      }
    }
    if (!beforeAliases && !cappable(word)) beforeAliases = await plain.close();
    const merged = same.length === 1 && same[0]!.offset === 0 ? same[0]!.entry : mergeWord(word, same);
    const cbor = encode(merged);
    output.stats.words++;
    while (stem.length && !word.startsWith(stem.at(-1)!)) stem.pop();
    // A function word is asked only in a quoted phrase, by its aliases (src/lib/search/query.ts): capped like any other.
    if (cbor.length > capAbove && cappable(word)) {
      capped.push({ word, cbor });
      // A function word is asked only exactly (query.ts): the words it begins need no empty alias ("a" begins most).
      if (!STOPWORDS.has(word)) stem.push(word);
      await plain.add(word, encode(capWord(merged)));
    } else {
      if (stem.length) stops.push(word);
      await plain.add(word, cbor);
    }
  }
  const before = beforeAliases ?? (await plain.close());
  const after = beforeAliases ? await plain.close() : [];
  return { before, after, capped, stops };
}

/**
 * The aliases of the capped words and the stops, in the ranges of pages `bounds` gives: each word's entry decoded
 * once, cut in its ranges (encoded), then written range by range, in key order. A capped word with no pages in a
 * range, and a stop, has an empty alias there. Returns the chunks written.
 */
async function writeAliases(
  capped: WordsWritten['capped'],
  stops: readonly string[],
  bounds: readonly number[],
  output: Output,
  target: number,
): Promise<Written[]> {
  const byRange: { key: string; cbor: Uint8Array }[][] = bounds.slice(1).map(() => []);
  const empty = (key: string) => ({ key, cbor: encode([key, [], []] satisfies WordEntry) });
  for (const c of capped) {
    const entry = decode(c.cbor, { useMaps: false }) as WordEntry;
    wordInRanges(entry, bounds, (k) => aliasOf(c.word, k)).forEach((alias, k) => {
      byRange[k]!.push(alias ? { key: alias[0], cbor: encode(alias) } : empty(aliasOf(c.word, k)));
    });
  }
  byRange.forEach((list, k) => {
    for (const word of stops) list.push(empty(aliasOf(word, k)));
    list.sort((a, b) => compareWords(a.key, b.key));
  });
  const aliases = chunkWriter(output.dir, target, output.next.chunk, output.stats);
  for (const { key, cbor } of byRange.flat()) await aliases.add(key, cbor);
  return aliases.close();
}

/** Filters: joined by name. Returns the merged metadata's filters. */
async function mergeFilterFiles(read: readonly Part[], output: Output): Promise<[string, string][]> {
  const filterNames = [...new Set(read.flatMap((p) => p.meta.filters.map(([name]) => name)))].sort(compareWords);
  const filters: [string, string][] = [];
  for (const name of filterNames) {
    const indexes: { index: FilterIndex; offset: number }[] = [];
    for (const p of read) {
      const hash = p.meta.filters.find(([n]) => n === name)?.[1];
      if (hash === undefined) continue;
      const file = join(p.dir, 'filter', `${hash}.pf_filter`);
      indexes.push({ index: readFilter(unpack(await readFile(file), file), file), offset: p.offset });
    }
    const bytes = pack(mergeFilters(name, indexes));
    const hash = output.next.filter();
    await writeFile(join(output.dir, 'filter', `${hash}.pf_filter`), bytes);
    filters.push([name, hash]);
  }
  output.stats.filters = filters.length;
  return filters;
}

/**
 * The merged metadata, named by its hash, and the entry that names it. Every field of the first part's entry is
 * kept (a field a later Pagefind adds is never dropped); only this language's index, its hash and page count,
 * are the merged index's.
 */
async function writeEntry(first: Part, output: Output, merged: Pick<PagefindMeta, 'pages' | 'chunks' | 'filters'>): Promise<void> {
  const { dir, language, stats } = output;
  const meta: PagefindMeta = { version: first.meta.version, ...merged, sorts: [], metaFields: first.meta.metaFields };
  const metaBytes = pack(writeMeta(meta));
  const metaHash = createHash('sha256').update(metaBytes).digest('hex').slice(0, 10);
  await writeFile(join(dir, `pagefind.${language}_${metaHash}.pf_meta`), metaBytes);
  stats.bytes.meta = metaBytes.length;
  const entry: PagefindEntry = {
    ...first.entry,
    languages: { [language]: { ...first.entry.languages[language]!, hash: `${language}_${metaHash}`, page_count: stats.pages } },
  };
  await writeFile(join(dir, 'pagefind-entry.json'), JSON.stringify(entry));
}

/** Pagefind's runtime, from the first part, minified (see minifyRuntime). */
async function copyRuntime(from: string, out: string): Promise<void> {
  for (const f of await readdir(from)) if (RUNTIME.test(f)) await copyFile(join(from, f), join(out, f));
  await minifyRuntime(out);
}
