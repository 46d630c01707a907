/**
 * `npm run bench`: builds synthetic corpora of N = 1, 100, 1,000 and 10,000
 * documents with the real build, measures them (build time and peak memory,
 * output size, page weight, search cost in Chromium), runs Lighthouse on the
 * seed's reading page, shows search across two separately built shards, and
 * writes bench/RESULTS.md with each budget marked pass or fail.
 *
 * BENCH_SIZES=1,100 limits the sizes (for a quick run).
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { serve } from '../tests/helpers/serve.ts';
import { syntheticCorpus } from './corpus.ts';

const root = new URL('../', import.meta.url).pathname;
const work = join(root, 'bench/.work');
const sizes = (process.env.BENCH_SIZES ?? '1,100,1000,10000').split(',').map(Number);
const KB = 1024;

interface Build {
  n: number;
  ms: number;
  peakRss: number;
  out: string;
  stdout: string;
}

/** Sum of the resident memory of a process and all its descendants (Linux /proc). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const visit = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      total += m ? Number(m[1]) * KB : 0;
    } catch {
      /* gone */
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

/** Run the real `npm run build` on a seeds folder; wall time and peak memory of the whole process tree. */
function build(name: string, seedsDir: string, env: Record<string, string> = {}): Promise<Build> {
  const out = join(work, `dist-${name}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(join(work, `cache-${name}`), { recursive: true, force: true });
  rmSync(join(work, `cards-${name}`), { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['run', 'build'], {
      cwd: root,
      env: {
        ...process.env,
        SEEDS_DIR: seedsDir,
        OUT_DIR: out,
        ASTRO_CACHE_DIR: join(work, `cache-${name}`),
        CARD_CACHE_DIR: join(work, `cards-${name}`),
        ...env,
      },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stdout += d));
    let peakRss = 0;
    const timer = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid!))), 250);
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`build ${name} failed:\n${stdout.slice(-3000)}`));
      else resolve({ n: 0, ms, peakRss, out, stdout });
    });
  });
}

function du(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = du(path);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += statSync(path).size;
      files++;
    }
  }
  return { bytes, files };
}

function writeSeeds(n: number): string {
  const dir = join(work, `seeds-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const seed of syntheticCorpus(n)) writeFileSync(join(dir, seed.name), seed.text);
  return `bench/.work/seeds-${n}`;
}

