/**
 * Passage search in a real Chromium over the fixture corpus build (the seed,
 * a Chinese document, markup-looking text): results are paragraphs of one
 * voice, filters travel in the address, and a result lands on its passage
 * with the query's terms marked.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { withChromium } from './helpers/browser.ts';
import { root } from './helpers/build.ts';
import { page as builtPage } from './helpers/html.ts';
import { eventually } from './helpers/poll.ts';

const SEED = '000_dafef29e75211819';
const dist = `${root}tests/.build/corpus/dist`;
const env = withChromium(dist);

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}${path}`);
  return page;
}

/** The results, once the search UI has settled on `query` (its status reports them and it is not busy). */
async function results(page: Page, query?: string) {
  await page.waitForFunction((q) => {
    const ui = document.querySelector('search-ui[data-mode="page"], dialog[open] search-ui');
    if (!ui || ui.hasAttribute('aria-busy')) return false;
    if (q !== undefined && (ui.querySelector('input') as HTMLInputElement).value !== q) return false;
    return /found|shown|No passage|Type to search/u.test(ui.querySelector('.search-status')?.textContent ?? '');
  }, query);
  return page.$$eval('search-ui[data-mode="page"] .search-results a, dialog[open] .search-results a', (links) =>
    links.map((a) => ({
      href: a.getAttribute('href'),
      title: a.querySelector('.result-title')?.textContent,
      marks: [...a.querySelectorAll('mark')].map((m) => m.textContent),
      text: a.querySelector('.result-excerpt')?.textContent,
    })),
  );
}

/**
 * Every result of the search, with "More passages" pressed until there are no more. A press marks the search busy
 * at once (its handler does, before it loads anything), so `results` waits for what it loads.
 */
async function everyResult(page: Page, query: string) {
  let found = await results(page, query);
  const more = page.locator('search-ui[data-mode="page"] .search-more, dialog[open] .search-more');
  while (await more.isVisible()) {
    await more.click();
    found = await results(page, query);
  }
  return found;
}

async function searchFor(page: Page, query: string) {
  await page.getByLabel('Search passages').fill(query);
  if (page.url().includes('/search/')) await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
  return results(page, query);
}

