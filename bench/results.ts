/**
 * What one run of the benchmark (bench/run.ts) found, as its budgets
 * (bench/budgets.ts) and its report (bench/report.ts) read it, and the
 * figures both write the same way.
 */
import type { SiteSize } from '../src/lib/publish/hosts.ts';
import { KB, type PageWeight, type PartCost, type QueryCost, type Run } from './measure.ts';
import type { BenchQuery } from './queries.ts';

/** A timed step and the machine's 1-minute load average when it started. */
export type Timed = Run & { load: string };

/** The navigation pages of a build: per section, its pages, their largest gzip size and Astro's time for them; the top entries. */
export interface NavigationCost {
  sections: { name: string; pages: number; maxGzip: number; ms: number }[];
  /** The intro line and first rows of /speakers/ and /phrases/, as built. */
  top: { name: string; intro: string; rows: string[] }[];
}

/** One corpus size, built and measured. */
export interface SizeResult {
  n: number;
  build: Timed;
  /** A sharded build's shards and assemble step (sizes of 50,000 and more). */
  shards: Timed[] | undefined;
  assemble: Timed | undefined;
  /** When built from a git history: the documents corrected and the commits. */
  history: { revised: number; commits: number } | undefined;
  /** The whole site, as the build's host report measures it (its focus views' pages, its `_redirects`). */
  dist: SiteSize;
  /** Each part of the site, and the search index's folders. */
  parts: Map<string, PartCost>;
  folders: Map<string, PartCost>;
  index: { bytes: number; files: number };
  weight: PageWeight;
  queries: BenchQuery[];
  search: { mode: 'dialog' | 'page'; query: BenchQuery; first: QueryCost; second: QueryCost & { query: string } }[];
  nav: NavigationCost;
}

/** One pair: this site's cold build and Starlight's, on the same corpus, one right after the other. */
export interface Pair {
  reader: Timed;
  peer: Timed;
  ratio: number;
}

/** Everything one run measured. */
export interface BenchResults {
  sizes: SizeResult[];
  /** The Starlight baseline at 1,000 documents: its pairs, or why it did not run (undefined: not asked for). */
  baseline: { pairs: Pair[]; readerRaw: number; peerRaw: number } | string | undefined;
  /** Two shards of 100 documents assembled: the documents one search found from each, and the sitemap's. */
  twoShards: { fromA: number; fromB: number; total: number; listed: number };
  /** The seed's reading page on a wide screen and on a phone. */
  seedWide: PageWeight;
  seedPhone: PageWeight;
  /** Lighthouse's four scores on the seed's page, or why it did not run. */
  lighthouse: Record<string, number> | string;
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * How the largest file of each part of the site and each folder of the search index grew with the corpus: from
 * `low` (the smallest size of 1,000 documents or more) to `high` (the largest). A part whose largest file grew
 * faster than the corpus would be unbounded.
 */
export function largestFiles(sizes: readonly SizeResult[], parts: readonly string[]) {
  const grown = sizes.filter((r) => r.n >= 1000);
  const [low, high] = [grown[0], grown.at(-1)];
  const keys = [...parts.filter((p) => sizes.some((r) => r.parts.get(p)!.files > 0)), ...new Set(sizes.flatMap((r) => [...r.folders.keys()]))];
  const largestOf = (r: SizeResult, key: string) => r.parts.get(key) ?? r.folders.get(key);
  const growth = (key: string) => {
    const a = low && largestOf(low, key)?.largest.bytes;
    const b = high && largestOf(high, key)?.largest.bytes;
    return a && b && low !== high ? b / a : undefined;
  };
  return { low, high, keys, largestOf, growth };
}

export const count = (x: number) => x.toLocaleString('en');
export const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;
export const ms = (x: number) => (Number.isNaN(x) ? '—' : `${Math.round(x)} ms`);
/** A query's time: the median, and the range of the loads when there were several. */
export const msOf = (c: QueryCost) =>
  c.times && c.times.length > 1 ? `${ms(c.ms)} (${Math.round(Math.min(...c.times))}–${Math.round(Math.max(...c.times))})` : ms(c.ms);
export const perDoc = (bytes: number, n: number) => (bytes / n >= 1024 * KB ? `${(bytes / n / KB / KB).toFixed(1)} MB` : `${(bytes / n / KB).toFixed(1)} KB`);
export const where = (mode: 'dialog' | 'page') => (mode === 'dialog' ? 'dialog' : '/search/');
