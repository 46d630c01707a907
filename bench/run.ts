/**
 * `npm run bench`: builds synthetic corpora (bench/corpus.ts) with the real
 * build, cold, and measures them: build time and peak memory (whole process
 * tree and each process), output size by part of the site and the largest
 * file of each, a reading page's weight, and the site's own search in
 * Chromium (six queries, first and second, bytes and time to the first
 * painted result). At 1,000 documents it builds the stock Starlight +
 * Pagefind baseline on the same corpus, alternating with this site's build
 * (BENCH_PAIRS pairs), and reports the median ratio. It builds a two-shard
 * corpus and assembles it, runs Lighthouse on the seed's page, and writes
 * bench/RESULTS.md with each budget marked pass or fail. Every timed build
 * records the machine's load average when it started: on a shared machine a
 * time means little without it.
 *
 *   BENCH_SIZES=1,100,1000,10000   sizes (default); sizes of 50,000 and more
 *                                  build as BENCH_SHARDS shards (default 10)
 *                                  and are assembled, as on a CI engine
 *   BENCH_PEER=0                   skip the Starlight baseline
 *   BENCH_PAIRS=3                  alternating pairs of 1,000-document builds (this site, Starlight)
 *   BENCH_SEARCH_RUNS=3            fresh page loads per query; each time is their median
 *   BENCH_HISTORY=10000            sizes built from a git history (bench/history.ts: three corrections
 *                                  to one document in ten), with HISTORY=required; 0 for none
 *   PEER_DIR=…                     where the baseline lives (default ../shared/peer-starlight)
 *   BENCH_OUT=bench/RESULTS-100k.md where to write the results (default bench/RESULTS.md)
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { measureSite } from '../src/integrations/site-size.ts';
import { CLOSE_TO_LIMIT, withRules, type SiteSize } from '../src/lib/publish/hosts.ts';
import { serve } from '../tests/helpers/serve.ts';
import { syntheticCorpus, type SyntheticSeed } from './corpus.ts';
import {
  clean,
  du,
  fmt,
  KB,
  mark,
  mb,
  pageWeight,
  PARTS,
  rawPagefindCost,
  run,
  searchCost,
  secs,
  siteParts,
  type PageWeight,
  type PartCost,
  type QueryCost,
  type Run,
} from './measure.ts';
import { commitHistory } from './history.ts';
import { benchQueries, type BenchQuery } from './queries.ts';

const root = new URL('../', import.meta.url).pathname;
const work = join(root, 'bench/.work');
const sizes = (process.env.BENCH_SIZES ?? '1,100,1000,10000').split(',').map(Number);
const SHARDS = Number(process.env.BENCH_SHARDS ?? 10);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const SEARCH_RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 3);
const WITH_HISTORY = new Set((process.env.BENCH_HISTORY ?? '10000').split(',').map(Number));
const peerDir = resolve(root, process.env.PEER_DIR ?? '../shared/peer-starlight');
const READING_PAGE = '/doc-000000/';

/** Budgets of the scale issues (corpus scale; deployable at scale). */
const BUDGET = {
  firstBytes: 150 * KB,
  firstMs: 400,
  secondBytes: 50 * KB,
  secondMs: 250,
  buildMs10k: 180_000,
  rss: 2 * 1024 * KB * KB,
  perDocRatio: 1.25,
  peerRatio: 1.0,
  firstBytes100k: 400 * KB,
  firstMs100k: 1000,
  secondBytes100k: 150 * KB,
  /** 10,000 documents: what GitHub Pages and GitLab Pages take (1 GB), and Cloudflare Pages' paid plan (100,000 files). */
  distBytes10k: 1000 * KB * KB,
  distFiles10k: 100_000,
  /** GitLab Pages: files and folders of a site, on GitLab.com. */
  entries10k: 200_000,
  /** 1,000 documents: Cloudflare Pages' free plan. */
  distFiles1k: 20_000,
  jsOnLoadGzip: 2 * KB,
  assembleMs: 150_000,
  pipelineMs: 360_000,
};

/** The 1-minute load average now, as a string for the report. */
const load = () => loadavg()[0]!.toFixed(1);

function writeSeeds(name: string, seeds: readonly SyntheticSeed[]): string {
  const dir = join(work, `seeds-${name}`);
  clean(dir);
  mkdirSync(dir, { recursive: true });
  for (const s of seeds) writeFileSync(join(dir, s.name), s.text);
  return `bench/.work/seeds-${name}`;
}

/**
 * The seeds in a git repository of their own (bench/.work/repo-<name>/seeds),
 * every seed committed, then three corrections to one document in ten
 * (bench/history.ts): a build reads that history as a newsroom's.
 */
function writeSeedsWithHistory(name: string, seeds: readonly SyntheticSeed[]): { seedsDir: string; revised: number; commits: number } {
  const repo = join(work, `repo-${name}`);
  clean(repo);
  const dir = join(repo, 'seeds');
  mkdirSync(dir, { recursive: true });
  for (const s of seeds) writeFileSync(join(dir, s.name), s.text);
  return { seedsDir: `bench/.work/repo-${name}/seeds`, ...commitHistory(dir, seeds) };
}

