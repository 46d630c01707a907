/**
 * Passage search in a real Chromium over the fixture corpus build (the seed,
 * a Chinese document, markup-looking text): results are paragraphs of one
 * voice, filters travel in the address, and a result lands on its passage
 * with the query's terms marked.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { withChromium } from './helpers/browser.ts';
import { root } from './helpers/build.ts';

const SEED = '000_dafef29e75211819';
const env = withChromium(`${root}tests/.build/corpus/dist`);

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}${path}`);
  return page;
}

/** Results once the status line reports them. */
async function results(page: Page) {
  await page.waitForTimeout(150); // let a change start its search
  await page.waitForFunction(() => {
    const ui = document.querySelector('search-ui[data-mode="page"], dialog[open] search-ui');
    return ui && !ui.hasAttribute('aria-busy') && /found|No passage|Type to search/u.test(ui.querySelector('.search-status')?.textContent ?? '');
  });
  return page.$$eval('.search-results a', (links) =>
    links.map((a) => ({
      href: a.getAttribute('href'),
      title: a.querySelector('.result-title')?.textContent,
      marks: [...a.querySelectorAll('mark')].map((m) => m.textContent),
    })),
  );
}

async function searchFor(page: Page, query: string) {
  const input = page.getByLabel('Search passages');
  await input.fill(query);
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q || !location.pathname.startsWith('/search/'), query);
  await page.waitForTimeout(400);
  return results(page);
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
    await expect(page.locator('mark.search-hit').count()).resolves.toBe(0);
    await page.context().close();
  });

  test('"hegemonic" finds nothing in the statement and the commentary paragraph that says it', async () => {
    const page = await open('/search/?q=hegemonic&voice=statement');
    expect(await results(page)).toEqual([]);
    await expect(page.locator('.search-status').textContent()).resolves.toMatch(/No passage matches “hegemonic” with these filters/u);
    await expect(page.locator('select[name="voice"]').inputValue()).resolves.toBe('statement');
    await page.locator('select[name="voice"]').selectOption('commentary');
    await page.waitForFunction(() => location.search.includes('voice=commentary'));
    const found = await results(page);
    expect(found).toHaveLength(1);
    expect(found[0]!.href).toBe(`/${SEED}/#c2.2`);
    expect(found[0]!.title).toMatch(/ · Commentary C2$/u);
    await page.context().close();
  });

  test('a two-word phrase finds the passage holding both words, linked to that sentence', async () => {
    const page = await open('/search/');
    const found = await searchFor(page, 'international airspace');
    expect(found[0]!.href).toBe(`/${SEED}/#c1.2`);
    expect(new Set(found[0]!.marks.map((m) => m!.toLowerCase()))).toEqual(new Set(['international', 'airspace']));
    await page.context().close();
  });

  test('the address follows the query and the filters, and opens with them', async () => {
    const page = await open('/search/');
    await searchFor(page, 'alliance');
    await page.locator('select[name="voice"]').selectOption('statement');
    await page.waitForFunction(() => location.search === '?q=alliance&voice=statement');
    const found = await results(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.href!.includes('#s'))).toBe(true);
    const options = await page.$$eval('select[name="voice"] option', (os) => os.map((o) => o.textContent));
    expect(options).toEqual(['All', expect.stringMatching(/^Commentary \(\d+\)$/u), expect.stringMatching(/^Statement \(\d+\)$/u)]);
    await page.context().close();
  });

  test('an empty query shows no results and says how many passages there are', async () => {
    const page = await open('/search/?q=');
    expect(await results(page)).toEqual([]);
    await expect(page.locator('.search-status').textContent()).resolves.toMatch(/^Type to search \d+ passages\.$/u);
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
    await expect(page.locator('.search-status').textContent()).resolves.toContain(query);
    await expect(page.locator('search-ui script').count()).resolves.toBe(0);
    expect(dialogs).toBe(0);
    await page.context().close();
  });

  test('a Chinese passage is found by a query in Chinese', async () => {
    const page = await open('/search/');
    const found = await searchFor(page, '电话');
    expect(found[0]!.href).toMatch(/^\/chinese\/#s1/u);
    expect(found[0]!.marks.join('')).toContain('电话');
    await page.context().close();
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
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${env.server.origin}/${SEED}/`, { waitUntil: 'networkidle' });
    expect(requests.filter((p) => p.startsWith('/pagefind') || /search\.[\w-]+\.js$/u.test(p))).toEqual([]);
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.querySelector('dialog.search-dialog')?.hasAttribute('open'));
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/pagefind/pagefind.js')));
    await page.close();
  });

  test('"/" opens the dialog, arrows move through results, Enter opens one, Esc closes; Ctrl+K opens it too', async () => {
    const page = await open(`/${SEED}/`);
    await page.keyboard.press('/');
    const input = page.locator('dialog.search-dialog input[type="search"]');
    await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('hegemonic');
    await page.waitForSelector('dialog.search-dialog .search-results a');
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog.search-dialog').getAttribute('open')).resolves.toBeNull();
    await page.keyboard.press('Control+k');
    await page.waitForFunction(() => document.activeElement?.matches('dialog[open] input[type="search"]'));
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.closest('.search-results') !== null)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#c2.2');
    await page.waitForSelector('mark.search-hit');
    await expect(page.locator('dialog.search-dialog').getAttribute('open')).resolves.toBeNull();
    await expect(page.locator('#c2 mark.search-hit').first().textContent()).resolves.toBe('hegemonic');
    await page.context().close();
  });
});
