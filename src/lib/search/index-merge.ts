/**
 * The arithmetic of merging Pagefind indexes (pagefind-format.ts): how page
 * numbers shift, how words sort, where chunks split, how merged files are
 * named. The merger (src/integrations/search-index/merge.ts) reads and writes
 * the files; this is what it computes, as plain data.
 */
import type { FilterIndex, PageEntry, WordEntry } from './pagefind-format.ts';

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
