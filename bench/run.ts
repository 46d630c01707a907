/**
 * `npm run bench`: builds synthetic corpora (bench/corpus.ts) with the real
 * build, cold, and measures them: build time and peak memory (whole process
 * tree and each process), output size, a reading page's weight, and the
 * site's own search in Chromium (four queries, first and second, bytes and
 * time to the first painted result). At 1,000 documents it builds the stock
 * Starlight + Pagefind baseline on the same corpus in the same run and
 * reports the ratios. It builds a two-shard corpus and assembles it, runs
 * Lighthouse on the seed's page, and writes bench/RESULTS.md with each
 * budget marked pass or fail.
 *
 *   BENCH_SIZES=1,100,1000,10000   sizes (default); sizes of 50,000 and more
 *                                  build as BENCH_SHARDS shards (default 10)
 *                                  and are assembled, as on a CI engine
 *   BENCH_PEER=0                   skip the Starlight baseline
 *   PEER_DIR=…                     where the baseline lives (default ../shared/peer-starlight)
 *   BENCH_OUT=bench/RESULTS-100k.md where to write the results (default bench/RESULTS.md)
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { serve } from '../tests/helpers/serve.ts';
import { syntheticCorpus, type SyntheticSeed } from './corpus.ts';
import { clean, du, fmt, KB, mark, mb, pageWeight, rawPagefindCost, run, searchCost, secs, type PageWeight, type QueryCost, type Run } from './measure.ts';
import { benchQueries, type BenchQuery } from './queries.ts';

const root = new URL('../', import.meta.url).pathname;
const work = join(root, 'bench/.work');
const sizes = (process.env.BENCH_SIZES ?? '1,100,1000,10000').split(',').map(Number);
const SHARDS = Number(process.env.BENCH_SHARDS ?? 10);
const peerDir = resolve(root, process.env.PEER_DIR ?? '../shared/peer-starlight');
const READING_PAGE = '/doc-000000/';

/** Budgets of the scale issue. */
const BUDGET = {
  firstBytes: 150 * KB,
  firstMs: 400,
  secondBytes: 50 * KB,
  secondMs: 250,
  buildMs10k: 180_000,
  rss: 2 * 1024 * KB * KB,
  perDocRatio: 1.25,
  peerRatio: 1.5,
  firstBytes100k: 400 * KB,
  firstMs100k: 1000,
};

function writeSeeds(name: string, seeds: readonly SyntheticSeed[]): string {
  const dir = join(work, `seeds-${name}`);
  clean(dir);
  mkdirSync(dir, { recursive: true });
  for (const s of seeds) writeFileSync(join(dir, s.name), s.text);
  return `bench/.work/seeds-${name}`;
}

/** A cold `npm run build` of a seeds folder into bench/.work/dist-<name>. */
async function build(name: string, seedsDir: string, env: Record<string, string> = {}): Promise<Run & { out: string }> {
  const out = join(work, `dist-${name}`);
  clean(out, join(work, `cache-${name}`), join(work, `cards-${name}`));
  const result = await run('npm', ['run', 'build'], {
    cwd: root,
    env: { SEEDS_DIR: seedsDir, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, `cache-${name}`), CARD_CACHE_DIR: join(work, `cards-${name}`), ...env },
  });
  return { ...result, out };
}

/** Shards built one after another (each as a CI job would), then assembled into one site. */
async function shardedBuild(name: string, seedsDir: string, count: number): Promise<{ shards: (Run & { out: string })[]; assemble: Run; out: string }> {
  const shards: (Run & { out: string })[] = [];
  for (let k = 1; k <= count; k++) {
    console.log(`bench: ${name}: shard ${k}/${count}`);
    shards.push(await build(`${name}-shard-${k}`, seedsDir, { SHARD: `${k}/${count}` }));
  }
  const out = join(work, `dist-${name}`);
  clean(out);
  console.log(`bench: ${name}: assemble`);
  const assemble = await run('npm', ['run', 'assemble', '--', out, ...shards.map((s) => s.out)], { cwd: root });
  return { shards, assemble, out };
}

