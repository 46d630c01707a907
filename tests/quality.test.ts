/**
 * Quality over every built page, in the real build and a real Chromium:
 * valid HTML, working links and fragments, no accessibility violation (axe,
 * WCAG 2.2 A and AA) in both themes, keyboard use, and screenshots at three
 * widths for a person to look at (tests/artifacts/, not committed). Each
 * checker is first shown to fail on a deliberately broken page.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './helpers/chromium.ts';
import { root } from './helpers/build.ts';
import { brokenCanonicals, brokenLinks, htmlFiles, pageKind, validateSite } from './helpers/checks.ts';
import { eventually, until } from './helpers/poll.ts';
import { serve } from './helpers/serve.ts';
import { vnu, type VnuProblem } from './helpers/vnu.ts';

const SEED = '000_dafef29e75211819';
const sites = { dist: `${root}dist`, corpus: `${root}tests/.build/corpus/dist` };
const broken = `${root}tests/fixtures-broken`;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const artifacts = `${root}tests/artifacts/screenshots`;

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let brokenServer: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  void vnuReport().catch(() => undefined); // started now, while Chromium starts; the tests that need it report its failure
  browser = await launchChromium();
  server = await serve(sites.corpus);
  brokenServer = await serve(broken);
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await brokenServer?.close();
});

let vnuRun: Promise<VnuProblem[]> | undefined;
/** vnu's errors on the broken page and every page of both sites: one run of the checker (one JVM start) for all. */
function vnuReport(): Promise<VnuProblem[]> {
  vnuRun ??= vnu([`${broken}/index.html`, ...Object.values(sites).flatMap((dir) => htmlFiles(dir))]);
  return vnuRun;
}
/** A vnu run takes seconds, more when the machine is busy. */
const VNU_TIMEOUT = 120_000;

/** vnu's errors on the pages of `dir`, by kind of page: "kind" → ["page:line: message"]. */
async function vnuErrorsByKind(dir: string): Promise<Record<string, string[]>> {
  const byKind: Record<string, string[]> = {};
  for (const p of (await vnuReport()).filter((p) => p.file.startsWith(`${dir}/`))) {
    const file = p.file.slice(dir.length + 1);
    (byKind[pageKind(file)] ??= []).push(`${file}:${p.line}: ${p.message}`);
  }
  return byKind;
}

/** axe-core's WCAG 2.2 A/AA violations on the page, as "rule: target". */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(
      document,
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      },
    ),
  );
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

async function open(origin: string, path: string, options: { width?: number; scheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.scheme ?? 'light',
    bypassCSP: true, // to inject axe-core; the site's own scripts run under its CSP in the other suites
  });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  return page;
}

describe('the checkers catch a deliberately broken page', () => {
  test('html-validate reports the duplicate id and the image without alt', async () => {
    const problems = await validateSite(broken);
    expect(problems.some((p) => p.includes('no-dup-id'))).toBe(true);
    expect(problems.some((p) => p.includes('wcag/h37'))).toBe(true);
  });

  test(
    'vnu (the W3C checker) reports the script after </html>, the duplicate id and the image without alt',
    async () => {
      const errors = (await vnuReport()).filter((p) => p.file === `${broken}/index.html`).map((p) => p.message);
      expect(errors).toContain('Stray start tag “script”.');
      expect(errors.some((m) => m.startsWith('Duplicate ID “twice”'))).toBe(true);
      expect(errors.some((m) => m.includes('img') && m.includes('alt'))).toBe(true);
    },
    VNU_TIMEOUT,
  );

  test('the link checker reports the missing page, the missing fragments and the missing image', () => {
    expect(brokenLinks(broken).sort()).toEqual([
      'index.html: #no-such-id: no element with id "no-such-id"',
      'index.html: /#main: no element with id "main"',
      'index.html: /missing.png: no such page or file',
      'index.html: /no-such-page/: no such page or file',
    ]);
  });

  test('the canonical link checker reports the canonical address with no page', () => {
    expect(brokenCanonicals(broken)).toEqual(['index.html: canonical https://reader.example/no-such-page/: no such page']);
  });

  test('axe reports the missing alt text and the low contrast', async () => {
    const page = await open(brokenServer.origin, '/');
    const violations = await axeViolations(page);
    expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
    expect(violations.some((v) => v.startsWith('color-contrast'))).toBe(true);
    await page.context().close();
  });
});

