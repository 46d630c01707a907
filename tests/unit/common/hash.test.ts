import { expect, test } from 'vitest';
import { fnv1a } from '../../../src/lib/common/hash.ts';

test('FNV-1a, 32 bits: the published test values, unsigned', () => {
  expect(fnv1a('')).toBe(0x811c9dc5);
  expect(fnv1a('a')).toBe(0xe40c292c);
  expect(fnv1a('foobar')).toBe(0xbf9cf968);
  expect(fnv1a('中国')).toBeGreaterThanOrEqual(0);
});

test('over code points: a character above U+FFFF is one step, not its two UTF-16 halves', () => {
  // U+1F600 as one code point, not the surrogates U+D83D U+DE00 (what a hash over code units would take).
  const step = (h: number, c: number) => Math.imul(h ^ c, 0x01000193) >>> 0;
  expect(fnv1a('😀')).toBe(step(0x811c9dc5, 0x1f600));
  expect(fnv1a('😀')).not.toBe(step(step(0x811c9dc5, 0xd83d), 0xde00));
});