interface SizeResult {
  n: number;
  build: Run;
  shards?: Run[];
  assemble?: Run;
  dist: { bytes: number; files: number };
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

async function measureSize(browser: Browser, n: number): Promise<SizeResult> {
  console.log(`bench: N = ${n}: corpus`);
  const seeds = syntheticCorpus(n);
  const queries = benchQueries(seeds);
  const seedsDir = writeSeeds(String(n), seeds);
  let b: Run & { out: string };
  let shards: Run[] | undefined;
  let assemble: Run | undefined;
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
    };
  } else {
    console.log(`bench: N = ${n}: build`);
    b = await build(String(n), seedsDir);
  }
  console.log(`bench: N = ${n}: built in ${secs(b.ms)}; measuring`);
  const server = await serve(b.out, { host: true });
  const weight = await pageWeight(browser, server.origin, b.out, READING_PAGE);
  const search: SizeResult['search'] = [];
  for (const mode of ['dialog', 'page'] as const) {
    for (const [i, q] of queries.entries()) {
      const next = queries[(i + 1) % queries.length]!;
      const cost = await searchCost(browser, server, mode, READING_PAGE, q.query, next.query);
      search.push({ mode, query: q, first: cost.first, second: { ...cost.second, query: next.query } });
    }
  }
  await server.close();
  const nav = navigationCost(b.out, assemble ? assemble.output : b.output);
  return { n, build: b, shards, assemble, dist: du(b.out), index: du(join(b.out, 'pagefind')), weight, queries, search, nav };
}

/** The Starlight baseline on the same 1,000-document corpus: its cold build and its raw Pagefind search. */
async function peer(
  browser: Browser,
  seedsDir: string,
  query: string,
  reader: { out: string },
): Promise<{ build: Run; readerRaw: number; peerRaw: number } | string> {
  const starlight = join(work, 'peer/starlight');
  if (!existsSync(join(peerDir, 'starlight'))) return `no baseline at ${peerDir}`;
  if (!existsSync(join(starlight, 'node_modules/astro'))) {
    clean(join(work, 'peer'));
    mkdirSync(join(work, 'peer'), { recursive: true });
    cpSync(join(peerDir, 'starlight'), starlight, { recursive: true });
    execFileSync('chmod', ['-R', 'u+w', join(work, 'peer')]);
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: starlight, stdio: 'inherit' });
  }
  const build = await run(
    process.execPath,
    [join(starlight, 'build-from-corpus.mjs'), join(root, seedsDir), '--time-file', join(work, 'peer/time.txt'), '--log-file', join(work, 'peer/build.log')],
    { cwd: starlight },
  );
  // build-from-corpus.mjs times `astro build` alone with /usr/bin/time; take its own figure when it gave one.
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/u.exec(readFileSync(join(work, 'peer/time.txt'), 'utf8'));
  if (elapsed) build.ms = ((Number(elapsed[1] ?? 0) * 60 + Number(elapsed[2])) * 60 + Number(elapsed[3])) * 1000;
  const peerServer = await serve(join(starlight, 'dist'), { host: true });
  const peerRaw = await rawPagefindCost(browser, peerServer, query);
  await peerServer.close();
  const readerServer = await serve(reader.out, { host: true });
  const readerRaw = await rawPagefindCost(browser, readerServer, query);
  await readerServer.close();
  return { build, readerRaw, peerRaw };
}

