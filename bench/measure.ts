/**
 * What the benchmark measures, one function each: a cold build (wall time,
 * peak memory of the process tree and of each process), a folder's size, a
 * reading page's weight, and the cost of searches in the site's own search
 * UI in Chromium (bytes on the wire and time to the first painted result).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { serve } from '../tests/helpers/serve.ts';
import { filesUnder } from '../src/integrations/folder-walk.ts';

export const KB = 1024;
export type Server = Awaited<ReturnType<typeof serve>>;

/** A finished command: wall time, peak memory of its process tree and of its largest processes by role. */
export interface Run {
  ms: number;
  peakRss: number;
  peaks: Record<string, number>;
  output: string;
}

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(ppid, [...(map.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  return map;
}

/** Which part of a build a process is, by its command line. */
function role(cmd: string): string {
  // `npm run build` runs node_modules/.bin/astro; assemble runs astro/bin/astro.mjs.
  if (/\/astro(?:\.mjs)?\0build\0/u.test(cmd)) return 'Astro';
  if (cmd.includes('build-worker/worker.ts')) return 'build worker';
  if (cmd.includes('pagefind')) return 'Pagefind';
  if (cmd.includes('assemble')) return 'assemble';
  return 'other';
}

/** A process's command line ('' once it is gone). */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Resident memory of a process tree, in all and by role (Linux /proc). A
 * child with its parent's very command line is a fork that has not run its
 * program yet (Node starts every child process so, for a few milliseconds):
 * its resident pages are its parent's, shared, so it is not counted again.
 * Sampled every 250 ms, such a moment can add a parent's whole size to the
 * sum: one bench run measured a 100,000-document shard at 2,297 MB, and three
 * runs of the same shard 1,820–1,852 MB (a 30 ms sampler saw two such forks
 * in one build).
 */
function treeRss(pid: number): { total: number; byRole: Record<string, number> } {
  const kids = children();
  const byRole: Record<string, number> = {};
  let total = 0;
  const visit = (p: number, parentCommand: string) => {
    const command = commandLine(p);
    if (command && command !== parentCommand) {
      try {
        const m = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
        const rss = m ? Number(m[1]) * KB : 0;
        total += rss;
        const r = role(command);
        byRole[r] = Math.max(byRole[r] ?? 0, rss);
      } catch {
        /* gone */
      }
    }
    for (const c of kids.get(p) ?? []) visit(c, command);
  };
  visit(pid, '');
  return { total, byRole };
}

/** Run a command, sampling memory every 250 ms; rejects with its output if it fails. */
export function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peakRss = 0;
    const peaks: Record<string, number> = {};
    const timer = setInterval(() => {
      const { total, byRole } = treeRss(child.pid!);
      peakRss = Math.max(peakRss, total);
      for (const [r, v] of Object.entries(byRole)) peaks[r] = Math.max(peaks[r] ?? 0, v);
    }, 250);
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-3000)}`));
      else resolve({ ms, peakRss, peaks, output });
    });
  });
}

/** Bytes and files in a folder. */
export function du(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const file of filesUnder(dir)) {
    bytes += statSync(file).size;
    files++;
  }
  return { bytes, files };
}

/** A part of a built site: its files, their bytes, and its largest file. */
export interface PartCost {
  files: number;
  bytes: number;
  largest: { path: string; bytes: number };
}

/** The parts of a site, in the order reports list them. */
export const PARTS = [
  'reading pages',
  'focus views’ pages',
  'share pages',
  'open data',
  'preview cards',
  'history and versions',
  'search index',
  'document list',
  'speakers',
  'sources',
  'archive',
  'phrases',
  'site (other)',
] as const;
export type Part = (typeof PARTS)[number];

/**
 * Which part of a site a file is (`rel`: its path in the site; `documents`:
 * the top folders that are documents, those with a data.json).
 */
function partOf(rel: string, documents: ReadonlySet<string>): Part {
  const [top = '', ...rest] = rel.split('/');
  if (top.startsWith('pagefind')) return 'search index';
  if (top === 'index.html' || top === 'page') return 'document list';
  if (top === 'speakers' || top === 'sources' || top === 'archive' || top === 'phrases') return top;
  if (!documents.has(top)) return 'site (other)';
  const [sub = ''] = rest;
  if (rest.length === 1) return sub === 'data.json' ? 'open data' : sub === 'card.png' ? 'preview cards' : 'reading pages';
  if (rest.at(-1) === 'card.png') return 'preview cards'; // a voice's own card: `<slug>/commentary/card.png`
  if (sub === 'statement' || sub === 'commentary') return 'focus views’ pages';
  if (/^[sco]\d+[a-z]*$/u.test(sub)) return 'share pages';
  if (sub === 'history' || /^v\d+$/u.test(sub)) return 'history and versions';
  return 'site (other)';
}

/**
 * What each part of a built site costs, and the largest file of each kind of
 * folder: each part, and the search index's own folders (its metadata,
 * chunks, fragments and filters), whose largest file could grow with the
 * corpus where nothing else does.
 */
export function siteParts(dir: string): { parts: Map<Part, PartCost>; folders: Map<string, PartCost> } {
  const documents = new Set(readdirSync(dir).filter((d) => existsSync(join(dir, d, 'data.json'))));
  const parts = new Map<Part, PartCost>(PARTS.map((p) => [p, { files: 0, bytes: 0, largest: { path: '', bytes: 0 } }]));
  const folders = new Map<string, PartCost>();
  const add = (map: Map<string, PartCost>, key: string, rel: string, bytes: number) => {
    const c = map.get(key) ?? { files: 0, bytes: 0, largest: { path: '', bytes: 0 } };
    c.files++;
    c.bytes += bytes;
    if (bytes > c.largest.bytes) c.largest = { path: rel, bytes };
    map.set(key, c);
  };
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, rel);
    const st = statSync(path);
    if (!st.isFile()) continue;
    add(parts, partOf(rel, documents), rel, st.size);
    const index = /^(pagefind[^/]*)\/(?:(index|fragment|filter)\/|[^/]+\.pf_meta$)/u.exec(rel);
    if (index) add(folders, `${index[1]}/${index[2] ?? '*.pf_meta'}`, rel, st.size);
  }
  return { parts, folders };
}

/** Remove folders, ignoring missing ones. */
export const clean = (...dirs: string[]) => dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));

export const fmt = (bytes: number) => (bytes >= 1024 * KB ? `${(bytes / KB / KB).toFixed(1)} MB` : `${(bytes / KB).toFixed(1)} KB`);
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const mb = (bytes: number) => `${Math.round(bytes / KB / KB)} MB`;
export const mark = (ok: boolean) => (ok ? 'pass' : '**fail**');

/** What a page costs: HTML and inline CSS (raw, gzip), JavaScript and requests on load. */
export interface PageWeight {
  html: number;
  htmlGz: number;
  css: number;
  cssGz: number;
  jsOnLoad: number;
  /** The same scripts gzipped, as a host serves them. */
  jsOnLoadGzip: number;
  /** How many script files. */
  scripts: number;
  requests: number;
  blocking: number;
}

export async function pageWeight(
  browser: Browser,
  origin: string,
  dir: string,
  path: string,
  viewport: { width: number; height: number } = { width: 1280, height: 720 },
): Promise<PageWeight> {
  const html = readFileSync(join(dir, path, 'index.html'));
  const css = [...html.toString('utf8').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gu)].map((m) => m[1]).join('');
  const page = await browser.newPage({ viewport });
  const requests: { type: string; bytes: number; gzip: number }[] = [];
  page.on('response', async (r) => {
    const body = await r.body().catch(() => Buffer.alloc(0));
    requests.push({ type: r.request().resourceType(), bytes: body.length, gzip: gzipSync(body).length });
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
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
    jsOnLoadGzip: requests.filter((r) => r.type === 'script').reduce((a, r) => a + r.gzip, 0),
    scripts: requests.filter((r) => r.type === 'script').length,
    requests: requests.length,
    blocking,
  };
}

/** One query's cost: bytes on the wire for search (runtime, index, fragments), ms from the query in the input to the first result painted. */
export interface QueryCost {
  bytes: number;
  ms: number;
  results: number;
  /** Each page load's time, when the cost is of several (bench/run.ts). */
  times?: number[];
}

/** What search downloads: Pagefind's files and the site's search code. */
const SEARCH_FILES = /^\/pagefind[^/]*\/|^\/_astro\/search[.-]/u;

/**
 * In the site's own UI (`dialog`: the header's dialog on a reading page,
 * `page`: /search/), from a fresh page load: a first query, then a second.
 * The query is put in the input at once, as a paste would; time runs from
 * then to the first result painted, in the page's own clock.
 */
export async function searchCost(
  browser: Browser,
  server: Server,
  mode: 'dialog' | 'page',
  readingPage: string,
  first: string,
  second: string,
): Promise<{ first: QueryCost; second: QueryCost }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const start = server.responses();
  await page.goto(`${server.origin}${mode === 'dialog' ? readingPage : '/search/'}`, { waitUntil: 'networkidle' });
  if (mode === 'dialog') {
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.matches('dialog[open] input[type="search"]'));
  }
  const ui = mode === 'dialog' ? 'dialog[open] search-ui' : 'search-ui[data-mode="page"]';
  const query = async (q: string, mark: number): Promise<QueryCost> => {
    await page.evaluate(
      ([sel, q]) => {
        const root = document.querySelector(sel)!;
        const list = root.querySelector('.search-results')!;
        const w = window as unknown as { t0: number; t1?: number };
        delete w.t1;
        new MutationObserver((_, observer) => {
          if (list.children.length) {
            w.t1 = performance.now();
            observer.disconnect();
          }
        }).observe(list, { childList: true });
        const input = root.querySelector('input[type="search"]') as HTMLInputElement;
        input.value = q;
        w.t0 = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      [ui, q] as const,
    );
    await page.waitForFunction(
      ([sel, q]) => {
        const root = document.querySelector(sel);
        return (
          root &&
          !root.hasAttribute('aria-busy') &&
          (root.querySelector('input') as HTMLInputElement).value === q &&
          /found|shown|No passage/u.test(root.querySelector('.search-status')?.textContent ?? '')
        );
      },
      [ui, q] as const,
      { timeout: 120_000 },
    );
    const { t0, t1 } = await page.evaluate(() => {
      const w = window as unknown as { t0: number; t1?: number };
      return { t0: w.t0, t1: w.t1 };
    });
    await page.waitForTimeout(200);
    const results = await page.locator(`${ui} .search-results li`).count();
    return { bytes: server.sentSince(mark, SEARCH_FILES), ms: t1 === undefined ? NaN : t1 - t0, results };
  };
  const firstCost = await query(first, start);
  const secondMark = server.responses();
  const secondCost = await query(second, secondMark);
  await context.close();
  return { first: firstCost, second: secondCost };
}

/**
 * Pagefind alone, as any site's default search uses it: load the runtime,
 * search, and load the first five results' data. For comparing this site's
 * index with another site's on the same corpus.
 */
export async function rawPagefindCost(browser: Browser, server: Server, query: string): Promise<number> {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/404.html`).catch(() => undefined);
  const mark = server.responses();
  await page.evaluate(async (q) => {
    const pf = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as {
      search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
    };
    const r = await pf.search(q);
    await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
  }, query);
  const bytes = server.sentSince(mark, /^\/pagefind\//u);
  await page.close();
  return bytes;
}
