/**
 * The budgets of the scale issues (corpus scale; deployable at scale) as
 * data: one row per measured figure and its limit. The report writes them
 * as a table; a run that misses one exits with 1 and says which.
 */
import { CLOSE_TO_LIMIT, withRules } from '../src/lib/publish/hosts.ts';
import { fmt, KB, mark, PARTS, secs } from './measure.ts';
import { count, largestFiles, median, where, type BenchResults } from './results.ts';

/** How a figure is written. */
type Unit = 'bytes' | 'ms' | 'count' | 'ratio' | 'score';

/** One budget: a measured figure and its limit. */
export interface Budget {
  /** What is measured, and where. */
  name: string;
  measured: number;
  limit: number;
  unit: Unit;
  /** The limit is a most (the default), a least, or the figure itself. */
  rule?: 'at most' | 'at least' | 'exactly';
  /** What the report says beside the figure. */
  note?: string;
}

const MB = KB * KB;
const GB = 1024 * MB;

/** Whether a budget's figure keeps to its limit (a figure not measured, NaN, never does). */
export function kept(b: Budget): boolean {
  const rule = b.rule ?? 'at most';
  return rule === 'at most' ? b.measured <= b.limit : rule === 'at least' ? b.measured >= b.limit : b.measured === b.limit;
}

export const formatFigure = (x: number, unit: Unit): string => {
  if (Number.isNaN(x)) return '—';
  if (unit === 'bytes') return x >= GB ? `${(x / GB).toFixed(2)} GB` : fmt(x);
  if (unit === 'ms') return x >= 10_000 ? secs(x) : `${Math.round(x)} ms`;
  if (unit === 'ratio') return `×${x.toFixed(2)}`;
  return count(Math.round(x * 10) / 10);
};

