/**
 * The site under a sub-path, as GitHub Pages serves a project site: the
 * fixture corpus built with `BASE_PATH=/reader/` (tests/global-setup.ts)
 * and served at `/reader/` only. No address any page, feed, sitemap, share
 * page, data file or script writes leaves the base path, and the things
 * readers do (read, follow an anchor, search, open a result, open a share
 * page, copy a link, meet the 404 page) work there.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseHTML } from 'linkedom';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { filesUnder } from '../src/integrations/folder-walk.ts';
import { isIndexFolder } from '../src/lib/search/passages.ts';
import { SUB_PATH } from './global-setup.ts';
import { withChromium } from './helpers/browser.ts';
import { root } from './helpers/build.ts';
import { eventually } from './helpers/poll.ts';

const SEED = '000_dafef29e75211819';
const SITE = 'http://localhost:4321';
const dist = `${root}tests/.build/corpus-sub-path/dist`;
const env = withChromium(dist, SUB_PATH);

/** Every file of a built site, but Pagefind's (its runtime, and an index that holds no site address). */
const siteFiles = (dir: string): string[] => [...filesUnder(dir, (name) => !isIndexFolder(name))];

/**
 * The addresses a file of a site served at `servedAt` writes: attribute
 * values, URLs, JSON strings and script strings that are paths from the
 * root or on the site's origin, and the manifest's, resolved.
 */
