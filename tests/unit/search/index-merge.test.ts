import fc from 'fast-check';
import { expect, test } from 'vitest';
import { appendPages, chunkBounds, compareWords, fileNamer, fragmentWithFilters, mergeFilters, mergeWord } from '../../../src/lib/search/index-merge.ts';
import type { PageEntry, WordEntry } from '../../../src/lib/search/pagefind-format.ts';

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
