import { expect, test } from 'vitest';
import { FORMAT_VERSION, PagefindFormatError, readChunk, readEntry, readFilter, readMeta } from '../../../src/lib/search/pagefind-format.ts';
import type { PageEntry, WordEntry } from '../../../src/lib/search/pagefind-format.ts';

test('metadata of another version, with fragment groups or with sorts is refused, not merged wrongly', () => {
  const meta = (over: Partial<Record<number, unknown>>) => Object.assign(['1.6.0', [['en_a', 3, '']], [], [], [], ['title']], over);
  expect(readMeta(meta({})).pages).toHaveLength(1);
  expect(() => readMeta(meta({ 0: '1.7.0' }), 'x.pf_meta')).toThrow(
    "x.pf_meta: written by Pagefind 1.7.0; the index merger reads only Pagefind 1.6.0's index format",
  );
  // The exact version: a patch release may change the format too.
  expect(() => readMeta(meta({ 0: '1.6.1' }))).toThrow(/1\.6\.1/u);
  expect(() => readMeta(meta({ 1: [['en_a', 3, 'en_group']] }))).toThrow(/fragment groups/u);
  expect(() => readMeta(meta({ 4: [['date', [0]]] }))).toThrow(/sort/u);
});

/** What a later Pagefind might write: one more field somewhere. Each must refuse the merge, naming where. */
test('an upgrade simulation: a field Pagefind 1.6.0 does not write, anywhere in the CBOR files, refuses the whole merge', () => {
  expect(FORMAT_VERSION).toBe('1.6.0');
  const meta = ['1.6.0', [['en_a', 3, '']], [['', 'z', 'en_i']], [['voice', 'en_f']], [], ['title']];
  const page: PageEntry = [0, [-25, 1], [-1, 0]];
  const word: WordEntry = ['cafe', [page], [['café', [page]]]];
  expect(readMeta(meta).pages).toEqual([['en_a', 3, '']]);
  expect(readChunk([[word]])).toEqual([word]);
  expect(readFilter(['voice', [['Statement', [0]]]])).toEqual(['voice', [['Statement', [0]]]]);
  const refusals: [string, () => unknown, RegExp][] = [
    ['the metadata', () => readMeta([...meta, ['new']]), /the metadata has 7 fields, not 6/u],
    ['a page', () => readMeta(Object.assign([...meta], { 1: [['en_a', 3, '', 1]] })), /page 0 has 4 fields, not 3/u],
    ['a chunk', () => readMeta(Object.assign([...meta], { 2: [['', 'z', 'en_i', 9]] })), /chunk 0 has 4 fields, not 3/u],
    ['a filter', () => readMeta(Object.assign([...meta], { 3: [['voice', 'en_f', 2]] })), /filter 0 has 3 fields, not 2/u],
    ['an index chunk', () => readChunk([[word], 'extra']), /the index chunk has 2 fields, not 1/u],
    ['a word', () => readChunk([[[...word, 7]]]), /word 0 has 4 fields, not 3/u],
    ['a page of a word', () => readChunk([[['cafe', [[...page, []]], []]]]), /word "cafe"'s pages, entry 0 has 4 fields, not 3/u],
    ['a variant', () => readChunk([[['cafe', [page], [['café', [page], 1]]]]]), /word "cafe"'s variant 0 has 3 fields, not 2/u],
    ['a variant page', () => readChunk([[['cafe', [page], [['café', [[0, [1], [], 0]]]]]]]), /variant "café", entry 0 has 4 fields, not 3/u],
    ['a location', () => readChunk([[['cafe', [[0, [-25, 'x'], []]], []]]]), /locations holds "x", not an integer/u],
    ['a filter file', () => readFilter(['voice', [['Statement', [0]]], {}]), /the filter has 3 fields, not 2/u],
    ['a filter value', () => readFilter(['voice', [['Statement', [0], 'x']]]), /filter value 0 has 3 fields, not 2/u],
  ];
  for (const [what, read, message] of refusals) {
    expect(read, what).toThrow(PagefindFormatError);
    expect(read, what).toThrow(message);
  }
});

test('the entry file: the exact version, and every field it has is kept', () => {
  const entry = { version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 2, future: true } }, include_characters: ['_'], max_fragments: 4 };
  expect(readEntry(JSON.stringify(entry))).toEqual(entry);
  expect(() => readEntry(JSON.stringify({ ...entry, version: '1.7.0' }), 'e.json')).toThrow(
    "e.json: written by Pagefind 1.7.0; the index merger reads only Pagefind 1.6.0's index format",
  );
  expect(() => readEntry(JSON.stringify({ ...entry, languages: { en: { hash: 'en_1' } } }))).toThrow(/language en has no hash or page count/u);
});