describe('the search page', () => {
  test('"radar" gives the statement sentence about the radar incident first; opening it lands there with "radar" marked', async () => {
    const page = await open('/search/');
    const found = await searchFor(page, 'radar');
    expect(found[0]).toMatchObject({ href: `/${SEED}/#s1.2`, marks: ['radar'] });
    expect(found[0]!.title).toMatch(/ · Statement S1$/u);
    await page.locator('.search-results a').first().click();
    await page.waitForURL(`**/${SEED}/#s1.2`);
    await page.waitForSelector('mark.search-hit');
    const landed = await page.evaluate(() => {
      const target = document.getElementById('s1.2')!;
      return {
        marks: [...document.querySelectorAll('mark.search-hit')].map((m) => ({ text: m.textContent, inTarget: target.closest('.para')!.contains(m) })),
        top: target.getBoundingClientRect().top,
        headerBottom: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
      };
    });
    expect(landed.marks).toEqual([{ text: 'radar', inTarget: true }]);
    expect(landed.top).toBeGreaterThanOrEqual(landed.headerBottom);
    expect(landed.top).toBeLessThan(400);
    // The marks go away on the next navigation.
    await page.goto(`${env.server.origin}/${SEED}/#c1`);
    await eventually(() => page.locator('mark.search-hit').count()).toBe(0);
    await page.context().close();
  });

  test('an excerpt is the passage’s own words: nothing added, markup shown as text', async () => {
    const page = await open('/search/');
    const found = await searchFor(page, 'unbreakable');
    expect(found).toHaveLength(1);
    // Pagefind would end a block with a period it adds; the excerpt must not.
    expect(found[0]!.text).toContain('The so-called "unbreakable" alliance is actually a mutually beneficial interest entanglement.');
    const markup = await searchFor(page, 'onerror');
    expect(markup[0]!.text).toContain('<img src=x onerror=');
    await eventually(() => page.locator('.search-results img, .search-results script').count()).toBe(0);
    await page.context().close();
  });

  test('"hegemonic" finds nothing in the statement and the commentary paragraph that says it', async () => {
    const page = await open('/search/?q=hegemonic&voice=statement');
    expect(await results(page, 'hegemonic')).toEqual([]);
    await eventually(() => page.locator('.search-status').textContent()).toMatch(/No passage matches “hegemonic” with these filters/u);
    await expect(page.locator('select[name="voice"]').inputValue()).resolves.toBe('statement');
    await page.locator('select[name="voice"]').selectOption('commentary');
    await page.waitForFunction(() => location.search.includes('voice=commentary'));
    await eventually(async () => (await results(page, 'hegemonic')).map((r) => r.href)).toEqual([`/${SEED}/#c2.2`]);
    const found = await results(page, 'hegemonic');
    expect(found[0]!.title).toMatch(/ · Commentary C2$/u);
    await page.context().close();
  });

  test('a two-word phrase finds the passage holding both words, linked to that sentence', async () => {
    const page = await open('/search/');
    const found = await searchFor(page, 'international airspace');
    expect(found[0]!.href).toBe(`/${SEED}/#c1.2`);
    expect(new Set(found[0]!.marks.map((m) => m.toLowerCase()))).toEqual(new Set(['international', 'airspace']));
    await page.context().close();
  });

  test('a quoted phrase with a function word finds where it stands whole, marked whole; function words alone are too common to search', async () => {
    const page = await open('/search/');
    const found = await searchFor(page, '"door for dialogue"');
    expect(found[0]).toMatchObject({ href: `/${SEED}/#s1.4`, marks: ['door', 'for', 'dialogue'] });
    expect(found.every((r) => /door for dialogue/iu.test(r.text ?? ''))).toBe(true);
    // Unquoted, its words are searched anywhere in a passage, the function word aside.
    const loose = await searchFor(page, 'dialogue for door');
    expect(loose[0]!.marks).toEqual(expect.arrayContaining(['door', 'dialogue']));
    expect(loose[0]!.marks).not.toContain('for');
    await page.getByLabel('Search passages').fill('for the');
    await eventually(() => page.locator('search-ui .search-status').textContent()).toBe('“for the” is too common to search for: add a less common word.');
    await page.context().close();
  });

  test('the address follows the query and the filters, and opens with them', async () => {
    const page = await open('/search/');
    await searchFor(page, 'alliance');
    await page.locator('select[name="voice"]').selectOption('statement');
    await page.waitForFunction(() => location.search === '?q=alliance&voice=statement');
    await eventually(async () => {
      const found = await results(page, 'alliance');
      return found.length > 0 && found.every((r) => r.href!.includes('#s'));
    }).toBe(true);
    const options = await page.$$eval('select[name="voice"] option', (os) => os.map((o) => o.textContent));
    expect(options).toEqual(['Both', 'Statement', 'Commentary']);
    await page.context().close();
  });

  test('a speaker filter finds the speaker under every spelling the documents use', async () => {
    // takaichi-a, -b and -c spell the speaker "Takaichi Sanae", "Sanae Takaichi" and "PM Takaichi"; the alias file makes them one.
    const documents = async (speaker: string, first = false) => {
      const page = await open(`/search/?q=${encodeURIComponent('China threat')}&speaker=${encodeURIComponent(speaker)}`);
      const found = first ? await results(page, 'China threat') : await everyResult(page, 'China threat');
      await page.context().close();
      return [...new Set(found.map((r) => r.href!.split('#')[0]))].sort();
    };
    expect(await documents('Sanae Takaichi')).toEqual(['/takaichi-a/', '/takaichi-b/', '/takaichi-c/']);
    // A bundle of this small index holds one document: a first search loads up to five, and shows all three.
    expect(await documents('Sanae Takaichi', true)).toEqual(['/takaichi-a/', '/takaichi-b/', '/takaichi-c/']);
    // A spelling only the alias file knows finds the same documents.
    expect(await documents('PM Takaichi')).toEqual(['/takaichi-a/', '/takaichi-b/', '/takaichi-c/']);
  });

  test('a speaker or a document in the address limits the passages to theirs, shown as a filter that can be removed', async () => {
    const page = await open(`/search/?q=china&speaker=${encodeURIComponent('Koizumi Shinjiro')}`);
    const bySpeaker = await results(page, 'china');
    expect(bySpeaker.length).toBeGreaterThan(0);
    expect(bySpeaker.every((r) => r.href!.startsWith(`/${SEED}/`))).toBe(true);
    await expect(page.locator('.search-chip').textContent()).resolves.toContain('Speaker: Koizumi Shinjiro');
    await page.getByRole('button', { name: 'Remove the speaker filter' }).click();
    await page.waitForFunction(() => location.search === '?q=china');
    await eventually(async () => (await results(page, 'china')).some((r) => !r.href!.startsWith(`/${SEED}/`))).toBe(true);

    const byDocument = await open(`/search/?q=alliance&document=${SEED}`);
    const found = await results(byDocument, 'alliance');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.href!.startsWith(`/${SEED}/`))).toBe(true);
    // The chip names the document by its title once a result has told it.
    await eventually(() => byDocument.locator('.search-chip').textContent()).toMatch(/^Document: Koizumi/u);
    await page.context().close();
    await byDocument.context().close();
  });

  test('an empty query shows no results and says how many passages there are', async () => {
    const page = await open('/search/?q=');
    expect(await results(page, '')).toEqual([]);
    await eventually(() => page.locator('.search-status').textContent()).toMatch(/^Type to search \d+ passages\.$/u);
    await page.context().close();
  });

  test('a query containing <script> is shown as text and runs nothing', async () => {
    const page = await open('/search/');
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const query = '<script>alert(1)</script>';
    await searchFor(page, query);
    await eventually(() => page.locator('.search-status').textContent()).toContain(query);
    await expect(page.locator('search-ui script').count()).resolves.toBe(0);
    expect(dialogs).toBe(0);
    await page.context().close();
  });

  test('loads each script and stylesheet once: the search code is one file, the one the header’s search loads', async () => {
    // The files the built page names, and every file their scripts import or load (`/_astro/…` addresses), to the end.
    const doc = builtPage(dist, '/search/');
    const named = [...doc.querySelectorAll('script[src], link[rel="stylesheet"]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href')!);
    expect(new Set(named).size).toBe(named.length);
    const files = new Map<string, string>();
    const follow = (path: string) => {
      if (files.has(path)) return;
      const text = readFileSync(`${dist}${path}`, 'utf8');
      files.set(path, text);
      if (!path.endsWith('.js')) return;
      for (const [, address] of text.matchAll(/["'`](\/_astro\/[^"'`]+)["'`]/gu)) follow(address!);
      for (const [, relative] of text.matchAll(/(?:from|import\()\s*["'`](\.\/[^"'`]+)["'`]/gu)) follow(new URL(relative!, `http://x${path}`).pathname);
    };
    named.forEach(follow);
    const defines = [...files].filter(([, text]) => /customElements\.define\(["'`]search-ui["'`]/u.test(text)).map(([path]) => path);
    expect(defines).toEqual([expect.stringMatching(/^\/_astro\/search\.[\w-]+\.js$/u)]);
    // No file is another's copy (the results' styles, say, under two names).
    const byText = new Map<string, string[]>();
    for (const [path, text] of files) byText.set(text, [...(byText.get(text) ?? []), path]);
    expect([...byText.values()].filter((paths) => paths.length > 1)).toEqual([]);
    // And in Chromium: a search asks for each script and stylesheet once.
    const page = await open('/search/');
    const requested: string[] = [];
    page.on('request', (r) => {
      if (['script', 'stylesheet'].includes(r.resourceType())) requested.push(new URL(r.url()).pathname);
    });
    await page.reload();
    await searchFor(page, 'radar');
    expect(requested.filter((p) => p.startsWith('/_astro/')).sort()).toEqual([...new Set(requested.filter((p) => p.startsWith('/_astro/')))].sort());
    expect(requested).toContain(defines[0]);
    await page.context().close();
  });

  test('a Chinese passage is found by a query in Chinese', async () => {
    const page = await open('/search/');
    const found = await searchFor(page, '电话');
    expect(found[0]!.href).toMatch(/^\/chinese\/#s1/u);
    expect(found[0]!.marks.join('')).toContain('电话');
    await page.context().close();
  });

  test('a common word shows the best passages first and loads more on request, each passage once', async () => {
    const page = await open('/search/');
    const first = await searchFor(page, 'china');
    await eventually(() => page.locator('.search-status').textContent()).toMatch(/shown, best matches first; more below\./u);
    const more = page.getByRole('button', { name: 'More passages' });
    await more.click();
    await eventually(async () => (await results(page, 'china')).length).toBeGreaterThan(first.length);
    while (await more.isVisible()) {
      await more.click();
      await page.waitForFunction(() => !document.querySelector('search-ui')!.hasAttribute('aria-busy'));
    }
    const all = await results(page, 'china');
    await eventually(() => page.locator('.search-status').textContent()).toBe(`${all.length} passages found.`);
    expect(new Set(all.map((r) => r.href!.replace(/\.\d+$/u, ''))).size).toBe(all.length);
    await page.context().close();
  });

  test('an unfiltered query downloads no filter data', async () => {
    const page = await open('/search/');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await searchFor(page, 'alliance');
    expect(requested.some((p) => p.includes('/index/'))).toBe(true);
    expect(requested.filter((p) => p.includes('/filter/'))).toEqual([]);
    await page.context().close();
  });

  test('waiting for a first query downloads nothing past the runtime and the index’s metadata', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${env.server.origin}/search/`, { waitUntil: 'networkidle' });
    await eventually(() => requested.some((p) => p.endsWith('.pf_meta')), 'the index’s metadata loads').toBe(true);
    // Once the page has loaded the runtime (it says how many passages it searches), it warms its search code when
    // next idle: two idle periods later, it has.
    expect(await results(page)).toEqual([]);
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done))));
    expect(requested.filter((p) => /\/(index|fragment|filter)\//u.test(p))).toEqual([]);
    await searchFor(page, 'alliance');
    expect(requested.some((p) => p.includes('/index/'))).toBe(true);
    await context.close();
  });

  test('without JavaScript the page says search needs it and links to the document list', async () => {
    const page = await open('/search/', { javaScriptEnabled: false });
    const notice = page.locator('.notice');
    await expect(notice.textContent()).resolves.toContain('Search needs JavaScript');
    await expect(notice.locator('a').getAttribute('href')).resolves.toBe('/');
    await page.context().close();
  });
});

describe('the header search', () => {
  test('costs nothing until used: no search code or index loads with a reading page', async () => {
    const page = await env.browser.newPage();
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    page.on('requestfailed', (r) => failed.push(`${new URL(r.url()).pathname}: ${r.failure()?.errorText}`));
    await page.goto(`${env.server.origin}/${SEED}/`, { waitUntil: 'networkidle' });
    expect(requests.filter((p) => p.startsWith('/pagefind') || /search\.[\w-]+\.js$/u.test(p))).toEqual([]);
    // "/" works once the header's script has run (as for a reader pressing it before then, nothing happens).
    await page.evaluate(() => customElements.whenDefined('site-search'));
    await page.keyboard.press('/');
    await eventually(() => page.evaluate(() => document.querySelector('dialog.search-dialog')?.hasAttribute('open')), 'the dialog opens').toBe(true);
    await eventually(() => [requests.some((p) => p.endsWith('/pagefind/pagefind.js')), failed], 'the runtime is asked for, and nothing failed').toEqual([
      true,
      [],
    ]);
    await page.close();
  });

  test('"/" opens the dialog, arrows move through results, Enter opens one, Esc closes; Ctrl+K opens it too', async () => {
    const page = await open(`/${SEED}/`);
    await page.keyboard.press('/');
    const input = page.locator('dialog.search-dialog input[type="search"]');
    await eventually(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('hegemonic');
    await page.waitForSelector('dialog.search-dialog .search-results a');
    // The results' styles come with the search code, and results wait for them: never shown unstyled.
    expect(
      await page
        .locator('dialog.search-dialog .search-results')
        .evaluate((ol) => [getComputedStyle(ol).listStyleType, getComputedStyle(ol.querySelector('a')!).display]),
    ).toEqual(['none', 'block']);
    await page.keyboard.press('Escape');
    await eventually(() => page.locator('dialog.search-dialog').getAttribute('open')).toBeNull();
    await page.keyboard.press('Control+k');
    await page.waitForFunction(() => document.activeElement?.matches('dialog[open] input[type="search"]'));
    await page.keyboard.press('ArrowDown');
    await eventually(() => page.evaluate(() => document.activeElement?.closest('.search-results') !== null)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#c2.2');
    await page.waitForSelector('mark.search-hit');
    await eventually(() => page.locator('dialog.search-dialog').getAttribute('open')).toBeNull();
    await eventually(() => page.locator('#c2 mark.search-hit').first().textContent()).toBe('hegemonic');
    await page.context().close();
  });

  test('what is typed while the search code loads is kept and searched', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // Hold the search code back until the whole word is typed.
    await page.route(/\/_astro\/search\.[\w-]+\.js$/u, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${env.server.origin}/${SEED}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('hegemonic');
    await expect(page.locator('dialog[open] input[type="search"]').inputValue()).resolves.toBe('hegemonic');
    release();
    const found = await results(page, 'hegemonic');
    expect(found.map((r) => r.href)).toEqual([`/${SEED}/#c2.2`]);
    await context.close();
  });

  test('if search cannot load, the dialog says so and links to the search page', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.route('**/pagefind/pagefind.js', (route) => route.abort());
    await page.goto(`${env.server.origin}/${SEED}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('alliance');
    const status = page.locator('dialog[open] .search-status');
    await eventually(() => status.textContent()).toContain('Search could not load.');
    await expect(status.locator('a').getAttribute('href')).resolves.toBe('/search/');
    await context.close();
  });

  test('a result the page cannot read (an index of another format) is an error in the console and in the results area, not an empty result', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    // A fragment as another version might write it: the passage's anchor carries no passage data.
    const fragment = {
      url: '/_search/en-0/',
      content: 'radar',
      word_count: 1,
      filters: { voice: ['Statement'] },
      meta: {},
      anchors: [{ element: 'span', id: 'p0', text: '', title: 'not the passage data', location: 0 }],
    };
    await page.route('**/fragment/*.pf_fragment', (route) => route.fulfill({ body: `pagefind_dcd${JSON.stringify(fragment)}` }));
    await page.goto(`${env.server.origin}/search/`);
    await page.getByLabel('Search passages').fill('radar');
    const status = page.locator('search-ui .search-status');
    await eventually(() => status.textContent()).toContain('Search failed: its index could not be read');
    await expect(status.textContent()).resolves.toContain('anchor p0 carries no passage data');
    await expect(page.locator('search-ui .search-results li').count()).resolves.toBe(0);
    await eventually(() => errors.join('\n')).toContain('anchor p0 carries no passage data');
    await context.close();
  });

  test('on a reading page the dialog can search that document alone', async () => {
    const page = await open('/multi-paragraph/');
    await page.keyboard.press('/');
    await page.keyboard.type('statement');
    const everywhere = await results(page, 'statement');
    expect(everywhere.some((r) => !r.href!.startsWith('/multi-paragraph/'))).toBe(true);
    await page.getByLabel('Only this document').check();
    await eventually(async () => {
      const found = await results(page, 'statement');
      return found.length > 0 && found.every((r) => r.href!.startsWith('/multi-paragraph/'));
    }).toBe(true);
    await page.context().close();
  });
});