/** Every budget the run measured (a size not built has none). */
export function budgets(r: BenchResults): Budget[] {
  const out: Budget[] = [];
  const add = (name: string, measured: number, limit: number, unit: Unit, more: Pick<Budget, 'rule' | 'note'> = {}) =>
    out.push({ name, measured, limit, unit, ...more });
  const { sizes, seedWide: w, seedPhone } = r;

  add('Reading page complete in the first round trip: HTML + CSS, gzip (seed page)', w.htmlGz, 14 * KB, 'bytes');
  if (sizes.length) {
    add(
      'Reading page flat in N: the largest synthetic page, gzip, within 2% and 64 bytes of the smallest size’s',
      Math.max(...sizes.map((s) => s.weight.htmlGz)),
      sizes[0]!.weight.htmlGz * 1.02 + 64,
      'bytes',
      { note: sizes.map((s) => fmt(s.weight.htmlGz)).join(' → ') },
    );
  }
  add('Reading page JavaScript on load, gzip (seed page, 1280×720)', w.jsOnLoadGzip, 2 * KB, 'bytes', {
    note: `${w.scripts} files, the notes' margin module among them`,
  });
  add('Reading page JavaScript on load, gzip (seed page, phone 390×844)', seedPhone.jsOnLoadGzip, 2 * KB, 'bytes', { note: `${seedPhone.scripts} files` });
  if (typeof r.lighthouse === 'string') add('Lighthouse mobile', NaN, 100, 'score', { rule: 'at least', note: r.lighthouse });
  else for (const [category, score] of Object.entries(r.lighthouse)) add(`Lighthouse mobile: ${category}`, score, 100, 'score', { rule: 'at least' });

  const at1k = sizes.find((s) => s.n === 1000);
  if (at1k) add("1,000 documents: dist/ files (Cloudflare Pages' free plan)", at1k.dist.files, 20_000, 'count', { note: fmt(at1k.dist.bytes) });
  const pairs = r.baseline && typeof r.baseline !== 'string' ? r.baseline.pairs : [];
  if (pairs.length) {
    add(
      `1,000 documents: build time over stock Starlight's on the same corpus (median of ${pairs.length} alternating pairs)`,
      median(pairs.map((p) => p.ratio)),
      1,
      'ratio',
      { note: pairs.map((p) => `×${p.ratio.toFixed(2)}`).join(', ') },
    );
  }

  const r10k = sizes.find((s) => s.n === 10_000);
  if (r10k) {
    const at = '10,000 documents';
    add(`${at}: dist/ size (GitHub Pages, GitLab Pages: 1 GB)`, r10k.dist.bytes, 1000 * MB, 'bytes', {
      note: `${(r10k.dist.bytes / r10k.n / KB).toFixed(1)} KB a document`,
    });
    add(`${at}: dist/ files (Cloudflare Pages' paid plan)`, r10k.dist.files, 100_000, 'count', { note: `${(r10k.dist.files / r10k.n).toFixed(1)} a document` });
    add(`${at}: files and folders (GitLab Pages)`, r10k.dist.files + r10k.dist.folders, 200_000, 'count', { note: `${count(r10k.dist.folders)} folders` });
    // HOST_REDIRECTS=rules writes no focus views' pages (nor the folders that hold only them), and four lines of
    // _redirects, as the build's host report reckons it: well within a host's limit is CLOSE_TO_LIMIT of it.
    const ruled = withRules(r10k.dist);
    const focusBytes = r10k.parts.get('focus views’ pages')?.bytes ?? 0;
    add(`${at} with \`HOST_REDIRECTS=rules\`: files, well within Cloudflare Pages' 100,000`, ruled.files, CLOSE_TO_LIMIT * 100_000, 'count', {
      note: fmt(r10k.dist.bytes - focusBytes),
    });
    add(
      `${at} with \`HOST_REDIRECTS=rules\`: files and folders, well within GitLab Pages' 200,000`,
      ruled.files + ruled.folders,
      CLOSE_TO_LIMIT * 200_000,
      'count',
      {
        note: `${count(ruled.folders)} folders`,
      },
    );
    for (const s of r10k.search) {
      const of = `${at}, ${where(s.mode)}, ${s.query.kind}`;
      // Every query is chosen from the corpus: the first search shows a passage, with no press of "More passages".
      add(`${of}: first query, passages shown`, s.first.results, 1, 'count', { rule: 'at least' });
      add(`${of}: first query, bytes`, s.first.bytes, 150 * KB, 'bytes');
      add(`${of}: first query, time (median of the loads)`, s.first.ms, 400, 'ms');
      add(`${of}: second query, bytes`, s.second.bytes, 50 * KB, 'bytes');
      add(`${of}: second query, time`, s.second.ms, 250, 'ms');
    }
    const history = r10k.history ? `, from a git history with ${count(r10k.history.revised)} documents corrected three times` : '';
    add(`${at}: cold build${history}`, r10k.build.ms, 180_000, 'ms', { note: `load ${r10k.build.load} when it started` });
    add(`${at}: peak memory of the build's process tree`, r10k.build.peakRss, 2 * GB, 'bytes');
    if (at1k) {
      add('Time per document, 10,000 over 1,000 documents', r10k.build.ms / 10_000 / (at1k.build.ms / 1000), 1.25, 'ratio', {
        note: `${(at1k.build.ms / 1000).toFixed(1)} → ${(r10k.build.ms / 10_000).toFixed(1)} ms`,
      });
    }
  }

  const { low, high, keys, growth } = largestFiles(sizes, PARTS);
  if (low && high && low !== high) {
    const grew = keys.flatMap((k) => {
      const g = growth(k);
      return g === undefined ? [] : [{ k, g }];
    });
    const top = grew.sort((a, b) => b.g - a.g)[0];
    if (top) {
      add(
        `No unbounded part: the largest file of each part and index folder grows no faster than the corpus (${count(low.n)} → ${count(high.n)})`,
        top.g,
        high.n / low.n,
        'ratio',
        {
          note: `most: ${top.k}`,
        },
      );
    }
  }

  const big = sizes.find((s) => s.shards);
  if (big?.shards && big.assemble) {
    const at = `${count(big.n)} documents`;
    const slowest = Math.max(...big.shards.map((s) => s.ms));
    add(`${at}: the slowest shard's build`, slowest, 180_000, 'ms');
    add(`${at}: the largest shard's peak memory`, Math.max(...big.shards.map((s) => s.peakRss)), 2 * GB, 'bytes');
    add(`${at}: the assemble step`, big.assemble.ms, 150_000, 'ms', { note: `load ${big.assemble.load} when it started, ${fmt(big.assemble.peakRss)}` });
    add(`${at} on parallel runners: the slowest shard, then assemble`, slowest + big.assemble.ms, 360_000, 'ms');
    add(`${at}: recurring-phrase pages in the sharded build`, big.nav.sections.find((x) => x.name === 'phrases')?.pages ?? 0, 2, 'count', { rule: 'at least' });
    for (const s of big.search) {
      const of = `${at} assembled, ${where(s.mode)}, ${s.query.kind}`;
      add(`${of}: first query, passages shown`, s.first.results, 1, 'count', { rule: 'at least' });
      add(`${of}: first query, bytes`, s.first.bytes, 400 * KB, 'bytes');
      add(`${of}: first query, time`, s.first.ms, 1000, 'ms');
      add(`${of}: second query, bytes`, s.second.bytes, 150 * KB, 'bytes');
    }
  }

  const two = r.twoShards;
  add('Two shards assembled, one search over both: documents found from shard 1', two.fromA, 1, 'count', { rule: 'at least', note: `${two.total} in all` });
  add('… and from shard 2', two.fromB, 1, 'count', { rule: 'at least' });
  add('… and one sitemap of all: documents it lists', two.listed, 100, 'count', { rule: 'exactly' });
  return out;
}

/** The budgets as the report's table. */
export function budgetTable(list: readonly Budget[]): string {
  const rows = list.map(
    (b) =>
      `| ${b.name} | ${formatFigure(b.measured, b.unit)}${b.note ? ` (${b.note})` : ''} | ${b.rule ?? 'at most'} ${formatFigure(b.limit, b.unit)} | ${mark(kept(b))} |`,
  );
  return ['| budget | measured | limit | |', '| --- | ---: | ---: | --- |', ...rows].join('\n');
}
