import fc from 'fast-check';
import { expect, test } from 'vitest';
import { aliasOf, cappable, capWord, rangeBounds, wordInRanges } from '../../../src/lib/search/capped-words.ts';
import { compareWords } from '../../../src/lib/search/index-merge.ts';
import type { PageEntry, WordEntry } from '../../../src/lib/search/pagefind-format.ts';

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
