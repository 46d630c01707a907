/**
 * Sharing and discoverability: paragraph share pages whose link preview is
 * that paragraph, document cards, the Atom feed, the sitemap, robots.txt,
 * the 404 page, unknown paragraph ids, and no failed request anywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { parseSeed, partOf } from '../src/lib/seed/parse.ts';
import { withChromium } from './helpers/browser.ts';
import { root } from './helpers/build.ts';
import { page } from './helpers/html.ts';
import { eventually } from './helpers/poll.ts';

const SEED = '000_dafef29e75211819';
const SITE = 'http://localhost:4321';
const dist = `${root}dist`;
const seed = parseSeed(readFileSync(`${root}seeds/${SEED}.txt`, 'utf8'));
const env = withChromium(dist);

const meta = (doc: Document, key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;

/** Load a page and return every failed request (network error or status ≥ 400). */
async function failures(tab: Page, path: string): Promise<string[]> {
  const failed: string[] = [];
  tab.on('requestfailed', (r) => {
    // A page that leads on (a focus view's address) is left as soon as its script runs: the rest of its own response
    // is dropped then, which the browser reports as an aborted navigation, not a missing file.
    if (r.isNavigationRequest() && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    failed.push(`failed ${r.url()}`);
  });
  tab.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await tab.goto(`${env.server.origin}${path}`, { waitUntil: 'networkidle' });
  return failed;
}

describe('paragraph share pages', () => {
  test('/<slug>/c2/ previews the commentary paragraph: title, description, canonical to /<slug>/#c2', () => {
    const doc = page(dist, `/${SEED}/c2/`);
    const c2 = partOf(seed, 'commentary')!.paragraphs[1]!.text;
    expect(meta(doc, 'og:title')).toBe("Commentary (opinion), C2 · Koizumi on his call with Hegseth, and a Toutiao writer's commentary");
    const description = meta(doc, 'og:description')!;
    expect(description.length).toBeLessThanOrEqual(201);
    expect(description.endsWith('…')).toBe(true);
    expect(c2.startsWith(description.slice(0, -1))).toBe(true);
    // X reads og:title, og:description and og:image where its own tags are missing, as the reading pages rely on.
    expect(meta(doc, 'twitter:description')).toBeNull();
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${SITE}/${SEED}/#c2`);
    expect(meta(doc, 'og:url')).toBe(`${SITE}/${SEED}/#c2`);
    expect(doc.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(`0; url=/${SEED}/#c2`);
    expect(doc.querySelector('blockquote')!.textContent).toBe(c2);
    expect(doc.querySelector(`a[href="/${SEED}/#c2"]`)).not.toBeNull();
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  test('share pages stay small: none of the reading pages’ CSS or scripts', () => {
    const html = readFileSync(`${dist}/${SEED}/c2/index.html`, 'utf8');
    expect(html.length).toBeLessThan(8 * 1024);
    expect(html).not.toContain('.voices');
  });

  test('a statement paragraph’s share page names the speaker', () => {
    expect(meta(page(dist, `/${SEED}/s1/`), 'og:title')).toBe(
      "Koizumi Shinjiro (quoted in translation), S1 · Koizumi on his call with Hegseth, and a Toutiao writer's commentary",
    );
  });

  test('opening a share page lands on the paragraph in its reading page', async () => {
    const tab = await env.browser.newPage();
    await tab.goto(`${env.server.origin}/${SEED}/c2/`);
    await tab.waitForURL(`**/${SEED}/#c2`);
    await eventually(() => tab.evaluate(() => document.querySelector(':target')?.id)).toBe('c2');
    await tab.close();
  });

  test('without JavaScript the share page shows the paragraph and the link', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    // Stop at the share page itself (a reader with refresh disabled sees this).
    const response = await tab.request.get(`${env.server.origin}/${SEED}/c2/`);
    await tab.setContent((await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/u, ''));
    await eventually(() => tab.locator('blockquote').innerText()).toContain('political maneuver');
    await eventually(() => tab.getByRole('link', { name: 'Read paragraph C2 in context' }).getAttribute('href')).toBe(`/${SEED}/#c2`);
    await context.close();
  });

  test('Share gives the share page’s address: to the system share sheet, else copied; Copy link keeps the #id address', async () => {
    // A browser with a share sheet: the sheet gets the share page's address.
    const withSheet = await env.browser.newContext();
    await withSheet.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: (data: ShareData) => {
          (window as unknown as { shared: ShareData[] }).shared = [...((window as unknown as { shared?: ShareData[] }).shared ?? []), data];
          return Promise.resolve();
        },
      });
    });
    const tab = await withSheet.newPage();
    await tab.goto(`${env.server.origin}/${SEED}/`);
    await tab.locator('#c2 .pnum').click(); // the paragraph's tools open from its number
    await tab.locator('.para-menu [data-action="share"]').click();
    await eventually(() => tab.evaluate(() => (window as unknown as { shared?: ShareData[] }).shared?.map((d) => d.url))).toEqual([
      `${env.server.origin}/${SEED}/c2/`,
    ]);
    await withSheet.close();

    // A browser without one: the address is copied.
    const noSheet = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    await noSheet.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
    const plain = await noSheet.newPage();
    await plain.goto(`${env.server.origin}/${SEED}/`);
    await plain.locator('#c2 .pnum').click();
    await plain.locator('.para-menu [data-action="share"]').click();
    await eventually(() => plain.evaluate(() => navigator.clipboard.readText())).toBe(`${env.server.origin}/${SEED}/c2/`);
    await plain.locator('.para-menu [data-action="link"]').click();
    await eventually(() => plain.evaluate(() => navigator.clipboard.readText())).toBe(`${env.server.origin}/${SEED}/#c2`);
    await noSheet.close();
  });
});