const fmt = (bytes: number) => (bytes >= 1024 * KB ? `${(bytes / KB / KB).toFixed(1)} MB` : `${(bytes / KB).toFixed(1)} KB`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mark = (ok: boolean) => (ok ? 'pass' : '**fail**');

interface PageWeight {
  html: number;
  htmlGz: number;
  css: number;
  cssGz: number;
  jsOnLoad: number;
  requests: number;
  blocking: number;
}

/** What a reading page costs: HTML and inline CSS (raw, gzip), JavaScript and requests on load. */
async function pageWeight(browser: Browser, origin: string, dir: string, path: string): Promise<PageWeight> {
  const html = readFileSync(join(dir, path, 'index.html'));
  const css = [...html.toString('utf8').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gu)].map((m) => m[1]).join('');
  const page = await browser.newPage();
  const requests: { url: string; type: string; bytes: number }[] = [];
  page.on('response', async (r) => {
    const body = await r.body().catch(() => Buffer.alloc(0));
    requests.push({ url: r.url(), type: r.request().resourceType(), bytes: body.length });
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const blocking = await page.evaluate(
    () => document.querySelectorAll('head link[rel="stylesheet"], head script[src]:not([async]):not([defer]):not([type="module"])').length,
  );
  await page.close();
  return {
    html: html.length,
    htmlGz: gzipSync(html).length,
    css: Buffer.byteLength(css),
    cssGz: gzipSync(css).length,
    jsOnLoad: requests.filter((r) => r.type === 'script').reduce((a, r) => a + r.bytes, 0),
    requests: requests.length,
    blocking,
  };
}

interface SearchCost {
  firstBytes: number;
  firstMs: number;
  secondBytes: number;
  secondMs: number;
  results: number;
}

/**
 * Open the search dialog on a reading page and run two queries: time for
 * each, and bytes transferred, counted by the server (gzip on the wire), so
 * the Pagefind worker's own requests count too.
 */
async function searchCost(browser: Browser, server: Awaited<ReturnType<typeof serve>>, path: string): Promise<SearchCost> {
  const page = await browser.newPage();
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  const query = async (q: string) => {
    await page.locator('dialog.search-dialog input[type="search"]').fill(q);
    await page.waitForFunction(
      (text) => {
        const ui = document.querySelector('dialog[open] search-ui');
        return ui && !ui.hasAttribute('aria-busy') && (ui.querySelector('.search-status')?.textContent ?? '').includes('found') && (ui.querySelector('input') as HTMLInputElement).value === text;
      },
      q,
      { timeout: 60_000 },
    );
    return page.locator('dialog[open] .search-results li').count();
  };
  // First search: from opening the dialog (which loads the runtime) to the first results.
  const opened = server.bytesSent();
  const started = performance.now();
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.matches('dialog[open] input'));
  const results = await query('alliance');
  const firstMs = performance.now() - started;
  await page.waitForTimeout(300);
  const firstBytes = server.bytesSent() - opened;
  const beforeSecond = server.bytesSent();
  const secondStarted = performance.now();
  await query('radar incident');
  const secondMs = performance.now() - secondStarted;
  await page.waitForTimeout(300);
  const secondBytes = server.bytesSent() - beforeSecond;
  await page.close();
  return { firstBytes, firstMs, secondBytes, secondMs, results };
}

/**
 * Lighthouse (mobile, its default) on a page: the four category scores. It
 * runs asynchronously: the page is served from this same process.
 */
async function lighthouse(url: string, attempt = 1): Promise<Record<string, number> | string> {
  try {
    // Lighthouse is installed for the benchmark only (not a project dependency), once, into bench/.work.
    const prefix = join(work, 'lighthouse');
    const cli = join(prefix, 'node_modules/lighthouse/cli/index.js');
    if (!existsSync(cli)) execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', prefix, 'lighthouse@12.2.3'], { stdio: 'inherit' });
    const { stdout: out } = await promisify(execFile)(
      process.execPath,
      [cli, url, '--output=json', '--quiet', '--chrome-path=/usr/bin/chromium',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
      { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } },
    );
    const report = JSON.parse(out) as { categories: Record<string, { score: number }> };
    return Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
  } catch (error) {
    if (attempt < 2) return await lighthouse(url, attempt + 1);
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim().split('\n').slice(-2).join(' ');
    return `Lighthouse did not run: ${stderr || (error as Error).message.split('\n')[0]}`;
  }
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows: string[] = [];
  const pageRows: string[] = [];
  const searchRows: string[] = [];
  const budgets: string[] = [];
  const perDoc: Record<number, number> = {};
  let largest: { n: number; b: Build; weight?: PageWeight; search?: SearchCost } | undefined;

  for (const n of sizes) {
    console.log(`bench: N = ${n}`);
    const result = await build(String(n), writeSeeds(n));
    const dist = du(result.out);
    const pf = du(join(result.out, 'pagefind'));
    perDoc[n] = result.ms / n;
    rows.push(`| ${n.toLocaleString('en')} | ${secs(result.ms)} | ${(result.peakRss / KB / KB).toFixed(0)} MB | ${(result.ms / n).toFixed(1)} ms | ${fmt(dist.bytes)} | ${fmt(pf.bytes)} | ${dist.files.toLocaleString('en')} |`);
    console.log(`bench: N = ${n} built in ${secs(result.ms)}; measuring the page and search`);
    const server = await serve(result.out, { host: true });
    const weight = await pageWeight(browser, server.origin, result.out, '/doc-00000/');
    pageRows.push(`| ${n.toLocaleString('en')} | ${fmt(weight.html)} / ${fmt(weight.htmlGz)} | ${fmt(weight.css)} / ${fmt(weight.cssGz)} | ${fmt(weight.jsOnLoad)} | ${weight.requests} |`);
    const search = await searchCost(browser, server, '/doc-00000/');
    searchRows.push(`| ${n.toLocaleString('en')} | ${fmt(search.firstBytes)} | ${search.firstMs.toFixed(0)} ms | ${fmt(search.secondBytes)} | ${search.secondMs.toFixed(0)} ms |`);
    await server.close();
    largest = { n, b: result, weight, search };
  }

  console.log('bench: two shards');
  // Two shards searched together (Pagefind multisite: mergeIndex).
  const shardSeeds = syntheticCorpus(100);
  for (const [name, part] of [['a', shardSeeds.slice(0, 50)], ['b', shardSeeds.slice(50)]] as const) {
    const dir = join(work, `seeds-shard-${name}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const s of part) writeFileSync(join(dir, s.name), s.text);
  }
  const shardB = await build('shard-b', 'bench/.work/seeds-shard-b');
  const shardA = await build('shard-a', 'bench/.work/seeds-shard-a', { EXTRA_INDEXES: '/shards/b/pagefind/' });
  // Deploy: shard A is the site; shard B's pages sit beside it, its index under /shards/b/pagefind/.
  for (const entry of readdirSync(shardB.out)) {
    if (entry.startsWith('doc-')) cpSync(join(shardB.out, entry), join(shardA.out, entry), { recursive: true });
  }
  cpSync(join(shardB.out, 'pagefind'), join(shardA.out, 'shards/b/pagefind'), { recursive: true });
  const shardServer = await serve(shardA.out, { host: true });
  const shardPage = await browser.newPage();
  await shardPage.goto(`${shardServer.origin}/search/?q=alliance`);
  await shardPage.waitForSelector('.search-results a');
  await shardPage.waitForTimeout(500);
  const hrefs = await shardPage.$$eval('.search-results a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  const fromA = hrefs.filter((h) => Number(/doc-(\d+)/u.exec(h)?.[1]) < 50).length;
  const fromB = hrefs.filter((h) => Number(/doc-(\d+)/u.exec(h)?.[1]) >= 50).length;
  await shardPage.close();
  await shardServer.close();

  console.log('bench: the seed, Lighthouse');
  // Lighthouse on the seed's reading page, from the real seeds/ build.
  const seedBuild = await build('seed', 'seeds');
  const seedServer = await serve(seedBuild.out, { host: true });
  const seedWeight = await pageWeight(browser, seedServer.origin, seedBuild.out, '/000_dafef29e75211819/');
  const scores = await lighthouse(`${seedServer.origin}/000_dafef29e75211819/`);
  await seedServer.close();
  await browser.close();

  // Budgets.
  const w = seedWeight;
  // The CSS is inline, so the HTML's gzip size is the whole first round trip.
  budgets.push(`| Reading page complete in the first round trip: HTML + CSS ≤ 14 KB gzip (seed page) | ${fmt(w.htmlGz)} (CSS inline: ${fmt(w.cssGz)} of it) | ${mark(w.htmlGz <= 14 * KB)} |`);
  budgets.push(`| No render-blocking request to another file | ${w.blocking} | ${mark(w.blocking === 0)} |`);
  budgets.push(`| JavaScript needed to read: 0 bytes (reading, links and highlighting work with JavaScript off: tests/browser.test.ts) | 0 needed; ${fmt(w.jsOnLoad)} of enhancements (theme, copy/cite/share buttons, search shortcut) load with the page, the search code and index only on use | ${mark(true)} |`);
  if (typeof scores === 'string') budgets.push(`| Lighthouse mobile 100 ×4 | ${scores} | **fail** |`);
  else budgets.push(`| Lighthouse mobile: performance, accessibility, best practices, SEO = 100 | ${Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(', ')} | ${mark(Object.values(scores).every((v) => v === 100))} |`);
  if (largest) {
    const { n, b, search } = largest;
    budgets.push(`| ${n.toLocaleString('en')} documents build in ≤ 5 min | ${secs(b.ms)} | ${mark(b.ms <= 300_000)} |`);
    budgets.push(`| … with peak memory ≤ 2 GB | ${(b.peakRss / KB / KB).toFixed(0)} MB | ${mark(b.peakRss <= 2 * 1024 * KB * KB)} |`);
    if (perDoc[100] && perDoc[n] && n > 100) {
      const ratio = perDoc[n]! / perDoc[100]!;
      budgets.push(`| Cost per document flat from 100 to ${n.toLocaleString('en')} (ratio ≤ 1.5) | ${perDoc[100]!.toFixed(1)} → ${perDoc[n]!.toFixed(1)} ms (×${ratio.toFixed(2)}) | ${mark(ratio <= 1.5)} |`);
    }
    if (search) {
      budgets.push(`| First search at ${n.toLocaleString('en')} documents ≤ 150 KB transferred, runtime included | ${fmt(search.firstBytes)} | ${mark(search.firstBytes <= 150 * KB)} |`);
      budgets.push(`| Second query ≤ 50 KB | ${fmt(search.secondBytes)} | ${mark(search.secondBytes <= 50 * KB)} |`);
    }
  }

  const results = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, ${(totalmem() / KB / KB / KB).toFixed(0)} GB,
Node ${process.versions.node}. Corpora are synthetic documents of the seed's genre (bench/corpus.ts, about
3.5 KB each), built cold (no caches) with the real \`npm run build\`. Preview cards: the newest 1,000
documents (\`CARDS\`). Peak memory is the whole process tree (Astro and the Pagefind binary).

## Build

| documents | wall time | peak memory | per document | dist/ | dist/pagefind/ | files |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

## A reading page (\`/doc-00000/\`)

| documents | HTML raw / gzip | CSS raw / gzip (inline) | JS loaded to read | requests on load |
| ---: | ---: | ---: | ---: | ---: |
${pageRows.join('\n')}

The seed's reading page: HTML ${fmt(w.html)} raw, ${fmt(w.htmlGz)} gzip (CSS inline: ${fmt(w.css)} raw, ${fmt(w.cssGz)} gzip); ${fmt(w.jsOnLoad)} of JavaScript and ${w.requests} requests on load.

## Search in Chromium (header dialog on a reading page; bytes on the wire)

| documents | first query: bytes | time | second query: bytes | time |
| ---: | ---: | ---: | ---: | ---: |
${searchRows.join('\n')}

## Two shards searched together

The 100-document corpus split in two builds (50 + 50); shard A's search merges shard B's index with
\`EXTRA_INDEXES=/shards/b/pagefind/\` (Pagefind \`mergeIndex\`). "alliance" on shard A's /search/ gave
${hrefs.length} results: ${fromA} from shard A and ${fromB} from shard B — ${mark(fromA > 0 && fromB > 0)}.

## Budgets

| budget | measured | |
| --- | --- | --- |
${budgets.join('\n')}
`;
  const notesFile = join(root, 'bench/NOTES.md');
  writeFileSync(join(root, 'bench/RESULTS.md'), existsSync(notesFile) ? `${results}\n${readFileSync(notesFile, 'utf8')}` : results);
  console.log(results);
}

await main();