/** A cold `npm run build` of a seeds folder into bench/.work/dist-<name>. */
async function build(name: string, seedsDir: string, env: Record<string, string> = {}): Promise<Run & { out: string; load: string }> {
  const out = join(work, `dist-${name}`);
  clean(out, join(work, `cache-${name}`), join(work, `cards-${name}`));
  const before = load();
  const result = await run('npm', ['run', 'build'], {
    cwd: root,
    env: { SEEDS_DIR: seedsDir, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, `cache-${name}`), CARD_CACHE_DIR: join(work, `cards-${name}`), ...env },
  });
  return { ...result, out, load: before };
}

/** Shards built one after another (each as a CI job would), then assembled into one site, their folders moved into it as the workflow does. */
async function shardedBuild(
  name: string,
  seedsDir: string,
  count: number,
): Promise<{ shards: (Run & { out: string; load: string })[]; assemble: Run & { load: string }; out: string }> {
  const shards: (Run & { out: string; load: string })[] = [];
  for (let k = 1; k <= count; k++) {
    console.log(`bench: ${name}: shard ${k}/${count}`);
    shards.push(await build(`${name}-shard-${k}`, seedsDir, { SHARD: `${k}/${count}` }));
  }
  const out = join(work, `dist-${name}`);
  clean(out);
  console.log(`bench: ${name}: assemble`);
  const before = load();
  const assemble = { ...(await run('npm', ['run', 'assemble', '--', '--move', out, ...shards.map((s) => s.out)], { cwd: root })), load: before };
  return { shards, assemble, out };
}

interface SizeResult {
  n: number;
  build: Run & { load: string };
  shards: (Run & { load: string })[] | undefined;
  assemble: (Run & { load: string }) | undefined;
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

/** The navigation pages of a build: per section, its pages, their largest gzip size and Astro's time for them; the top entries. */
interface NavigationCost {
  sections: { name: string; pages: number; maxGzip: number; ms: number }[];
  /** The intro line and first rows of /speakers/ and /phrases/, as built. */
  top: { name: string; intro: string; rows: string[] }[];
}

const NAV_SECTIONS = ['speakers', 'sources', 'archive', 'phrases'];

function navigationCost(out: string, buildLog: string): NavigationCost {
  const sections = NAV_SECTIONS.map((name) => {
    const files = existsSync(join(out, name)) ? htmlFilesUnder(join(out, name)) : [];
    // Astro's build log gives each route's time as "(+N ms)" when it is not negligible.
    const ms = [...buildLog.matchAll(new RegExp(`/${name}/\\S*index\\.html \\(\\+(\\d+)ms\\)`, 'gu'))].reduce((a, m) => a + Number(m[1]), 0);
    return { name, pages: files.length, maxGzip: files.reduce((m, f) => Math.max(m, gzipSync(readFileSync(f)).length), 0), ms };
  });
  const top = ['speakers', 'phrases'].flatMap((name) => {
    const file = join(out, name, 'index.html');
    if (!existsSync(file)) return [];
    const html = readFileSync(file, 'utf8');
    const strip = (x: string) =>
      x
        .replace(/<[^>]+>/gu, '')
        .replace(/&quot;/gu, '"')
        .replace(/&#39;/gu, "'")
        .replace(/&amp;/gu, '&')
        .replace(/\s+/gu, ' ')
        .trim();
    const intro = strip(/<p class="doc-meta">([\s\S]*?)<\/p>/u.exec(html)?.[1] ?? '');
    const rows = [...html.matchAll(/<li>([\s\S]*?)<\/li>/gu)].slice(0, 5).map((m) => strip(m[1]!));
    return [{ name, intro, rows }];
  });
  return { sections, top };
}

function htmlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * One query's cost over several fresh page loads: the median time (one load's time on a machine of two shared
 * cores swings by a hundred milliseconds), every load's time beside it, and the most bytes any load took.
 */
function typical(costs: readonly QueryCost[]): QueryCost {
  const times = costs.map((c) => c.ms).filter((t) => !Number.isNaN(t));
  return {
    bytes: Math.max(...costs.map((c) => c.bytes)),
    ms: times.length ? median(times) : NaN,
    results: costs[0]!.results,
    times,
  };
}

async function measureSize(browser: Browser, n: number): Promise<SizeResult> {
  console.log(`bench: N = ${n}: corpus`);
  const seeds = syntheticCorpus(n);
  const queries = benchQueries(seeds);
  const history = WITH_HISTORY.has(n) ? writeSeedsWithHistory(String(n), seeds) : undefined;
  const seedsDir = history?.seedsDir ?? writeSeeds(String(n), seeds);
  let b: Run & { out: string; load: string };
  let shards: (Run & { load: string })[] | undefined;
  let assemble: (Run & { load: string }) | undefined;
  if (n >= 50_000) {
    const s = await shardedBuild(String(n), seedsDir, SHARDS);
    shards = s.shards;
    assemble = s.assemble;
    b = {
      ms: s.shards.reduce((a, r) => a + r.ms, 0) + s.assemble.ms,
      peakRss: Math.max(...s.shards.map((r) => r.peakRss), s.assemble.peakRss),
      peaks: {},
      output: '',
      out: s.out,
      load: s.shards[0]!.load,
    };
  } else {
    console.log(`bench: N = ${n}: build${history ? ` (with a history: ${history.revised} documents corrected in ${history.commits} commits)` : ''}`);
    b = await build(String(n), seedsDir, history ? { HISTORY: 'required' } : {});
  }
  console.log(`bench: N = ${n}: built in ${secs(b.ms)}; measuring`);
  const server = await serve(b.out, { host: true });
  const weight = await pageWeight(browser, server.origin, b.out, READING_PAGE);
  const search: SizeResult['search'] = [];
  for (const mode of ['dialog', 'page'] as const) {
    for (const [i, q] of queries.entries()) {
      const next = queries[(i + 1) % queries.length]!;
      const runs = [];
      for (let run = 0; run < SEARCH_RUNS; run++) runs.push(await searchCost(browser, server, mode, READING_PAGE, q.query, next.query));
      const cost = { first: typical(runs.map((c) => c.first)), second: typical(runs.map((c) => c.second)) };
      search.push({ mode, query: q, first: cost.first, second: { ...cost.second, query: next.query } });
    }
  }
  await server.close();
  const nav = navigationCost(b.out, assemble ? assemble.output : b.output);
  const { parts, folders } = siteParts(b.out);
  return {
    n,
    build: b,
    shards,
    assemble,
    history: history && { revised: history.revised, commits: history.commits },
    dist: measureSite(b.out),
    parts,
    folders,
    index: du(join(b.out, 'pagefind')),
    weight,
    queries,
    search,
    nav,
  };
}

/** Where the Starlight baseline is built (a copy of PEER_DIR's, with its dependencies), or why it cannot be. */
function peerSite(): string | { missing: string } {
  const starlight = join(work, 'peer/starlight');
  if (!existsSync(join(peerDir, 'starlight'))) return { missing: `no baseline at ${peerDir}` };
  if (!existsSync(join(starlight, 'node_modules/astro'))) {
    clean(join(work, 'peer'));
    mkdirSync(join(work, 'peer'), { recursive: true });
    cpSync(join(peerDir, 'starlight'), starlight, { recursive: true });
    execFileSync('chmod', ['-R', 'u+w', join(work, 'peer')]);
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: starlight, stdio: 'inherit' });
  }
  return starlight;
}