describe('document cards', () => {
  test('a reading page has Open Graph and Twitter tags: article, title, first statement sentence, date, image', () => {
    const doc = page(dist, `/${SEED}/`);
    expect(meta(doc, 'og:type')).toBe('article');
    expect(meta(doc, 'og:site_name')).toBe('Annotated Reader');
    expect(meta(doc, 'og:title')).toBe("Koizumi on his call with Hegseth, and a Toutiao writer's commentary");
    expect(meta(doc, 'og:description')).toBe('This morning I had a phone call with the U.S. Secretary of War Hegseth.');
    expect(meta(doc, 'article:published_time')).toBe('2025-12-12');
    expect(meta(doc, 'og:image')).toBe(`${SITE}/${SEED}/card.png`);
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
  });

  test('in the fixture corpus a document has a card exactly when every letter on it can be drawn: emoji, Hebrew, Arabic and Chinese get none', () => {
    const corpus = `${root}tests/.build/corpus/dist`;
    const slugs = readdirSync(corpus).filter((slug) => existsSync(`${corpus}/${slug}/data.json`));
    const carded = slugs.filter((slug) => existsSync(`${corpus}/${slug}/card.png`));
    for (const slug of slugs) expect(meta(page(corpus, `/${slug}/`), 'og:image') !== null, slug).toBe(carded.includes(slug));
    const uncarded = ['unusual-characters', 'chinese', 'chinese-fullwidth'];
    expect(slugs).toEqual(expect.arrayContaining([...uncarded, 'declaration-du-ministre-v2']));
    for (const slug of uncarded) expect(carded, slug).not.toContain(slug);
    expect(carded).toContain('declaration-du-ministre-v2');
  });

  test('each voice has its card, a 1200×630 PNG, and a shared paragraph previews with its own voice’s, never another’s', () => {
    for (const card of ['card.png', 'commentary/card.png']) {
      const png = readFileSync(`${dist}/${SEED}/${card}`);
      expect(png.subarray(1, 4).toString(), card).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], card).toEqual([1200, 630]);
    }
    expect(readFileSync(`${dist}/${SEED}/card.png`).equals(readFileSync(`${dist}/${SEED}/commentary/card.png`))).toBe(false);
    const s1 = page(dist, `/${SEED}/s1/`);
    expect(meta(s1, 'og:image')).toBe(`${SITE}/${SEED}/card.png`);
    expect(meta(s1, 'og:image:alt')).toMatch(/^Koizumi Shinjiro \(quoted in translation\) — /u);
    for (const id of ['c1', 'c2', 'c3']) {
      const c = page(dist, `/${SEED}/${id}/`);
      expect(meta(c, 'og:image'), id).toBe(`${SITE}/${SEED}/commentary/card.png`);
      expect(meta(c, 'og:image:alt'), id).toMatch(/^Commentary \(opinion\) — /u);
      expect(meta(c, 'og:image:alt'), id).not.toContain('Koizumi Shinjiro');
    }
    // The commentary's focus view previews with the commentary's card too.
    expect(meta(page(dist, `/${SEED}/commentary/`), 'og:image')).toBe(`${SITE}/${SEED}/commentary/card.png`);
  });
});

