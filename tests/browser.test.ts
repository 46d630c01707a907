/**
 * The reading page in a real Chromium: landing on a paragraph or sentence,
 * highlighting, copying, themes, layouts at several widths, and print.
 */
import { execFileSync } from 'node:child_process';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { withChromium } from './helpers/browser.ts';
import { root } from './helpers/build.ts';
import { eventually, until } from './helpers/poll.ts';
import { formatDate } from '../src/lib/common/dates.ts';
import { accessed } from '../src/lib/publish/cite.ts';

const SEED = '000_dafef29e75211819';
const env = withChromium(`${root}dist`);

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  await page.goto(`${env.server.origin}${path}`);
  return page;
}

/** Where `selector` is relative to the viewport and the sticky header. */
async function landing(page: Page, id: string) {
  return page.evaluate((id) => {
    const el = document.getElementById(id)!;
    const header = document.querySelector('.site-header')!;
    const sticky = getComputedStyle(header).position === 'sticky';
    const box = el.getBoundingClientRect();
    return {
      top: box.top,
      headerBottom: sticky ? header.getBoundingClientRect().bottom : 0,
      viewport: innerHeight,
      // Whether the nearest scroller (the page, or the statement column) cannot scroll further down.
      atScrollEnd: (() => {
        let s: Element | null = el.parentElement;
        while (s && !(s.scrollHeight > s.clientHeight && /auto|scroll/u.test(getComputedStyle(s).overflowY))) s = s.parentElement;
        const scroller = s ?? document.documentElement;
        return scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
      })(),
      background: getComputedStyle(el).backgroundColor,
      plain: getComputedStyle(document.getElementById(id === 'c1' ? 'c3' : 'c1')!).backgroundColor,
    };
  }, id);
}

test('a reading page loads only from its own origin, with no failed request and no CSP violation', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const failures: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => failures.push(r.url()));
  page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${env.server.origin}/${SEED}/`, { waitUntil: 'networkidle' });
  await page.locator('theme-toggle button').click(); // the inline scripts ran under the CSP
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((u) => !u.startsWith(env.server.origin) && !u.startsWith('data:'))).toEqual([]);
  expect(failures).toEqual([]);
  expect(problems).toEqual([]);
  const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(csp).toMatch(/default-src 'self'/u);
  expect(csp).not.toMatch(/unsafe-inline/u);
  await context.close();
});

describe('without JavaScript', () => {
  for (const [id, width] of [
    ['c2', 1280],
    ['s1.5', 1280],
    ['c3.2', 768],
    ['c2', 320],
  ] as const) {
    test(`/${SEED}/#${id} at ${width}px lands below the header, highlighted`, async () => {
      const page = await open(`/${SEED}/#${id}`, { javaScriptEnabled: false, viewport: { width, height: 700 } });
      // The browser scrolls to the fragment after load: wait until it lands.
      await until(async () => {
        const where = await landing(page, id);
        expect(where.top).toBeGreaterThanOrEqual(where.headerBottom);
        expect(where.top).toBeLessThan(where.viewport - 40);
        // Just below the header, unless its scroller cannot scroll that far.
        if (!where.atScrollEnd) expect(where.top - where.headerBottom).toBeLessThan(40);
        expect(where.background).not.toBe(where.plain);
        expect(where.background).not.toBe('rgba(0, 0, 0, 0)');
      });
      await page.context().close();
    });
  }

  test('a note opens from its number, in place', async () => {
    const page = await open(`/${SEED}/`, { javaScriptEnabled: false });
    const ref = page.locator('#s1 a.note-ref').first();
    const id = (await ref.getAttribute('href'))!.slice(1);
    await expect(page.locator(`details:has(#${id})`).getAttribute('open')).resolves.toBeNull();
    await ref.click();
    await eventually(() => page.locator(`details:has(#${id})`).getAttribute('open')).toBe('');
    await eventually(() => page.locator(`#${id}`).isVisible()).toBe(true);
    await page.context().close();
  });

  test('the whole text is readable and the copy buttons stay hidden', async () => {
    const page = await open(`/${SEED}/`, { javaScriptEnabled: false });
    await expect(page.locator('#s1').isVisible()).resolves.toBe(true);
    await expect(page.locator('#c3').isVisible()).resolves.toBe(true);
    await expect(page.locator('button.copy-link').first().isVisible()).resolves.toBe(false);
    await page.context().close();
  });
});