/** A cold build of the Starlight baseline on a seeds folder (its own script clears its caches and times `astro build`). */
async function peerBuild(starlight: string, seedsDir: string): Promise<Run & { load: string }> {
  const before = load();
  const build = await run(
    process.execPath,
    [join(starlight, 'build-from-corpus.mjs'), join(root, seedsDir), '--time-file', join(work, 'peer/time.txt'), '--log-file', join(work, 'peer/build.log')],
    { cwd: starlight },
  );
  // build-from-corpus.mjs times `astro build` alone with /usr/bin/time; take its own figure when it gave one.
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/u.exec(readFileSync(join(work, 'peer/time.txt'), 'utf8'));
  if (elapsed) build.ms = ((Number(elapsed[1] ?? 0) * 60 + Number(elapsed[2])) * 60 + Number(elapsed[3])) * 1000;
  return { ...build, load: before };
}

/** One pair: this site's cold build and Starlight's, on the same corpus, one right after the other. */
interface Pair {
  reader: Run & { load: string };
  peer: Run & { load: string };
  ratio: number;
}

/**
 * The Starlight baseline on the same 1,000-document corpus: PAIRS pairs of
 * cold builds, the order alternating (this site first, then Starlight first),
 * so that a change of the machine's load during the run weighs on both; and
 * the raw Pagefind cost of one query on each.
 */
async function peer(
  browser: Browser,
  seedsDir: string,
  query: string,
  reader: { out: string },
): Promise<{ pairs: Pair[]; readerRaw: number; peerRaw: number } | string> {
  const starlight = peerSite();
  if (typeof starlight !== 'string') return starlight.missing;
  const pairs: Pair[] = [];
  for (let i = 0; i < PAIRS; i++) {
    console.log(`bench: 1,000 documents, pair ${i + 1} of ${PAIRS}`);
    let r: Run & { load: string };
    let p: Run & { load: string };
    if (i % 2 === 0) {
      r = await build(`1000-pair`, seedsDir);
      p = await peerBuild(starlight, seedsDir);
    } else {
      p = await peerBuild(starlight, seedsDir);
      r = await build(`1000-pair`, seedsDir);
    }
    pairs.push({ reader: r, peer: p, ratio: r.ms / p.ms });
  }
  const peerServer = await serve(join(starlight, 'dist'), { host: true });
  const peerRaw = await rawPagefindCost(browser, peerServer, query);
  await peerServer.close();
  const readerServer = await serve(reader.out, { host: true });
  const readerRaw = await rawPagefindCost(browser, readerServer, query);
  await readerServer.close();
  return { pairs, readerRaw, peerRaw };
}

