import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  aliasOf,
  appendPages,
  cappable,
  capWord,
  rangeBounds,
  wordInRanges,
  chunkBounds,
  compareWords,
  fileNamer,
  fragmentWithFilters,
  mergeFilters,
  mergeWord,
  FORMAT_VERSION,
  PagefindFormatError,
  readChunk,
  readEntry,
  readFilter,
  readMeta,
  type PageEntry,
  type WordEntry,
} from '../../../src/lib/search/pagefind-format.ts';

test('words compare as Rust compares strings (UTF-8 bytes), also above U+FFFF', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
      expect(Math.sign(compareWords(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
    }),
    { numRuns: 2000 },
  );
  expect(compareWords('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
});

/** Pagefind's strict chunk lookup. */
const lookup = (bounds: { from: string; to: string }[], term: string) =>
  bounds.findIndex((b) => compareWords(term, b.from) >= 0 && compareWords(term, b.to) <= 0);

test('chunk bounds leave no gap: every term falls in one chunk, every word in its own, a word as typed in its stem’s chunk', () => {
  const chunks = [['apple', 'apricot'], ['banana', 'integr'], ['intel', 'peach'], ['pear', 'sanc'], ['sanction'], ['sand', 'zebra']];
  const bounds = chunkBounds(chunks.map((c) => ({ first: c[0]!, last: c.at(-1)! })));
  expect(bounds.map((b) => b.from)).toEqual(['', 'b', 'intel', 'pear', 'sanct', 'sand']);
  chunks.forEach((words, i) => words.forEach((w) => expect(lookup(bounds, w)).toBe(i)));
  // As typed, "integrity" lands with its stem "integr"; a prefix typed so far lands where Pagefind sends it.
  expect(lookup(bounds, 'integrity')).toBe(1);
  expect(lookup(bounds, 'sancti')).toBe(4);
  expect(lookup(bounds, 'aardvark')).toBe(0);
  expect(lookup(bounds, 'zebras')).toBe(5);
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }), { minLength: 2, maxLength: 60 }),
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.string({ maxLength: 8, unit: 'grapheme' }), { maxLength: 20 }),
      (words, per, terms) => {
        const sorted = [...words].sort(compareWords);
        const groups: string[][] = [];
        for (let i = 0; i < sorted.length; i += per) groups.push(sorted.slice(i, i + per));
        const b = chunkBounds(groups.map((g) => ({ first: g[0]!, last: g.at(-1)! })));
        groups.forEach((g, i) => g.forEach((w) => expect(lookup(b, w)).toBe(i)));
        for (const t of terms) expect(b.filter((x) => compareWords(t, x.from) >= 0 && compareWords(t, x.to) <= 0)).toHaveLength(1);
      },
    ),
    { numRuns: 300 },
  );
});

test('pages of a part are shifted by its offset and stay delta-encoded', () => {
  const merged: PageEntry[] = [];
  let last = appendPages(
    merged,
    [
      [2, [-25, 1], []],
      [3, [-25, 7], []],
    ],
    0,
    -1,
  );
  expect(last).toBe(5);
  last = appendPages(
    merged,
    [
      [0, [-25, 4], []],
      [1, [-25, 9], []],
    ],
    10,
    last,
  );
  expect(merged.map((e) => e[0])).toEqual([2, 3, 5, 1]);
  expect(last).toBe(11);
  expect(() => appendPages(merged, [[0, [], []]], 5, last)).toThrow(/not after/u);
});

test('a word found in several parts is one entry with every page, variants merged alike', () => {
  const a: WordEntry = ['unicod', [[1, [-25, 3], []]], [['ünïcode', [[1, [-25, 3], []]]]]];
  const b: WordEntry = [
    'unicod',
    [[0, [-25, 8], [-1, 2]]],
    [
      ['ünïcode', [[0, [-25, 8], []]]],
      ['unicodé', [[0, [-25, 9], []]]],
    ],
  ];
  expect(
    mergeWord('unicod', [
      { entry: a, offset: 0 },
      { entry: b, offset: 4 },
    ]),
  ).toEqual([
    'unicod',
    [
      [1, [-25, 3], []],
      [3, [-25, 8], [-1, 2]],
    ],
    [
      ['unicodé', [[4, [-25, 9], []]]],
      [
        'ünïcode',
        [
          [1, [-25, 3], []],
          [3, [-25, 8], []],
        ],
      ],
    ],
  ]);
});

test('filters join by value with absolute page numbers shifted', () => {
  expect(
    mergeFilters('voice', [
      {
        index: [
          'voice',
          [
            ['Statement', [0, 2]],
            ['Commentary', [1]],
          ],
        ],
        offset: 0,
      },
      { index: ['voice', [['Statement', [1]]]], offset: 3 },
    ]),
  ).toEqual([
    'voice',
    [
      ['Commentary', [1]],
      ['Statement', [0, 2, 4]],
    ],
  ]);
});

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

