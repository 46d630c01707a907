/**
 * Deterministic shards of a corpus, for builds that split a large corpus
 * over several machines (`SHARD=3/10`). A document's shard depends on its
 * slug alone, so it never moves when other documents are added or removed,
 * and every machine computes the same split without talking to the others.
 */
import { fnv1a } from '../common/hash.ts';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Read `SHARD`-style text, `k/n` with 1 ≤ k ≤ n. Returns undefined for no
 * value; throws an Error whose message is the one line to print otherwise.
 */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/u.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !(count >= 1) || !(index >= 1) || index > count || count > 10_000) {
    throw new Error(`SHARD "${value}" is not k/n with 1 ≤ k ≤ n (for example SHARD=3/10)`);
  }
  return { index, count };
}

/** Whether the document with this slug belongs to the shard. */
export function inShard(slug: string, shard: Shard): boolean {
  return shardOf(slug, shard.count) === shard.index;
}

/** The 1-based shard of a slug among `count` shards. */
export function shardOf(slug: string, count: number): number {
  return (fnv1a(slug) % count) + 1;
}