/** Two shards of 100 documents, assembled: one search (the common word) finds documents of both. */
async function twoShards(browser: Browser): Promise<{ fromA: number; fromB: number; total: number; listed: number }> {
  const seeds = syntheticCorpus(100);
  const seedsDir = writeSeeds('two-shards', seeds);
  const s = await shardedBuild('two-shards', seedsDir, 2);
  const server = await serve(s.out, { host: true });
  const page = await browser.newPage();
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent(benchQueries(seeds)[0]!.query)}`);
  await page.waitForFunction(() => /found|shown/u.test(document.querySelector('.search-status')?.textContent ?? ''));
  for (let i = 0; i < 20 && (await page.locator('.search-more').isVisible()); i++) {
    await page.locator('.search-more').click();
    await page.waitForFunction(() => !document.querySelector('search-ui')!.hasAttribute('aria-busy'));
  }
  const hrefs = await page.$$eval('.search-results a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  const { shardOf } = await import('../src/lib/corpus/shard.ts');
  const slugs = new Set(hrefs.map((h) => h.split('/')[1]!));
  const fromA = [...slugs].filter((sl) => shardOf(sl, 2) === 1).length;
  const fromB = [...slugs].filter((sl) => shardOf(sl, 2) === 2).length;
  const listed = (readFileSync(join(s.out, 'sitemap.xml'), 'utf8').match(/\/doc-\d+\//gu) ?? []).length;
  await page.close();
  await server.close();
  return { fromA, fromB, total: slugs.size, listed };
}

/** Lighthouse (mobile) on a page: the four category scores. */
async function lighthouse(url: string, attempt = 1): Promise<Record<string, number> | string> {
  try {
    const prefix = join(work, 'lighthouse');
    const cli = join(prefix, 'node_modules/lighthouse/cli/index.js');
    if (!existsSync(cli)) execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', prefix, 'lighthouse@12.2.3'], { stdio: 'inherit' });
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        cli,
        url,
        '--output=json',
        '--quiet',
        '--chrome-path=/usr/bin/chromium',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
      ],
      { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } },
    );
    const report = JSON.parse(stdout) as { categories: Record<string, { score: number }> };
    return Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
  } catch (error) {
    if (attempt < 2) return await lighthouse(url, attempt + 1);
    return `Lighthouse did not run: ${(error as Error).message.split('\n')[0]}`;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;
const ms = (x: number) => (Number.isNaN(x) ? '—' : `${Math.round(x)} ms`);
/** A query's time: the median, and the range of the loads when there were several. */
const msOf = (c: QueryCost) =>
  c.times && c.times.length > 1 ? `${ms(c.ms)} (${Math.round(Math.min(...c.times))}–${Math.round(Math.max(...c.times))})` : ms(c.ms);

const perDoc = (bytes: number, n: number) => (bytes / n >= 1024 * KB ? `${(bytes / n / KB / KB).toFixed(1)} MB` : `${(bytes / n / KB).toFixed(1)} KB`);
const count = (x: number) => x.toLocaleString('en');
const where = (mode: 'dialog' | 'page') => (mode === 'dialog' ? 'dialog' : '/search/');

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results: SizeResult[] = [];
  for (const n of sizes) results.push(await measureSize(browser, n));

  const at1k = results.find((r) => r.n === 1000);
  const baseline =
    at1k && process.env.BENCH_PEER !== '0'
      ? await peer(browser, 'bench/.work/seeds-1000', at1k.queries[0]!.query, { out: join(work, 'dist-1000') })
      : undefined;
  console.log('bench: two shards');
  const shards = await twoShards(browser);
  console.log('bench: the seed, Lighthouse');
  const seedBuild = await build('seed', 'seeds');
  const seedServer = await serve(seedBuild.out, { host: true });
  const seedWeight = await pageWeight(browser, seedServer.origin, seedBuild.out, '/000_dafef29e75211819/');
  // On a phone (no margin for the notes, so their module does not load with the page).
  const seedPhone = await pageWeight(browser, seedServer.origin, seedBuild.out, '/000_dafef29e75211819/', { width: 390, height: 844 });
  const scores = await lighthouse(`${seedServer.origin}/000_dafef29e75211819/`);
  await seedServer.close();
  await browser.close();

  // Tables.
  const buildRows = results.map((r) => {
    const p = r.build.peaks;
    const by = Object.keys(p).length
      ? Object.entries(p)
          .filter(([k]) => k !== 'other')
          .map(([k, v]) => `${k} ${mb(v)}`)
          .join(', ')
      : r.shards
        ? `each shard ≤ ${mb(Math.max(...r.shards.map((s) => s.peakRss)))}; assemble ${mb(r.assemble!.peakRss)}`
        : '';
    const n = r.history ? `${count(r.n)} (with history: ${count(r.history.revised)} corrected, ${r.history.commits} commits)` : count(r.n);
    return `| ${n} | ${secs(r.build.ms)} | ${r.build.load} | ${mb(r.build.peakRss)} | ${by} | ${(r.build.ms / r.n).toFixed(1)} ms | ${fmt(r.dist.bytes)} | ${count(r.dist.files)} | ${perDoc(r.dist.bytes, r.n)}, ${(r.dist.files / r.n).toFixed(1)} files |`;
  });
  const partRows = results.flatMap((r) =>
    PARTS.filter((name) => r.parts.get(name)!.files > 0).map((name) => {
      const c = r.parts.get(name)!;
      return `| ${count(r.n)} | ${name} | ${count(c.files)} | ${fmt(c.bytes)} | ${(c.bytes / r.dist.bytes) * 100 < 0.1 ? '<0.1' : ((c.bytes / r.dist.bytes) * 100).toFixed(1)}% | ${perDoc(c.bytes, r.n)}, ${(c.files / r.n).toFixed(2)} files | ${fmt(c.bytes / c.files)} |`;
    }),
  );
  // The largest file of each part and index folder, at each size; and how it grew from the smallest size of 1,000 or more to the largest.
  const grown = results.filter((r) => r.n >= 1000);
  const [low, high] = [grown[0], grown.at(-1)];
  const largestKeys = [...PARTS.filter((p) => results.some((r) => r.parts.get(p)!.files > 0)), ...new Set(results.flatMap((r) => [...r.folders.keys()]))];
  const largestOf = (r: SizeResult, key: string) => r.parts.get(key) ?? r.folders.get(key);
  const growth = (key: string) => {
    const a = low && largestOf(low, key)?.largest.bytes;
    const b = high && largestOf(high, key)?.largest.bytes;
    return a && b && low !== high ? b / a : undefined;
  };
  const largestRows = largestKeys.map((key) => {
    const g = growth(key);
    return `| ${key} | ${results.map((r) => (largestOf(r, key) ? fmt(largestOf(r, key)!.largest.bytes) : '—')).join(' | ')} | ${g === undefined ? '—' : `×${g.toFixed(2)}`} | ${high ? `\`${largestOf(high, key)?.largest.path ?? ''}\`` : ''} |`;
  });
  const pageRows = results.map(
    (r) =>
      `| ${count(r.n)} | ${fmt(r.weight.html)} / ${fmt(r.weight.htmlGz)} | ${fmt(r.weight.css)} / ${fmt(r.weight.cssGz)} | ${fmt(r.weight.jsOnLoad)} / ${fmt(r.weight.jsOnLoadGzip)} in ${r.weight.scripts} files | ${r.weight.requests} |`,
  );
  const searchRows = results.flatMap((r) =>
    r.search.map(
      (s) =>
        `| ${count(r.n)} | ${where(s.mode)} | ${s.query.kind}: \`${s.query.query}\` (${pct(s.query.share)}) | ${s.first.results} | ${fmt(s.first.bytes)} | ${msOf(s.first)} | \`${s.second.query}\`: ${fmt(s.second.bytes)}, ${msOf(s.second)} |`,
    ),
  );
  const navRows = results.flatMap((r) => r.nav.sections.map((x) => `| ${count(r.n)} | /${x.name}/ | ${count(x.pages)} | ${fmt(x.maxGzip)} | ${secs(x.ms)} |`));
  const navTop = results
    .filter((r) => r.n >= 1000)
    .flatMap((r) => r.nav.top.map((t) => `- ${count(r.n)} documents, /${t.name}/: ${t.intro} First: ${t.rows.map((x) => `“${x}”`).join('; ')}.`));
  const shardRows = results
    .filter((r) => r.shards)
    .flatMap((r) => [
      ...r.shards!.map((s, i) => `| ${count(r.n)} | shard ${i + 1}/${r.shards!.length} | ${secs(s.ms)} | ${s.load} | ${mb(s.peakRss)} |`),
      `| ${count(r.n)} | assemble | ${secs(r.assemble!.ms)} | ${r.assemble!.load} | ${mb(r.assemble!.peakRss)} |`,
    ]);
  const pairs = baseline && typeof baseline !== 'string' ? baseline.pairs : [];
  const pairRows = pairs.map(
    (p, i) =>
      `| ${i + 1} | ${i % 2 === 0 ? 'this site, then Starlight' : 'Starlight, then this site'} | ${secs(p.reader.ms)} (load ${p.reader.load}, ${mb(p.reader.peakRss)}) | ${secs(p.peer.ms)} (load ${p.peer.load}, ${mb(p.peer.peakRss)}) | ×${p.ratio.toFixed(2)} |`,
  );

  // Budgets.
  const budgets: string[] = [];
  const w = seedWeight;
  budgets.push(
    `| Reading page complete in the first round trip: HTML + CSS ≤ 14 KB gzip (seed page), flat in N | ${fmt(w.htmlGz)}; synthetic page ${results.map((r) => fmt(r.weight.htmlGz)).join(' → ')} | ${mark(w.htmlGz <= 14 * KB && results.every((r) => r.weight.htmlGz <= results[0]!.weight.htmlGz * 1.02 + 64))} |`,
  );
  budgets.push(
    `| Reading page JavaScript on load ≤ 2 KB gzip (seed page), on a wide screen (1280×720) and on a phone (390×844) | wide ${fmt(w.jsOnLoadGzip)} in ${w.scripts} files (the notes' margin module among them); phone ${fmt(seedPhone.jsOnLoadGzip)} in ${seedPhone.scripts} files | ${mark(w.jsOnLoadGzip <= BUDGET.jsOnLoadGzip && seedPhone.jsOnLoadGzip <= BUDGET.jsOnLoadGzip)} |`,
  );
  if (typeof scores === 'string') budgets.push(`| Lighthouse mobile 100 ×4 | ${scores} | **fail** |`);
  else
    budgets.push(
      `| Lighthouse mobile: performance, accessibility, best practices, SEO = 100 | ${Object.entries(scores)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} | ${mark(Object.values(scores).every((v) => v === 100))} |`,
    );
  if (at1k) {
    budgets.push(
      `| 1,000 documents: dist/ ≤ 20,000 files (Cloudflare Pages' free plan) | ${count(at1k.dist.files)} files, ${fmt(at1k.dist.bytes)} | ${mark(at1k.dist.files <= BUDGET.distFiles1k)} |`,
    );
  }
  if (pairs.length) {
    const m = median(pairs.map((p) => p.ratio));
    budgets.push(
      `| 1,000 documents build ≤ stock Starlight's on the same corpus (median of ${pairs.length} alternating pairs, ≤ ×${BUDGET.peerRatio.toFixed(1)}) | ${pairs.map((p) => `×${p.ratio.toFixed(2)}`).join(', ')}: median ×${m.toFixed(2)} | ${mark(m <= BUDGET.peerRatio)} |`,
    );
  }
  const r10k = results.find((r) => r.n === 10_000);
  if (r10k) {
    budgets.push(
      `| 10,000 documents: dist/ ≤ 1,000 MB and ≤ 100,000 files (GitHub Pages, GitLab Pages, Cloudflare Pages' paid plan) | ${fmt(r10k.dist.bytes)}, ${count(r10k.dist.files)} files (${perDoc(r10k.dist.bytes, r10k.n)} and ${(r10k.dist.files / r10k.n).toFixed(1)} files a document) | ${mark(r10k.dist.bytes <= BUDGET.distBytes10k && r10k.dist.files <= BUDGET.distFiles10k)} |`,
    );
    const entries = r10k.dist.files + r10k.dist.folders;
    budgets.push(
      `| 10,000 documents on GitLab Pages, which counts files and folders: at most 200,000 | ${count(entries)} (${count(r10k.dist.folders)} folders) | ${mark(entries <= BUDGET.entries10k)} |`,
    );
    // HOST_REDIRECTS=rules writes no focus views' pages (nor the folders that hold only them), and four lines of
    // _redirects, as the build's host report reckons it.
    const ruled = withRules(r10k.dist);
    const ruledEntries = ruled.files + ruled.folders;
    const wellBelow = (max: number) => `at most ${count(CLOSE_TO_LIMIT * max)}`;
    budgets.push(
      `| 10,000 documents for Cloudflare Pages or Netlify (\`HOST_REDIRECTS=rules\`: the focus views are four redirect rules): ${wellBelow(BUDGET.distFiles10k)} files, well below the paid plan's 100,000 | ${fmt(r10k.dist.bytes - r10k.parts.get('focus views’ pages')!.bytes)}, ${count(ruled.files)} files | ${mark(ruled.files <= CLOSE_TO_LIMIT * BUDGET.distFiles10k)} |`,
      `| 10,000 documents for GitLab Pages with \`HOST_REDIRECTS=rules\`: ${wellBelow(BUDGET.entries10k)} files and folders, well below its 200,000 | ${count(ruledEntries)} (${count(ruled.folders)} folders) | ${mark(ruledEntries <= CLOSE_TO_LIMIT * BUDGET.entries10k)} |`,
    );
    for (const s of r10k.search) {
      const at = `${where(s.mode)}, ${s.query.kind}`;
      budgets.push(
        `| 10,000 documents, ${at}: first query ≤ 150 KB, ≤ 400 ms (median of the loads) | ${fmt(s.first.bytes)}, ${msOf(s.first)} | ${mark(s.first.bytes <= BUDGET.firstBytes && s.first.ms <= BUDGET.firstMs)} |`,
      );
      budgets.push(
        `| 10,000 documents, ${at}: second query ≤ 50 KB, ≤ 250 ms | ${fmt(s.second.bytes)}, ${msOf(s.second)} | ${mark(s.second.bytes <= BUDGET.secondBytes && s.second.ms <= BUDGET.secondMs)} |`,
      );
    }
    const withHistory = r10k.history ? `, from a git history with ${count(r10k.history.revised)} documents corrected three times` : '';
    budgets.push(
      `| 10,000 documents build cold in ≤ 3 min${withHistory} | ${secs(r10k.build.ms)} (load ${r10k.build.load} when it started) | ${mark(r10k.build.ms <= BUDGET.buildMs10k)} |`,
    );
    budgets.push(`| … with peak memory of the process tree ≤ 2 GB | ${mb(r10k.build.peakRss)} | ${mark(r10k.build.peakRss <= BUDGET.rss)} |`);
    if (at1k) {
      const ratio = r10k.build.ms / 10_000 / (at1k.build.ms / 1000);
      budgets.push(
        `| Time per document flat from 1,000 to 10,000 (ratio ≤ ${BUDGET.perDocRatio}) | ${(at1k.build.ms / 1000).toFixed(1)} → ${(r10k.build.ms / 10_000).toFixed(1)} ms (×${ratio.toFixed(2)}) | ${mark(ratio <= BUDGET.perDocRatio)} |`,
      );
    }
  }
  if (low && high && low !== high) {
    const corpus = high.n / low.n;
    const worst = largestKeys.map((k) => [k, growth(k)] as const).filter((x): x is readonly [string, number] => x[1] !== undefined);
    const top = worst.sort((a, b) => b[1] - a[1])[0];
    budgets.push(
      `| No unbounded part: the largest file of each part and index folder grows no faster than the corpus (${count(low.n)} → ${count(high.n)}: ≤ ×${corpus}) | largest growth: ${top ? `${top[0]} ×${top[1].toFixed(2)}` : '—'}; see “The largest file of each part” | ${mark(worst.every(([, g]) => g <= corpus))} |`,
    );
  }
  const big = results.find((r) => r.shards);
  if (big) {
    const slowest = Math.max(...big.shards!.map((s) => s.ms));
    budgets.push(
      `| ${count(big.n)} documents: each shard builds in ≤ 3 min and ≤ 2 GB | slowest ${secs(slowest)}, largest ${mb(Math.max(...big.shards!.map((s) => s.peakRss)))} | ${mark(big.shards!.every((s) => s.ms <= BUDGET.buildMs10k && s.peakRss <= BUDGET.rss))} |`,
    );
    budgets.push(
      `| ${count(big.n)} documents: the assemble step ≤ 150 s | ${secs(big.assemble!.ms)} (load ${big.assemble!.load} when it started), ${mb(big.assemble!.peakRss)} | ${mark(big.assemble!.ms <= BUDGET.assembleMs)} |`,
    );
    budgets.push(
      `| ${count(big.n)} documents on parallel runners: the slowest shard, then assemble, ≤ 6 min | ${secs(slowest)} + ${secs(big.assemble!.ms)} = ${secs(slowest + big.assemble!.ms)} | ${mark(slowest + big.assemble!.ms <= BUDGET.pipelineMs)} |`,
    );
    const phrases = big.nav.sections.find((x) => x.name === 'phrases');
    budgets.push(
      `| ${count(big.n)} documents: recurring-phrase pages in the sharded build | ${count(phrases?.pages ?? 0)} pages under /phrases/ | ${mark((phrases?.pages ?? 0) > 1)} |`,
    );
    for (const s of big.search) {
      const at = `${where(s.mode)}, ${s.query.kind}`;
      budgets.push(
        `| ${count(big.n)} documents assembled, ${at}: first query ≤ 400 KB, ≤ 1 s; second ≤ 150 KB | first ${fmt(s.first.bytes)}, ${msOf(s.first)}; second ${fmt(s.second.bytes)} | ${mark(s.first.bytes <= BUDGET.firstBytes100k && s.first.ms <= BUDGET.firstMs100k && s.second.bytes <= BUDGET.secondBytes100k)} |`,
      );
    }
  }
  budgets.push(
    `| Two shards assembled: one search over both, one sitemap of all | ${shards.total} documents found (${shards.fromA} from shard 1, ${shards.fromB} from shard 2); sitemap lists ${shards.listed} | ${mark(shards.fromA > 0 && shards.fromB > 0 && shards.listed === 100)} |`,
  );

  const peerText =
    baseline === undefined
      ? 'Not run (no 1,000-document size, or BENCH_PEER=0).'
      : typeof baseline === 'string'
        ? `Not run: ${baseline}.`
        : `Stock Starlight + Pagefind (${peerDir.replace(`${root}`, '')}) and this site, each built cold on the same 1,000 documents, ${pairs.length} times in turn (the order alternating, so that a change of the machine's load weighs on both), with the 1-minute load average when each build started:

| pair | order | this site | Starlight | ratio |
| ---: | --- | ---: | ---: | ---: |
${pairRows.join('\n')}

Median ratio ×${median(pairs.map((p) => p.ratio)).toFixed(2)}. Raw Pagefind search for \`${at1k!.queries[0]!.query}\` (runtime, metadata, chunks and the first five results' data): Starlight ${fmt(baseline.peerRaw)}, this site ${fmt(baseline.readerRaw)}.`;

  const text = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, ${(totalmem() / KB / KB / KB).toFixed(0)} GB,