describe('with JavaScript', () => {
  test('a paragraph’s Copy button copies its absolute address', async () => {
    const page = await open(`/${SEED}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const button = page.locator('#c2 button.copy-link');
    await button.click();
    await eventually(() => button.getAttribute('data-label')).toBe('Copied');
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${env.server.origin}/${SEED}/#c2`);
    await eventually(() => page.locator('#reader-status').textContent()).toContain(`/${SEED}/#c2`);
    // Pressed again while it says "Copied", it still goes back to its own words afterwards.
    await button.click();
    await eventually(() => button.getAttribute('data-label')).toBe('Copy link');
    await page.waitForTimeout(2500); // past every pending restore: the label stays
    expect(await button.getAttribute('data-label')).toBe('Copy link');
    await page.context().close();
  });

  test('Cite copies a plain-text citation with the date accessed', async () => {
    const page = await open(`/${SEED}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.locator('#s1 button.cite').click();
    // The version cited is the seed's last commit (the project's own history).
    const committed = execFileSync('git', ['log', '-1', '--format=%cs', '--', `seeds/${SEED}.txt`], { cwd: root, encoding: 'utf8' }).trim();
    const version = `, version of ${formatDate(committed)}`;
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
      `Koizumi Shinjiro (Minister of Defense of Japan), quoted in translation in “Koizumi on his call with Hegseth, and a Toutiao writer's commentary”, paragraph S1, 12 December 2025${version}. Original: https://www.toutiao.com/article/1851301118635203/. Annotated Reader, http://localhost:4321/000_dafef29e75211819/#s1. ${accessed(new Date())}`,
    );
    await page.context().close();
  });

  test('selecting words offers a link to the selection that opens there', async () => {
    const page = await open(`/${SEED}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.evaluate(() => {
      const sentence = document.getElementById('c2.1')!;
      const text = sentence.firstChild as Text;
      const start = text.data.indexOf('political maneuver');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'political maneuver'.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    const button = page.locator('.selection-tools button');
    await button.waitFor({ state: 'visible' });
    await button.click();
    const link = `${env.server.origin}/${SEED}/#c2:~:text=political%20maneuver`;
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.goto(link); // the address just found on the clipboard
    await eventually(() => page.evaluate(() => location.hash)).toBe('#c2');
    await page.context().close();
  });

  test('the theme follows the system until the reader picks one, and the pick survives a reload', async () => {
    const page = await open(`/${SEED}/`, { colorScheme: 'light' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    const toggle = page.locator('theme-toggle button');
    await toggle.click(); // auto → light
    await toggle.click(); // light → dark
    await eventually(() => toggle.textContent()).toBe('Theme: dark');
    await eventually(background).not.toBe(light);
    const dark = await background();
    await page.reload({ waitUntil: 'domcontentloaded' });
    // Applied before the first paint by the inline head script, not after load:
    // read once, at DOMContentLoaded, on purpose (waiting would let a late theme pass).
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await eventually(background).toBe(dark);
    await page.context().close();

    const system = await open(`/${SEED}/`, { colorScheme: 'dark' });
    await eventually(() => system.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
    await system.context().close();
  });
});

describe('layout', () => {
  test('at 1280px the voices stand side by side and the statement stays in view while the commentary scrolls', async () => {
    const page = await open(`/${SEED}/`, { viewport: { width: 1280, height: 700 } });
    const boxes = async () =>
      page.evaluate(() => {
        const box = (id: string) => document.getElementById(id)!.getBoundingClientRect().toJSON() as DOMRect;
        return { statement: box('statement'), commentary: box('commentary') };
      });
    const before = await until(async () => {
      const b = await boxes();
      expect(b.statement.right).toBeLessThanOrEqual(b.commentary.left);
      return b;
    });
    await page.mouse.wheel(0, 600);
    // Wheel scrolling is animated: wait until the page has scrolled far enough.
    await until(async () => {
      const after = await boxes();
      expect(after.commentary.top).toBeLessThan(before.commentary.top - 300);
      expect(after.statement.top).toBeGreaterThan(0);
      expect(after.statement.top).toBeLessThan(150);
    });
    await page.context().close();
  });

  for (const width of [320, 768]) {
    test(`at ${width}px the voices are stacked and nothing scrolls sideways`, async () => {
      const page = await open(`/${SEED}/`, { viewport: { width, height: 800 } });
      await until(async () => {
        const m = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          statementBottom: document.getElementById('statement')!.getBoundingClientRect().bottom,
          commentaryTop: document.getElementById('commentary')!.getBoundingClientRect().top,
        }));
        expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
        expect(m.commentaryTop).toBeGreaterThan(m.statementBottom);
      });
      await page.context().close();
    });
  }
});

test('print: paragraph numbers, every note (open, in place) and the page address print; navigation and buttons do not', async () => {
  const page = await open(`/${SEED}/`);
  await page.emulateMedia({ media: 'print' });
  const shown = (selector: string) =>
    page.evaluate((s) => {
      const el = document.querySelector(s)!;
      return getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
    }, selector);
  await eventually(() => shown('.pnum')).toBe(true);
  await expect(page.locator('details.note[open]').count()).resolves.toBe(0);
  await eventually(() =>
    page.locator('details.note .note-body').evaluateAll((bodies) => bodies.length > 0 && bodies.every((b) => b.getBoundingClientRect().height > 0)),
  ).toBe(true);
  await eventually(() => shown('.doc-foot .print-only')).toBe(true);
  await eventually(() => page.locator('.doc-foot .print-only').textContent()).toContain(`/${SEED}/`);
  await eventually(() => shown('.site-header')).toBe(false);
  await eventually(() => shown('theme-toggle')).toBe(false);
  // Print CSS alone shows the notes (above, none open); browsers that print without it get every note opened for the print, and closed after.
  const notes = page.locator('details.note');
  const total = await notes.count();
  expect(total).toBeGreaterThan(0);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await eventually(() => page.locator('details.note[open]').count()).toBe(total);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await eventually(() => page.locator('details.note[open]').count()).toBe(0);
  await page.context().close();
});