describe('feeds and maps', () => {
  async function parseXml(path: string) {
    const tab = await env.browser.newPage();
    const xml = readFileSync(`${dist}${path}`, 'utf8');
    const result = await tab.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const pick = (sel: string) => [...doc.getElementsByTagName(sel)].map((e) => e.textContent);
      return {
        error,
        root: doc.documentElement.nodeName,
        ns: doc.documentElement.namespaceURI,
        titles: pick('title'),
        ids: pick('id'),
        summaries: pick('summary'),
        locs: pick('loc'),
      };
    }, xml);
    await tab.close();
    return result;
  }

  test('the Atom feed is well-formed XML with the documents and the statement as summary', async () => {
    const feed = await parseXml('/feed.xml');
    expect(feed.error).toBeNull();
    expect([feed.root, feed.ns]).toEqual(['feed', 'http://www.w3.org/2005/Atom']);
    expect(feed.ids).toContain(`${SITE}/${SEED}/`);
    expect(feed.summaries[0]).toBe(partOf(seed, 'statement')!.paragraphs[0]!.text);
    expect(page(dist, '/').querySelector('link[rel="alternate"][type="application/atom+xml"]')!.getAttribute('href')).toBe('/feed.xml');
  });

  test('the sitemap lists the list pages, reading pages and the ways in (not focus views or share pages), and robots.txt points at it', async () => {
    const map = await parseXml('/sitemap.xml');
    expect(map.error).toBeNull();
    const ways = ['/speakers/', '/speakers/koizumi-shinjiro/', '/sources/', '/sources/toutiao-com/', '/archive/', '/archive/2025/12/'];
    expect(map.locs).toEqual([`${SITE}/`, `${SITE}/${SEED}/`, ...ways.map((w) => `${SITE}${w}`)]);
    for (const way of ways) expect(existsSync(`${dist}${way}index.html`), way).toBe(true);
    expect(readFileSync(`${dist}/robots.txt`, 'utf8')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });
});

describe('not found', () => {
  test('an unknown address gets the 404 page, with a search box and the document list', async () => {
    const tab = await env.browser.newPage();
    const response = await tab.goto(`${env.server.origin}/no-such-document/`);
    expect(response!.status()).toBe(404);
    await eventually(() => tab.locator('h1').innerText()).toBe('Page not found');
    await eventually(() => tab.locator('main form[action="/search/"] input[name="q"]').count()).toBe(1);
    await eventually(() => tab.getByRole('link', { name: 'list of documents' }).getAttribute('href')).toBe('/');
    await tab.close();
  });

  test('an unknown paragraph id says the paragraph does not exist and links to the top', async () => {
    const tab = await env.browser.newPage();
    await tab.goto(`${env.server.origin}/${SEED}/#c9`);
    const notice = tab.locator('#missing-target');
    await eventually(() => notice.isVisible()).toBe(true);
    await eventually(() => notice.innerText()).toContain('no paragraph #c9');
    await eventually(() => notice.locator('a').getAttribute('href')).toBe('#main');
    // Same document, new hash: the notice hides on hashchange, after goto returns.
    await tab.goto(`${env.server.origin}/${SEED}/#c2`);
    await eventually(() => notice.isVisible()).toBe(false);
    await tab.close();
  });

  test('without JavaScript an unknown id breaks nothing: the page reads, no notice', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${env.server.origin}/${SEED}/#c9`);
    await expect(tab.locator('#c3').isVisible()).resolves.toBe(true);
    await expect(tab.locator('#missing-target').isVisible()).resolves.toBe(false);
    await context.close();
  });
});

// Six pages, each loaded until the network is idle: 12–16 s on a busy machine.
test('no page load asks for a missing file (favicon, manifest, card, scripts)', { timeout: 60_000 }, async () => {
  for (const path of ['/', `/${SEED}/`, `/${SEED}/statement/`, '/search/?q=radar', '/about/', '/no-such-page/']) {
    const tab = await env.browser.newPage();
    const failed = await failures(tab, path);
    expect(
      failed.filter((f) => !f.includes('/no-such-page/')),
      path,
    ).toEqual([]);
    await tab.close();
  }
});