describe.each(Object.entries(sites))('every page of %s', (_name, dir) => {
  test('is valid HTML (html-validate) with no duplicate id', async () => {
    expect(htmlFiles(dir).length).toBeGreaterThan(4);
    expect(await validateSite(dir)).toEqual([]);
  });

  test(
    'is valid HTML as the W3C checker (vnu) sees it, on every kind of page',
    async () => {
      const kinds = new Set(htmlFiles(dir).map((f) => pageKind(f.slice(dir.length + 1))));
      for (const kind of [
        'reading pages',
        'focus views',
        'share pages',
        'document list',
        'search',
        '404',
        'about',
        'speaker pages',
        'source pages',
        'archive pages',
        'phrase pages',
      ]) {
        expect(kinds, `no ${kind} in the build`).toContain(kind);
      }
      expect(await vnuErrorsByKind(dir)).toEqual({});
    },
    VNU_TIMEOUT,
  );

  test('links only to pages, files and ids that exist', () => {
    expect(brokenLinks(dir)).toEqual([]);
  });

  test('names as canonical only pages that exist; the 404 page, served at any missing address, names none', () => {
    expect(brokenCanonicals(dir)).toEqual([]);
    const { document } = parseHTML(readFileSync(`${dir}/404.html`, 'utf8'));
    expect(document.querySelector('link[rel="canonical"], meta[property="og:url"]')).toBeNull();
    // The check read canonical links: the reading pages have theirs.
    expect(parseHTML(readFileSync(`${dir}/${SEED}/index.html`, 'utf8')).document.querySelector('link[rel="canonical"]')).not.toBeNull();
  });

  test('has one h1, landmarks (banner, navigation, main) and headings that never skip a level', () => {
    for (const file of htmlFiles(dir)) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const where = file.slice(dir.length);
      // Redirect pages (src/lib/publish/redirect.ts: the focus views' addresses, moved addresses) are one sentence and
      // a link that a reader leaves at once: no heading, no landmarks.
      if (document.documentElement.hasAttribute('data-to')) {
        expect(document.querySelectorAll('h1, nav').length, where).toBe(0);
        expect(document.querySelector('main a[href]')?.getAttribute('href'), where).toBe(document.documentElement.getAttribute('data-to'));
        continue;
      }
      expect(document.querySelectorAll('h1').length, where).toBe(1);
      expect(document.querySelectorAll('main#main').length, where).toBe(1);
      // Share pages are one-paragraph redirect stubs: no site header to skip.
      if (!document.querySelector('meta[http-equiv="refresh"]')) {
        expect(document.querySelector('body > header nav'), where).not.toBeNull();
        expect(document.querySelector('a.skip-link[href="#main"]'), where).not.toBeNull();
      }
      let level = 0;
      for (const h of document.querySelectorAll('main h1, main h2, main h3, main h4')) {
        const next = Number(h.tagName[1]);
        expect(next, `${where}: <${h.tagName}> ${h.textContent}`).toBeLessThanOrEqual(level + 1);
        level = next;
      }
    }
  });
});

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  const pages: [string, string, 'light' | 'dark'][] = [
    ['the document list', '/', 'light'],
    ['a reading page, light', `/${SEED}/`, 'light'],
    ['a reading page, dark', `/${SEED}/`, 'dark'],
    ['the statement alone', `/${SEED}/#statement-only`, 'dark'],
    ['the commentary alone', `/${SEED}/#commentary-only`, 'light'],
    ['a Chinese reading page', '/chinese/', 'light'],
    ['the about page', '/about/', 'dark'],
  ];
  for (const [name, path, scheme] of pages) {
    test(`${name} has no violation`, async () => {
      const page = await open(server.origin, path, { scheme });
      await eventually(() => axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  test('the search page showing results has no violation, in both themes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(server.origin, '/search/?q=alliance', { scheme });
      await page.waitForSelector('.search-results a');
      await eventually(() => axeViolations(page), scheme).toEqual([]);
      await page.context().close();
    }
  });

  test('the open search dialog and open notes have no violation', async () => {
    const page = await open(server.origin, `/${SEED}/`, { scheme: 'dark' });
    for (const d of await page.locator('.notes details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
    await page.locator('#c1 .pnum').click(); // the paragraph's tools, and a citation shown
    await page.locator('.para-menu [data-action="cite"]').click();
    // A marker's explanation, as a tap shows it (the open tools cover the marker, so no pointer reaches it).
    await page
      .locator('#c1 .trace-mark')
      .first()
      .evaluate((m) => m.setAttribute('data-open', ''));
    await eventually(() => axeViolations(page)).toEqual([]);
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.matches('dialog[open] input[type="search"]'));
    await page.keyboard.type('radar');
    await page.waitForSelector('dialog[open] .search-results a', { timeout: 5000 });
    await eventually(() => axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('keyboard', () => {
  test('Tab reaches the skip link first, then the header, then the text; the skip link moves focus to the content', async () => {
    const page = await open(server.origin, `/${SEED}/`);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement!;
        return `${el.tagName.toLowerCase()}${el.className ? `.${el.className.split(' ')[0]}` : ''}:${(el.textContent ?? '').trim().slice(0, 20)}`;
      });
    /** Press Tab and wait until focus has left the element that had it. */
    const tab = async () => {
      const before = await page.evaluateHandle(() => document.activeElement);
      await page.keyboard.press('Tab');
      await page.waitForFunction((el) => document.activeElement !== el, before);
      await before.dispose();
    };
    const order: string[] = [];
    for (let i = 0; i < 14; i++) {
      await tab();
      order.push(await focused());
    }
    expect(order.slice(0, 6)).toEqual([
      'a.skip-link:Skip to content',
      'a.site-name:Annotated Reader',
      'a:Documents',
      'a:About',
      'a.search-open:Search /',
      'button.theme-toggle:Theme: auto',
    ]);
    expect(order.slice(6).some((o) => o.startsWith('a.note-ref') || o.startsWith('summary'))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.goto(`${server.origin}/${SEED}/`);
    await tab();
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  test('the theme toggle works with Enter and Space; a note opens with Enter', async () => {
    const page = await open(server.origin, `/${SEED}/`);
    await page.focus('theme-toggle button');
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.keyboard.press('Space');
    await eventually(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.focus('.notes summary');
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.notes details').first().getAttribute('open')).toBe('');
    // A paragraph's tools open from its number with Enter, and take the focus.
    await page.focus('#c2 .pnum');
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement?.closest('.para-menu') !== null)).toBe(true);
    // A note opens from its number with Enter, beside it, and takes the focus.
    await page.focus('a.note-ref[href="#note-4"]');
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement?.closest('li.note')?.querySelector('.note-body')?.id)).toBe('note-4');
    await page.context().close();
  });

  test('every interactive element shows a visible focus indicator', async () => {
    const page = await open(server.origin, `/${SEED}/`);
    const styles = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('a[href], button:not([hidden]), summary')) {
        if (!el.offsetParent) continue;
        el.focus({ focusVisible: true });
        if (document.activeElement !== el) continue; // not focusable now (inside a closed note)
        const s = getComputedStyle(el);
        if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) out.push(el.outerHTML.slice(0, 80));
      }
      return out;
    });
    expect(styles).toEqual([]);
    await page.context().close();
  });
});

describe('screenshots (tests/artifacts/screenshots, git-ignored)', () => {
  for (const width of [320, 768, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${width}px ${scheme}: saved, nothing scrolls sideways, the voices and notes laid out as designed`, async () => {
        const page = await open(server.origin, `/${SEED}/`, { width, scheme });
        await until(async () => {
          const m = await page.evaluate(() => {
            const s = document.getElementById('statement')!.getBoundingClientRect();
            const c = document.getElementById('commentary')!.getBoundingClientRect();
            const note = document.querySelector('.notes li.note')!.getBoundingClientRect();
            return {
              scroll: document.documentElement.scrollWidth,
              client: document.documentElement.clientWidth,
              stacked: s.bottom <= c.top,
              notesInMargin: note.left >= s.right,
            };
          });
          expect(m.scroll).toBeLessThanOrEqual(m.client);
          // One column, the statement first; the notes beside it where there is a margin (62rem), after the text elsewhere.
          expect(m.stacked).toBe(true);
          expect(m.notesInMargin).toBe(width >= 992);
        });
        await page.screenshot({ path: `${artifacts}/reading-${width}-${scheme}.png`, fullPage: true });
        await page.context().close();
      });
    }
  }
});
