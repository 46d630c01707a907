import { expect, test } from 'vitest';
import { sitemapChunks, sitemapIndex } from '../../../src/lib/publish/feeds.ts';
import { inShard, parseShard, shardOf } from '../../../src/lib/corpus/shard.ts';

test('SHARD is k/n with 1 ≤ k ≤ n; anything else is a one-line error naming the variable', () => {
  expect(parseShard('3/10')).toEqual({ index: 3, count: 10 });
  expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  expect(parseShard(undefined)).toBeUndefined();
  expect(parseShard('')).toBeUndefined();
  for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2']) expect(() => parseShard(bad)).toThrow(/^SHARD ".*" is not k\/n with 1 ≤ k ≤ n/u);
});

test('every document is in exactly one shard, decided by its slug alone', () => {
  const slugs = Array.from({ length: 2000 }, (_, i) => `doc-${i}`);
  for (const n of [1, 2, 10]) {
    const sizes = Array.from({ length: n }, (_, k) => slugs.filter((s) => inShard(s, { index: k + 1, count: n })).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(slugs.length);
    // Roughly even: no shard more than 25% above its share.
    expect(Math.max(...sizes)).toBeLessThan((slugs.length / n) * 1.25);
  }
  // The same on every machine: every shard job of a CI run must cut the corpus alike.
  expect(shardOf('000_dafef29e75211819', 10)).toBe(5);
});

test('a sitemap of more than 50,000 addresses becomes an index of files of at most 50,000', () => {
  const urls = Array.from({ length: 120_001 }, (_, i) => i);
  expect(sitemapChunks(urls).map((c) => c.length)).toEqual([50_000, 50_000, 20_001]);
  expect(sitemapChunks([])).toEqual([[]]);
  const xml = sitemapIndex(['https://x.example/sitemap-1.xml', 'https://x.example/sitemap-2.xml']);
  expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  expect(xml.match(/<sitemap><loc>/gu)).toHaveLength(2);
});