/** Two shards of 100 documents, assembled: one search finds documents of both. */
async function twoShards(browser: Browser): Promise<{ fromA: number; fromB: number; total: number; listed: number }> {
  const seedsDir = writeSeeds('two-shards', syntheticCorpus(100));
  const s = await shardedBuild('two-shards', seedsDir, 2);
  const server = await serve(s.out, { host: true });
  const page = await browser.newPage();
  await page.goto(`${server.origin}/search/?q=the`);
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
    return `| ${r.n.toLocaleString('en')} | ${secs(r.build.ms)} | ${mb(r.build.peakRss)} | ${by} | ${(r.build.ms / r.n).toFixed(1)} ms | ${fmt(r.dist.bytes)} | ${fmt(r.index.bytes)} | ${r.dist.files.toLocaleString('en')} |`;
  });
  const pageRows = results.map(
    (r) =>
      `| ${r.n.toLocaleString('en')} | ${fmt(r.weight.html)} / ${fmt(r.weight.htmlGz)} | ${fmt(r.weight.css)} / ${fmt(r.weight.cssGz)} | ${fmt(r.weight.jsOnLoad)} | ${r.weight.requests} |`,
  );
  const searchRows = results.flatMap((r) =>
    r.search.map(
      (s) =>
        `| ${r.n.toLocaleString('en')} | ${s.mode === 'dialog' ? 'dialog' : '/search/'} | ${s.query.kind}: \`${s.query.query}\` (${pct(s.query.share)}) | ${s.first.results} | ${fmt(s.first.bytes)} | ${ms(s.first.ms)} | \`${s.second.query}\`: ${fmt(s.second.bytes)}, ${ms(s.second.ms)} |`,
    ),
  );
  const navRows = results.flatMap((r) =>
    r.nav.sections.map((x) => `| ${r.n.toLocaleString('en')} | /${x.name}/ | ${x.pages.toLocaleString('en')} | ${fmt(x.maxGzip)} | ${secs(x.ms)} |`),
  );
  const navTop = results
    .filter((r) => r.n >= 1000)
    .flatMap((r) => r.nav.top.map((t) => `- ${r.n.toLocaleString('en')} documents, /${t.name}/: ${t.intro} First: ${t.rows.map((x) => `“${x}”`).join('; ')}.`));
  const shardRows = results
    .filter((r) => r.shards)
    .flatMap((r) => [
      ...r.shards!.map((s, i) => `| ${r.n.toLocaleString('en')} | shard ${i + 1}/${r.shards!.length} | ${secs(s.ms)} | ${mb(s.peakRss)} |`),
      `| ${r.n.toLocaleString('en')} | assemble | ${secs(r.assemble!.ms)} | ${mb(r.assemble!.peakRss)} |`,
    ]);

  // Budgets.
  const budgets: string[] = [];
  const w = seedWeight;
  budgets.push(
    `| Reading page complete in the first round trip: HTML + CSS ≤ 14 KB gzip (seed page), flat in N | ${fmt(w.htmlGz)}; synthetic page ${results.map((r) => fmt(r.weight.htmlGz)).join(' → ')} | ${mark(w.htmlGz <= 14 * KB && results.every((r) => r.weight.htmlGz <= results[0]!.weight.htmlGz * 1.02 + 64))} |`,
  );
  if (typeof scores === 'string') budgets.push(`| Lighthouse mobile 100 ×4 | ${scores} | **fail** |`);
  else
    budgets.push(
      `| Lighthouse mobile: performance, accessibility, best practices, SEO = 100 | ${Object.entries(scores)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} | ${mark(Object.values(scores).every((v) => v === 100))} |`,
    );
  const r10k = results.find((r) => r.n === 10_000);
  if (r10k) {
    for (const s of r10k.search) {
      const where = `${s.mode === 'dialog' ? 'dialog' : '/search/'}, ${s.query.kind}`;
      budgets.push(
        `| 10,000 documents, ${where}: first query ≤ 150 KB, ≤ 400 ms | ${fmt(s.first.bytes)}, ${ms(s.first.ms)} | ${mark(s.first.bytes <= BUDGET.firstBytes && s.first.ms <= BUDGET.firstMs)} |`,
      );
      budgets.push(
        `| 10,000 documents, ${where}: second query ≤ 50 KB, ≤ 250 ms | ${fmt(s.second.bytes)}, ${ms(s.second.ms)} | ${mark(s.second.bytes <= BUDGET.secondBytes && s.second.ms <= BUDGET.secondMs)} |`,
      );
    }
    budgets.push(`| 10,000 documents build cold in ≤ 3 min | ${secs(r10k.build.ms)} | ${mark(r10k.build.ms <= BUDGET.buildMs10k)} |`);
    budgets.push(`| … with peak memory of the process tree ≤ 2 GB | ${mb(r10k.build.peakRss)} | ${mark(r10k.build.peakRss <= BUDGET.rss)} |`);
    if (at1k) {
      const ratio = r10k.build.ms / 10_000 / (at1k.build.ms / 1000);
      budgets.push(
        `| Time per document flat from 1,000 to 10,000 (ratio ≤ ${BUDGET.perDocRatio}) | ${(at1k.build.ms / 1000).toFixed(1)} → ${(r10k.build.ms / 10_000).toFixed(1)} ms (×${ratio.toFixed(2)}) | ${mark(ratio <= BUDGET.perDocRatio)} |`,
      );
    }
  }
  if (baseline && typeof baseline !== 'string' && at1k) {
    const ratio = at1k.build.ms / baseline.build.ms;
    budgets.push(
      `| 1,000 documents build ≤ 1.5 × stock Starlight on the same corpus | ${secs(at1k.build.ms)} vs ${secs(baseline.build.ms)} (×${ratio.toFixed(2)}) | ${mark(ratio <= BUDGET.peerRatio)} |`,
    );
  }
  const big = results.find((r) => r.shards);
  if (big) {
    budgets.push(
      `| ${big.n.toLocaleString('en')} documents: each shard builds in ≤ 3 min and ≤ 2 GB | slowest ${secs(Math.max(...big.shards!.map((s) => s.ms)))}, largest ${mb(Math.max(...big.shards!.map((s) => s.peakRss)))} | ${mark(big.shards!.every((s) => s.ms <= BUDGET.buildMs10k && s.peakRss <= BUDGET.rss))} |`,
    );
    for (const s of big.search.filter((x) => x.mode === 'dialog')) {
      budgets.push(
        `| ${big.n.toLocaleString('en')} documents assembled, ${s.query.kind}: first query ≤ 400 KB, ≤ 1 s | ${fmt(s.first.bytes)}, ${ms(s.first.ms)} | ${mark(s.first.bytes <= BUDGET.firstBytes100k && s.first.ms <= BUDGET.firstMs100k)} |`,
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
        : `Stock Starlight + Pagefind (${peerDir.replace(`${root}`, '')}) built the same 1,000 documents cold in ${secs(baseline.build.ms)} (peak ${mb(baseline.build.peakRss)}); this site in ${secs(at1k!.build.ms)} (peak ${mb(at1k!.build.peakRss)}): ×${(at1k!.build.ms / baseline.build.ms).toFixed(2)}. Raw Pagefind search for \`${at1k!.queries[0]!.query}\` (runtime, metadata, chunks and the first five results' data): Starlight ${fmt(baseline.peerRaw)}, this site ${fmt(baseline.readerRaw)}.`;

  const text = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, ${(totalmem() / KB / KB / KB).toFixed(0)} GB,
Node ${process.versions.node}. Corpora are synthetic documents of the seed's genre (bench/corpus.ts: ~3.5 KB each, a
Zipf vocabulary of ~4,000 content words plus each document's own names and numbers, ~1,500 speakers), built cold
with the real \`npm run build\` (sizes of 50,000 and more as ${SHARDS} shards, then \`npm run assemble\`). Peak memory
is the whole process tree, sampled every 250 ms; the largest process of each role is listed beside it.

## Build

| documents | wall time | peak memory (tree) | largest processes | per document | dist/ | dist/pagefind/ | files |
| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |
${buildRows.join('\n')}
${shardRows.length ? `\n| documents | step | wall time | peak memory |\n| ---: | --- | ---: | ---: |\n${shardRows.join('\n')}\n` : ''}
## Navigation pages (speakers, sources, months, recurring phrases)

Pages per section, the largest one gzipped (budget 14 KB), and Astro's time for them in the build (the sum of
the per-route times its log reports; a route too quick to report counts as 0). A sharded build makes these pages
in its assemble step, phrases aside.

| documents | section | pages | largest page (gzip) | build time |
| ---: | --- | ---: | ---: | ---: |
${navRows.join('\n')}

${navTop.join('\n')}

## Compared with stock Starlight

${peerText}

## A reading page (\`${READING_PAGE}\`)

| documents | HTML raw / gzip | CSS raw / gzip (inline) | JS loaded to read | requests on load |
| ---: | ---: | ---: | ---: | ---: |
${pageRows.join('\n')}

The seed's reading page: HTML ${fmt(w.html)} raw, ${fmt(w.htmlGz)} gzip (CSS inline: ${fmt(w.css)} raw, ${fmt(w.cssGz)} gzip); ${fmt(w.jsOnLoad)} of JavaScript and ${w.requests} requests on load.

## Search in Chromium (the site's own UI; bytes on the wire, gzip)

From a fresh page load: the header dialog on a reading page (opened with \`/\`), or \`/search/\`. Bytes are
everything search downloads (the search code, Pagefind's runtime and WebAssembly, metadata, index chunks,
filters, bundles of passages), from the page load to the settled results of the first query; time runs from
the query being in the input (put there at once, as a paste) to the first result painted. The second query
follows in the same page. The share is of documents whose passages hold the word or phrase.

| documents | where | first query (share of documents) | results shown | bytes | first result | second query |
| ---: | --- | --- | ---: | ---: | ---: | --- |
${searchRows.join('\n')}

## Shards

Two shards of 100 documents built separately (\`SHARD=1/2\`, \`SHARD=2/2\`) and assembled: a search for \`the\`
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
