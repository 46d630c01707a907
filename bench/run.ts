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
 * bench/RESULTS.md with each budget (bench/budgets.ts) marked pass or fail;
 * a missed budget makes it exit with 1 and name it. Every timed build
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
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { measureSite } from '../src/integrations/site-size.ts';
import { CHROMIUM_FLAGS, chromiumPath, launchChromium } from '../tests/helpers/chromium.ts';
import { serve } from '../tests/helpers/serve.ts';
import { budgets, formatFigure, kept } from './budgets.ts';
import { syntheticCorpus, type SyntheticSeed } from './corpus.ts';
import { commitHistory } from './history.ts';
import { clean, du, pageWeight, rawPagefindCost, run, searchCost, secs, siteParts, type QueryCost } from './measure.ts';
import { benchQueries } from './queries.ts';
import { report } from './report.ts';
import { median, type BenchResults, type NavigationCost, type Pair, type SizeResult, type Timed } from './results.ts';

const root = new URL('../', import.meta.url).pathname;
const work = join(root, 'bench/.work');
const sizes = (process.env.BENCH_SIZES ?? '1,100,1000,10000').split(',').map(Number);
const SHARDS = Number(process.env.BENCH_SHARDS ?? 10);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const SEARCH_RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 3);
const WITH_HISTORY = new Set((process.env.BENCH_HISTORY ?? '10000').split(',').map(Number));
const peerDir = resolve(root, process.env.PEER_DIR ?? '../shared/peer-starlight');
const READING_PAGE = '/doc-000000/';

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
async function build(name: string, seedsDir: string, env: Record<string, string> = {}): Promise<Timed & { out: string }> {
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
async function shardedBuild(name: string, seedsDir: string, count: number): Promise<{ shards: (Timed & { out: string })[]; assemble: Timed; out: string }> {
  const shards: (Timed & { out: string })[] = [];
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
  let b: Timed & { out: string };
  let shards: Timed[] | undefined;
  let assemble: Timed | undefined;
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
async function peerBuild(starlight: string, seedsDir: string): Promise<Timed> {
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
    let r: Timed;
    let p: Timed;
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
      [cli, url, '--output=json', '--quiet', `--chrome-path=${chromiumPath()}`, `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(' ')}`],
      { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CHROME_PATH: chromiumPath() } },
    );
    const report = JSON.parse(stdout) as { categories: Record<string, { score: number }> };
    return Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
  } catch (error) {
    if (attempt < 2) return await lighthouse(url, attempt + 1);
    return `Lighthouse did not run: ${(error as Error).message.split('\n')[0]}`;
  }
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const browser = await launchChromium();
  const sizeResults: SizeResult[] = [];
  for (const n of sizes) sizeResults.push(await measureSize(browser, n));

  const at1k = sizeResults.find((r) => r.n === 1000);
  const baseline =
    at1k && process.env.BENCH_PEER !== '0'
      ? await peer(browser, 'bench/.work/seeds-1000', at1k.queries[0]!.query, { out: join(work, 'dist-1000') })
      : undefined;
  console.log('bench: two shards');
  const shards = await twoShards(browser);
  console.log('bench: the seed, Lighthouse');
  const seedBuild = await build('seed', 'seeds');
  const seedServer = await serve(seedBuild.out, { host: true });
  const seedWide = await pageWeight(browser, seedServer.origin, seedBuild.out, '/000_dafef29e75211819/');
  // On a phone (no margin for the notes, so their module does not load with the page).
  const seedPhone = await pageWeight(browser, seedServer.origin, seedBuild.out, '/000_dafef29e75211819/', { width: 390, height: 844 });
  const scores = await lighthouse(`${seedServer.origin}/000_dafef29e75211819/`);
  await seedServer.close();
  await browser.close();

  const results: BenchResults = { sizes: sizeResults, baseline, twoShards: shards, seedWide, seedPhone, lighthouse: scores };
  const budgetList = budgets(results);
  const text = report(results, budgetList, { shards: SHARDS, searchRuns: SEARCH_RUNS, readingPage: READING_PAGE, peerDir: peerDir.replace(root, '') });
  const notesFile = join(root, 'bench/NOTES.md');
  const outFile = resolve(root, process.env.BENCH_OUT ?? 'bench/RESULTS.md');
  writeFileSync(outFile, existsSync(notesFile) && !process.env.BENCH_OUT ? `${text}\n${readFileSync(notesFile, 'utf8')}` : text);
  console.log(text);
  const missed = budgetList.filter((b) => !kept(b));
  if (missed.length) {
    console.error(`bench: ${missed.length} of ${budgetList.length} budgets missed (${outFile}):`);
    for (const b of missed) console.error(`  ${b.name}: ${formatFigure(b.measured, b.unit)}, ${b.rule ?? 'at most'} ${formatFigure(b.limit, b.unit)}`);
    process.exitCode = 1;
  }
}

await main();