Node ${process.versions.node}. Corpora are synthetic documents of the seed's genre (bench/corpus.ts: ~3.5 KB each, a
Zipf vocabulary of ~4,000 content words plus each document's own names and numbers, ~1,500 speakers), built cold
with the real \`npm run build\` (sizes of 50,000 and more as ${SHARDS} shards, then \`npm run assemble\`). Sizes marked
"with history" are built from a git repository in which one document in ten was corrected three times
(bench/history.ts), with \`HISTORY=required\`: their history pages, version pages and removed paragraphs' share pages
are in the figures. Peak memory
is the whole process tree, sampled every 250 ms; the largest process of each role is listed beside it. The machine
is shared: "load" is its 1-minute load average when a timed step started (2 cores: above 2, others were running).

## Build

| documents | wall time | load | peak memory (tree) | largest processes | per document | dist/ | files | dist/ per document |
| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |
${buildRows.join('\n')}
${shardRows.length ? `\n| documents | step | wall time | load | peak memory |\n| ---: | --- | ---: | ---: | ---: |\n${shardRows.join('\n')}\n` : ''}
## Where the bytes and files are

Each part of the built site: its files and bytes, its share of the site, what it costs per document, and its average file.

| documents | part | files | size | share | per document | average file |
| ---: | --- | ---: | ---: | ---: | ---: | ---: |
${partRows.join('\n')}

### The largest file of each part

The largest file of each part of the site and of each folder of the search index, at each size: a part whose
largest file grew with the corpus would be unbounded. The growth is from ${low ? count(low.n) : '—'} to ${high ? count(high.n) : '—'} documents.

| part or folder | ${results.map((r) => count(r.n)).join(' | ')} | growth | largest file at ${high ? count(high.n) : '—'} |
| --- | ${results.map(() => '---:').join(' | ')} | ---: | --- |
${largestRows.join('\n')}

## Navigation pages (speakers, sources, months, recurring phrases)

Pages per section, the largest one gzipped (budget 14 KB), and Astro's time for them in the build (the sum of
the per-route times its log reports; a route too quick to report counts as 0). A sharded build makes these pages
in its assemble step.

| documents | section | pages | largest page (gzip) | build time |
| ---: | --- | ---: | ---: | ---: |
${navRows.join('\n')}

${navTop.join('\n')}

## Compared with stock Starlight

${peerText}

## A reading page (\`${READING_PAGE}\`)

| documents | HTML raw / gzip | CSS raw / gzip (inline) | JavaScript on load, raw / gzip | requests on load |
| ---: | ---: | ---: | ---: | ---: |
${pageRows.join('\n')}

The seed's reading page: HTML ${fmt(w.html)} raw, ${fmt(w.htmlGz)} gzip (CSS inline: ${fmt(w.css)} raw, ${fmt(w.cssGz)} gzip); ${fmt(w.jsOnLoad)} of JavaScript (${fmt(w.jsOnLoadGzip)} gzip, ${w.scripts} files) and ${w.requests} requests on load at 1280×720; at 390×844, ${fmt(seedPhone.jsOnLoad)} of JavaScript (${fmt(seedPhone.jsOnLoadGzip)} gzip, ${seedPhone.scripts} files).

## Search in Chromium (the site's own UI; bytes on the wire, gzip)

From a fresh page load: the header dialog on a reading page (opened with \`/\`), or \`/search/\`. Bytes are
everything search downloads (the search code, Pagefind's runtime and WebAssembly, metadata, index chunks,
filters, bundles of passages), from the page load to the settled results of the first query; time runs from
the query being in the input (put there at once, as a paste) to the first result painted. The second query
follows in the same page. Each query is measured on ${SEARCH_RUNS} fresh page loads: its time is their median, with
their range in brackets, and its bytes the most any load took. The share is of documents whose passages hold the word or phrase.

| documents | where | first query (share of documents) | results shown | bytes | first result | second query |
| ---: | --- | --- | ---: | ---: | ---: | --- |
${searchRows.join('\n')}

## Shards

Two shards of 100 documents built separately (\`SHARD=1/2\`, \`SHARD=2/2\`) and assembled: a search for the common word
found ${shards.total} documents, ${shards.fromA} from shard 1 and ${shards.fromB} from shard 2; the sitemap lists ${shards.listed} documents.

## Budgets

| budget | measured | |
| --- | --- | --- |
${budgets.join('\n')}
`;
  const notesFile = join(root, 'bench/NOTES.md');
  const outFile = resolve(root, process.env.BENCH_OUT ?? 'bench/RESULTS.md');
  writeFileSync(outFile, existsSync(notesFile) && !process.env.BENCH_OUT ? `${text}\n${readFileSync(notesFile, 'utf8')}` : text);
  console.log(text);
}

await main();
