import { expect, test } from 'vitest';
import { termRanges } from '../../../src/lib/search/excerpt.ts';

test('term ranges cover whole words starting with a term, and any occurrence in CJK text', () => {
  const text = 'Radars and radar, not foradar.';
  expect(termRanges(text, ['radar']).map((r) => text.slice(r.start, r.end))).toEqual(['Radars', 'radar']);
  const zh = '我与美国通了电话，电话很短';
  expect(termRanges(zh, ['电话']).map((r) => zh.slice(r.start, r.end))).toEqual(['电话', '电话']);
  expect(termRanges('the U.S. alliance', ['u', 's'])).toHaveLength(2);
});
