import { expect, test } from 'vitest';
import { excerptParts, termRanges } from '../../../src/lib/search/excerpt.ts';

test('a Pagefind excerpt becomes text parts, marks apart, entities decoded, punctuation outside the mark', () => {
  expect(excerptParts('used <mark>radar</mark> to &lt;b&gt; flying <mark>airspace,</mark> and')).toEqual([
    { text: 'used ', marked: false },
    { text: 'radar', marked: true },
    { text: ' to <b> flying ', marked: false },
    { text: 'airspace', marked: true },
    { text: ', and', marked: false },
  ]);
  expect(excerptParts('&lt;script&gt;alert(1)&lt;/script&gt;')).toEqual([{ text: '<script>alert(1)</script>', marked: false }]);
});

test('term ranges cover whole words starting with a term, and any occurrence in CJK text', () => {
  const text = 'Radars and radar, not foradar.';
  expect(termRanges(text, ['radar']).map((r) => text.slice(r.start, r.end))).toEqual(['Radars', 'radar']);
  const zh = '我与美国通了电话，电话很短';
  expect(termRanges(zh, ['电话']).map((r) => zh.slice(r.start, r.end))).toEqual(['电话', '电话']);
  expect(termRanges('the U.S. alliance', ['u', 's'])).toHaveLength(2);
});
