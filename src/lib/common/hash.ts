/**
 * FNV-1a, 32 bits, over a text's code points: stable across runs and
 * machines. Slugs of texts without Latin letters (`doc-<hash>`, a published
 * address, src/lib/common/slug.ts), the shard of a slug (src/lib/corpus/shard.ts)
 * and the split search filters (src/lib/search/bundles.ts) are this hash.
 */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