test('a fragment keeps only the filters asked for, and everything else as it was', () => {
  const fragment = {
    url: '/b/1/',
    content: 'Words “quoted”.',
    word_count: 2,
    filters: { voice: ['Statement'], speaker_7: ['koizumi shinjiro'], document_3: ['a', 'b'] },
    meta: {},
    anchors: [{ element: 'span', id: 'p0', text: '', location: 0 }],
  };
  const kept: unknown = JSON.parse(fragmentWithFilters(JSON.stringify(fragment), (name) => name === 'voice'));
  expect(kept).toEqual({ ...fragment, filters: { voice: ['Statement'] } });
  const none = { url: '/x/', content: '' };
  expect(fragmentWithFilters(JSON.stringify(none), () => false)).toBe(JSON.stringify(none));
  // A fragment merged before has nothing to remove: the same text comes back (the merger then copies its bytes).
  const merged = JSON.stringify({ ...fragment, filters: { voice: ['Statement'] } }, null, 1);
  expect(fragmentWithFilters(merged, (name) => name === 'voice')).toBe(merged);
});

test('merged files are named in order under one id, each kind on its own', () => {
  const [page, chunk] = [fileNamer('en', '0a1b2c3d', ''), fileNamer('en', '0a1b2c3d', 'i')];
  expect([page(), page(), chunk()]).toEqual(['en_0a1b2c3d_0', 'en_0a1b2c3d_1', 'en_0a1b2c3d_i0']);
  const many = fileNamer('zh', 'ffffffff', 'f');
  const names = Array.from({ length: 1000 }, many);
  expect(new Set(names).size).toBe(1000);
  expect(names[999]).toBe(`zh_ffffffff_f${(999).toString(36)}`);
});

test('a capped word keeps its pages (and places in titles) under its own key, and no places; its aliases sort after every word that can be capped', () => {
  const entry: WordEntry = [
    'cafe',
    [
      [2, [-26, 4, 7], []],
      [3, [1], [-2, 0]],
    ],
    [['café', [[5, [9, 3], []]]]],
  ];
  expect(capWord(entry)).toEqual([
    'cafe',
    [
      [2, [], []],
      [3, [], [-2, 0]],
    ],
    [['café', [[5, [], []]]]],
  ]);
  expect(aliasOf('cafe', 0)).toBe('~0~cafe');
  expect(aliasOf('cafe', 35)).toBe('~z~cafe');
  expect(['cafe', 'zz9', '2024'].every(cappable)).toBe(true);
  expect(['', 'école', '中国', '~0~cafe'].some(cappable)).toBe(false);
  fc.assert(
    fc.property(fc.stringMatching(/^[a-z0-9]{1,12}$/u), fc.nat(35), fc.string({ unit: 'grapheme', maxLength: 12 }), (word, range, other) => {
      if (cappable(other)) expect(compareWords(other, aliasOf(word, range))).toBeLessThan(0);
    }),
  );
});

test('a capped word’s places are cut in ranges of pages, each range’s first page absolute; a range without the word has no entry', () => {
  expect(rangeBounds(10, 3)).toEqual([0, 3, 7, 10]);
  expect(rangeBounds(5, 1)).toEqual([0, 5]);
  // Pages 2, 5, 6 and 9; the variant on page 7.
  const entry: WordEntry = [
    'cafe',
    [
      [2, [4], []],
      [3, [1], []],
      [1, [8], []],
      [3, [2], []],
    ],
    [['café', [[7, [3], []]]]],
  ];
  expect(wordInRanges(entry, [0, 3, 7, 10, 12], (k) => `~${k}~cafe`)).toEqual([
    ['~0~cafe', [[2, [4], []]], []],
    [
      '~1~cafe',
      [
        [5, [1], []],
        [1, [8], []],
      ],
      [],
    ],
    ['~2~cafe', [[9, [2], []]], [['café', [[7, [3], []]]]]],
    undefined,
  ]);
  // Ranges that start after the first pages, and empty ranges between.
  expect(wordInRanges(entry, [3, 4, 5, 6, 7], (k) => `${k}`)).toEqual([undefined, undefined, ['2', [[5, [1], []]], []], ['3', [[6, [8], []]], []]]);
  // Every page in exactly one range.
  fc.assert(
    fc.property(fc.array(fc.nat(5), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 8 }), (deltas, ranges) => {
      const list: PageEntry[] = deltas.map((d, i) => [i === 0 ? d : d + 1, [i], []]);
      const pages = list.reduce((a, [d]) => a + d, 0) + 1;
      const bounds = rangeBounds(pages, ranges);
      const absolute = (l: PageEntry[]) => l.reduce<number[]>((acc, [d], i) => [...acc, i === 0 ? d : acc.at(-1)! + d], []);
      const parts = wordInRanges(['w', list, []], bounds, () => 'k').map((e) => e?.[1] ?? []);
      expect(parts.flatMap(absolute)).toEqual(absolute(list));
    }),
  );
});