function addressesIn(file: string, text: string, servedAt: string): string[] {
  const found: string[] = [];
  const path = (value: string | null | undefined) => {
    if (value && /^\/(?!\/)/u.test(value)) found.push(value);
  };
  // Absolute addresses on the site's origin, wherever they stand (links, feeds, printed addresses, citations).
  for (const m of text.matchAll(new RegExp(`${SITE}(/[^\\s"'<>)\\\\]*)?`, 'gu'))) found.push(m[1] ?? '');
  if (file.endsWith('.html')) {
    const { document } = parseHTML(text);
    for (const el of document.querySelectorAll('*')) {
      for (const name of ['href', 'src', 'action', 'data-href', 'cite', 'srcset']) path(el.getAttribute(name)?.split(/\s/u)[0]);
    }
    for (const meta of document.querySelectorAll('meta[http-equiv="refresh"]')) path(/url=(.*)$/u.exec(meta.getAttribute('content') ?? '')?.[1]);
  } else if (file.endsWith('.json')) {
    const walk = (v: unknown): void => {
      if (typeof v === 'string' && !/\s/u.test(v)) path(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(text));
  } else if (file.endsWith('.webmanifest')) {
    // Its addresses are relative to the manifest's own.
    const manifest = JSON.parse(text) as { start_url: string; icons: { src: string }[] };
    const at = new URL(`${SITE}${servedAt}manifest.webmanifest`);
    for (const a of [manifest.start_url, ...manifest.icons.map((i) => i.src)]) found.push(new URL(a, at).pathname);
  } else if (file.endsWith('.js')) {
    for (const m of text.matchAll(/(["'`])(\/[A-Za-z_][^"'`\s]*)\1/gu)) path(m[2]);
  } else if (file.endsWith('_headers')) {
    for (const m of text.matchAll(/^\/\S*/gmu)) path(m[0]);
  } else if (file.endsWith('robots.txt')) {
    for (const m of text.matchAll(/^(?:Allow|Disallow): (\S+)/gmu)) path(m[1]);
  }
  return found;
}

/** The addresses of a built site served at `servedAt` that do not start with `base`, as `file: address`. */
function outside(dir: string, base: string, servedAt = base): string[] {
  return siteFiles(dir).flatMap((file) => {
    if (!/\.(html|xml|json|js|webmanifest|txt)$|_headers$/u.test(file)) return [];
    const text = readFileSync(file, 'utf8');
    return addressesIn(file, text, servedAt)
      .filter((a) => !a.startsWith(base) && `${a}/` !== base)
      .map((a) => `${relative(dir, file)}: ${a}`);
  });
}

test('no page, feed, sitemap, share page, data file, script or header rule has an address outside the base path', () => {
  expect(outside(dist, SUB_PATH)).toEqual([]);
  // The same scan of the site built at the root finds the root's addresses in every kind of file: it can fail.
  const atRoot = outside(`${root}tests/.build/corpus/dist`, SUB_PATH, '/');
  for (const file of [
    'index.html',
    `${SEED}/index.html`,
    `${SEED}/c2/index.html`,
    `${SEED}/data.json`,
    'feed.xml',
    'sitemap.xml',
    'robots.txt',
    '_headers',
    'manifest.webmanifest',
    '404.html',
  ]) {
    expect(
      atRoot.some((a) => a.startsWith(`${file}: `)),
      file,
    ).toBe(true);
  }
  // The site's scripts make every address from the base they were built for, so no script of either build has one
  // written out: the scan of scripts is shown to find one in a script that has.
  expect(addressesIn('a.js', 'fetch(`/pagefind/pagefind.js`);location.href="/search/";x="/reader/y/"', SUB_PATH)).toEqual([
    '/pagefind/pagefind.js',
    '/search/',
    '/reader/y/',
  ]);
});

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}${SUB_PATH}${path}`);
  return page;
}

describe(`under ${SUB_PATH}`, () => {
  test('a reading page loads everything it asks for from the base path, with no failed request', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const failures: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failures.push(r.url()));
    page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
    await page.goto(`${env.server.origin}${SUB_PATH}${SEED}/`, { waitUntil: 'networkidle' });
    await page.locator('theme-toggle button').click(); // its script loaded and ran
    expect(requests.filter((u) => !u.startsWith(`${env.server.origin}${SUB_PATH}`) && !u.startsWith('data:'))).toEqual([]);
    expect(failures).toEqual([]);
    await context.close();
  });

  test('an anchor lands on its paragraph, and the header links stay under the base path', async () => {
    const page = await open(`${SEED}/#c2`);
    await eventually(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe('c2');
    await page.locator('.site-nav a', { hasText: 'Documents' }).click();
    await page.waitForURL(`${env.server.origin}${SUB_PATH}`);
    await eventually(() => page.locator(`main a[href="${SUB_PATH}${SEED}/"]`).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  test('the header search finds a passage, and its result opens the passage with the term marked', async () => {
    const page = await open(`${SEED}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('hegemonic');
    const result = page.locator('dialog[open] .search-results a').first();
    await eventually(() => result.getAttribute('href')).toBe(`${SUB_PATH}${SEED}/#c2.2`);
    await result.click();
    await page.waitForFunction(() => location.hash === '#c2.2');
    await eventually(() => page.locator('#c2 mark.search-hit').first().textContent()).toBe('hegemonic');
    expect(new URL(page.url()).pathname).toBe(`${SUB_PATH}${SEED}/`);
    await page.context().close();
  });

  test('the search page searches, with the query in its address', async () => {
    const page = await open('search/?q=radar');
    await eventually(() => page.locator('.search-results a').first().getAttribute('href')).toBe(`${SUB_PATH}${SEED}/#s1.2`);
    await page.getByLabel('Search passages').fill('hegemonic');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'hegemonic');
    expect(new URL(page.url()).pathname).toBe(`${SUB_PATH}search/`);
    await page.context().close();
  });

  test('a share page takes the reader to the paragraph', async () => {
    const page = await open(`${SEED}/c2/`);
    await page.waitForURL(`**${SUB_PATH}${SEED}/#c2`);
    await eventually(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe('c2');
    await page.context().close();
  });

  test('Copy link copies the paragraph’s address, and Share the share page’s, under the base path', async () => {
    const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    await context.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
    const page = await context.newPage();
    await page.goto(`${env.server.origin}${SUB_PATH}${SEED}/`);
    await page.locator('#c2 .pnum').click(); // the paragraph's tools open from its number
    await page.locator('.para-menu [data-action="link"]').click();
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${env.server.origin}${SUB_PATH}${SEED}/#c2`);
    await page.locator('.para-menu [data-action="share"]').click();
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${env.server.origin}${SUB_PATH}${SEED}/c2/`);
    await context.close();
  });

  test('an unknown address under the base path gets the 404 page, whose search and list links work', async () => {
    const page = await (await env.browser.newContext()).newPage();
    const failures: string[] = [];
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/no-such-document/') && failures.push(`${r.status()} ${r.url()}`));
    const response = await page.goto(`${env.server.origin}${SUB_PATH}no-such-document/`, { waitUntil: 'networkidle' });
    expect(response!.status()).toBe(404);
    await eventually(() => page.locator('h1').innerText()).toBe('Page not found');
    expect(failures).toEqual([]);
    await page.locator('main input[name="q"]').fill('radar');
    await page.locator('main input[name="q"]').press('Enter');
    await page.waitForURL(`**${SUB_PATH}search/?q=radar`);
    await eventually(() => page.locator('.search-results a').first().getAttribute('href')).toBe(`${SUB_PATH}${SEED}/#s1.2`);
    await page.context().close();
  });
});

test('the built pages name the base path in their feed, sitemap and canonical addresses', () => {
  const feed = readFileSync(`${dist}/feed.xml`, 'utf8');
  expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${SITE}${SUB_PATH}feed.xml"/>`);
  expect(readFileSync(`${dist}/sitemap.xml`, 'utf8')).toContain(`<loc>${SITE}${SUB_PATH}${SEED}/</loc>`);
  expect(readFileSync(`${dist}/robots.txt`, 'utf8')).toBe(`User-agent: *\nAllow: ${SUB_PATH}\n\nSitemap: ${SITE}${SUB_PATH}sitemap.xml\n`);
  const { document } = parseHTML(readFileSync(`${dist}/${SEED}/index.html`, 'utf8'));
  expect(document.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${SITE}${SUB_PATH}${SEED}/`);
});
