/**
 * The reading page in a real Chromium: landing on a paragraph or sentence,
 * highlighting, copying, themes, layouts at several widths, and print.
 */
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
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

test('a reading page runs under 2 KB of JavaScript (gzip) on load, on a phone and on a wide screen with the notes in the margin; the tools’ code comes with their first use', async () => {
  /** The scripts a page loads (path and gzip size), kept as they arrive. */
  const scriptsOf = async (viewport: { width: number; height: number }) => {
    const context = await env.browser.newContext({ viewport });
    const page = await context.newPage();
    const scripts: { path: string; gzip: number }[] = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') scripts.push({ path: new URL(r.url()).pathname, gzip: gzipSync(await r.body()).length });
    });
    await page.goto(`${env.server.origin}/${SEED}/`, { waitUntil: 'networkidle' });
    await until(() => expect(scripts.length).toBeGreaterThan(0));
    return { context, page, scripts };
  };
  const lazy = /\/(notes|paragraph-tools|selection-link|seed-selection|landed|search)\./u;
  // A wide screen sets the notes in the margin at once, with no module besides the page's own.
  const wide = await scriptsOf({ width: 1280, height: 800 });
  await wide.page.locator('.notes.in-margin li.note.placed').first().waitFor();
  expect(wide.scripts.reduce((n, s) => n + s.gzip, 0)).toBeLessThanOrEqual(2048);
  expect(wide.scripts.map((s) => s.path).filter((p) => lazy.test(p))).toEqual([]);
  await wide.context.close();
  const phone = await scriptsOf({ width: 390, height: 844 });
  expect(phone.scripts.reduce((n, s) => n + s.gzip, 0)).toBeLessThanOrEqual(2048);
  expect(phone.scripts.map((s) => s.path).filter((p) => lazy.test(p))).toEqual([]);
  // Selecting words brings the code that keeps copies to the seed's words and the link to the selection.
  await phone.page.evaluate(() => {
    const words = document.getElementById('c1.1')!.firstChild!;
    const range = document.createRange();
    range.setStart(words, 0);
    range.setEnd(words, 5);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await until(() => expect(phone.scripts.map((s) => s.path).filter((p) => /\/(seed-selection|selection-link)\./u.test(p))).toHaveLength(2));
  // Tapping a note's number brings the code that opens it in place.
  await phone.page.locator('a.note-ref').first().click();
  await until(() => expect(phone.scripts.map((s) => s.path).filter((p) => /\/notes\./u.test(p))).toHaveLength(1));
  await phone.context.close();
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

  test('the whole text is readable, a paragraph number is a plain link to it, and no tool appears', async () => {
    const page = await open(`/${SEED}/`, { javaScriptEnabled: false });
    await expect(page.locator('#s1').isVisible()).resolves.toBe(true);
    await expect(page.locator('#c3').isVisible()).resolves.toBe(true);
    await page.locator('#c2 .pnum').click();
    await eventually(() => page.evaluate(() => location.hash)).toBe('#c2');
    await expect(page.locator('.para-menu').count()).resolves.toBe(0);
    await page.context().close();
  });
});

describe('with JavaScript', () => {
  test('a paragraph’s number opens its tools; Copy link copies its absolute address', async () => {
    const page = await open(`/${SEED}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.locator('#c2 .pnum').click();
    const menu = page.locator('.para-menu');
    await menu.waitFor({ state: 'visible' });
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Copy link'); // keyboard users land in it
    const button = menu.locator('[data-action="link"]');
    await button.click();
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${env.server.origin}/${SEED}/#c2`);
    await eventually(() => page.locator('#reader-status').textContent()).toContain(`/${SEED}/#c2`);
    await eventually(() => button.textContent()).toBe('Copied');
    await button.click(); // pressed again while it says "Copied", it still goes back to its own words
    await eventually(() => button.textContent()).toBe('Copy link');
    // Escape closes it and gives focus back to the number.
    await page.keyboard.press('Escape');
    await eventually(() => menu.isVisible()).toBe(false);
    await eventually(() => page.evaluate(() => document.activeElement?.closest('.para')?.id)).toBe('c2');
    await page.context().close();
  });

  test('Cite shows the citation first, with the date accessed; Copy citation copies exactly that', async () => {
    const page = await open(`/${SEED}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.evaluate(() => navigator.clipboard.writeText('untouched'));
    await page.locator('#s1 .pnum').click();
    await page.locator('.para-menu').getByRole('button', { name: 'Cite' }).click();
    const shown = page.locator('.para-menu .cite-box p');
    // The version cited is the seed's last commit (the project's own history).
    const committed = execFileSync('git', ['log', '-1', '--format=%cs', '--', `seeds/${SEED}.txt`], { cwd: root, encoding: 'utf8' }).trim();
    const citation = `Koizumi Shinjiro (Minister of Defense of Japan), quoted in translation in “Koizumi on his call with Hegseth, and a Toutiao writer's commentary”, paragraph S1, 12 December 2025, version of ${formatDate(committed)}. Original: https://www.toutiao.com/article/1851301118635203/. Annotated Reader, http://localhost:4321/000_dafef29e75211819/#s1. ${accessed(new Date())}`;
    await eventually(() => shown.isVisible()).toBe(true);
    await eventually(() => shown.textContent()).toBe(citation);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('untouched'); // shown, not yet copied
    await page.locator('.para-menu').getByRole('button', { name: 'Copy citation' }).click();
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(citation);
    await page.context().close();
  });

  /** Select `[from, to)` of the first text node of sentence `id`. */
  const select = (page: Page, id: string, from: string, to: string) =>
    page.evaluate(
      ([id, from, to]) => {
        const text = document.getElementById(id!)!.firstChild as Text;
        const range = document.createRange();
        range.setStart(text, text.data.indexOf(from!));
        range.setEnd(text, text.data.indexOf(to!) + to!.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return range.getBoundingClientRect().toJSON() as DOMRect;
      },
      [id, from, to],
    );

  test('selecting words offers a link to the selection, above it, rounded to whole words, that opens there', async () => {
    const page = await open(`/${SEED}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
    // "litical maneuv": a selection that starts and ends mid-word links the whole words.
    const selected = await select(page, 'c2.1', 'litical', 'maneuv');
    const button = page.locator('.selection-tools button');
    await button.waitFor({ state: 'visible' });
    const box = (await button.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(selected.top); // above the words, clear of them
    await button.click();
    const link = `${env.server.origin}/${SEED}/#c2:~:text=political%20maneuver`;
    await eventually(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.goto(link); // the address just found on the clipboard
    await eventually(() => page.evaluate(() => location.hash)).toBe('#c2');
    await page.context().close();
  });

  test('on a phone the selection’s link stands at the foot of the screen, away from the selection handles', async () => {
    const page = await open(`/${SEED}/`, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.locator('#c2').scrollIntoViewIfNeeded();
    const selected = await select(page, 'c2.1', 'political', 'maneuver');
    const button = page.locator('.selection-tools button');
    await button.waitFor({ state: 'visible' });
    await until(async () => {
      const box = (await button.boundingBox())!;
      // Not under the words (where the handles are) nor just above them (the system's menu): at the foot.
      expect(box.y).toBeGreaterThan(selected.bottom + 48);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      expect(box.height).toBeGreaterThanOrEqual(24);
    });
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

/** Every paragraph and every note of `page`: none clipped by a box that scrolls or hides overflow, each reachable by scrolling the page. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const page = document.documentElement;
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const style = getComputedStyle(el);
      if (el.closest('.visually-hidden, dialog')) continue;
      if (/auto|scroll|hidden/u.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
        problems.push(`${el.tagName}#${el.id}.${el.className} scrolls inside itself`);
    }
    // One voice alone (#statement-only): the other voice, its notes and the text outside the voices are hidden on purpose.
    const alone = document.querySelector('.views :target')?.id;
    const hidden =
      alone &&
      `#${alone === 'statement-only' ? 'commentary' : 'statement'}, .note[data-voice="${alone === 'statement-only' ? 'commentary' : 'statement'}"], .other`;
    for (const el of document.querySelectorAll<HTMLElement>('p.para, li.note, .doc-head, #attribution, .end-line')) {
      if (hidden && el.closest(hidden)) continue;
      const box = el.getBoundingClientRect();
      if (box.height === 0) problems.push(`${el.id || el.className} is not shown`);
      if (box.bottom + scrollY > page.scrollHeight + 1 || box.left < 0 || box.right > page.clientWidth + 1)
        problems.push(`${el.id || el.className} is out of reach`);
    }
    return problems;
  });
}

/** Each note in the margin against the line of its number: level with it, or right under the note above when that one reaches lower. */
async function margin(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.notes li.note')].map((li) => {
      const id = li.querySelector('.note-body')!.id;
      const ref = document.getElementById(`${id}-ref`)!.getBoundingClientRect();
      const box = li.getBoundingClientRect();
      const text = document.querySelector('.doc-head')!.getBoundingClientRect();
      return { id, top: box.top, bottom: box.bottom, refTop: ref.top, left: box.left, textRight: text.right, placed: li.classList.contains('placed') };
    }),
  );
}

describe('layout', () => {
  for (const [width, height] of [
    [1280, 720],
    [1280, 800],
    [1440, 900],
    [390, 844],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`at ${width}×${height} (${colorScheme}) nothing is clipped or scrolls inside itself: every paragraph and note is reachable by scrolling the page`, async () => {
        for (const path of [`/${SEED}/`, `/${SEED}/#statement-only`]) {
          const page = await open(path, { viewport: { width, height }, colorScheme });
          await until(async () => expect(await clipped(page)).toEqual([]));
          await page.context().close();
        }
      });
    }
  }

  for (const [width, height] of [
    [1280, 800],
    [1440, 900],
  ] as const) {
    test(`at ${width}×${height} the notes stand in the margin, each level with the line of its number unless the note above reaches lower`, async () => {
      const page = await open(`/${SEED}/`, { viewport: { width, height } });
      const check = async () => {
        const notes = await margin(page);
        expect(notes.length).toBe(12);
        let bottom = -Infinity;
        for (const n of notes) {
          expect(n.placed, n.id).toBe(true);
          expect(n.left, `${n.id} beside the text`).toBeGreaterThan(n.textRight);
          expect(Math.abs(n.top - Math.max(n.refTop, bottom + 12)), `${n.id} level with its number`).toBeLessThan(2);
          bottom = n.bottom;
        }
        return notes;
      };
      const closed = await until(check);
      // Closed, each note starts beside the paragraph of its number: notes 10 and 11 sit beside C1, where their numbers are.
      const c1 = (await page.locator('#c1').boundingBox())!;
      for (const n of closed.filter((n) => ['note-10', 'note-11'].includes(n.id))) {
        expect(n.top, n.id).toBeGreaterThanOrEqual(c1.y);
        expect(n.top, n.id).toBeLessThan(c1.y + c1.height);
      }
      // Opening one from its number pushes the ones below it down, still in order. Note 4 shows whole where it opens, so
      // the page does not move (a note that would open past the window's edge scrolls into view: tests below).
      const y = await page.evaluate(() => scrollY);
      await page.locator('a.note-ref[href="#note-4"]').click();
      await eventually(() => page.locator('li.note:has(#note-4) details').getAttribute('open')).toBe('');
      await until(check);
      expect(await page.evaluate(() => scrollY)).toBe(y);
      await page.context().close();
    });
  }

  test('on a phone a tapped note opens right under the line of its number, without moving the page, and closes again', async () => {
    const page = await open(`/${SEED}/`, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const ref = page.locator('a.note-ref[href="#note-4"]');
    await ref.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => scrollY);
    await ref.tap();
    const note = page.locator('li.note:has(#note-4)');
    await until(async () => {
      const r = (await ref.boundingBox())!;
      const n = (await note.boundingBox())!;
      expect(await page.locator('#note-4').isVisible()).toBe(true);
      expect(n.y).toBeGreaterThanOrEqual(r.y + r.height - 1);
      expect(n.y).toBeLessThan(r.y + r.height + 12);
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(390);
    });
    expect(await page.evaluate(() => scrollY)).toBe(y);
    await page.keyboard.press('Escape');
    await eventually(() => page.locator('#note-4').isVisible()).toBe(false);
    expect(await page.evaluate(() => scrollY)).toBe(y);
    await page.context().close();
  });

  test('nothing scrolls sideways at any width from 320 to 1920 px (every 40), in either view', async () => {
    for (const path of [`/${SEED}/`, `/${SEED}/statement/`]) {
      const page = await open(path, { viewport: { width: 320, height: 800 } });
      for (let width = 320; width <= 1920; width += 40) {
        await page.setViewportSize({ width, height: 800 });
        await until(async () => {
          const m = await page.evaluate(() => ({ width: innerWidth, over: document.documentElement.scrollWidth - document.documentElement.clientWidth }));
          expect(m, path).toEqual({ width, over: 0 });
        });
      }
      await page.context().close();
    }
  });

  /** Where a note (its list item) stands against the window and its sticky header. */
  const noteInWindow = (page: Page, id: string) =>
    page.evaluate((id) => {
      const note = document.getElementById(id)!.closest('li.note')!.getBoundingClientRect();
      const header = document.querySelector('.site-header')!;
      const headerBottom = getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : 0;
      return { top: note.top, bottom: note.bottom, headerBottom, viewport: innerHeight };
    }, id);

  for (const [where, options] of [
    ['on a phone', { viewport: { width: 390, height: 500 }, hasTouch: true, isMobile: true }],
    ['in the margin', { viewport: { width: 1280, height: 500 } }],
  ] as const) {
    // Note 11 is shorter than the window, note 10 taller (on a phone and in the margin alike).
    for (const [id, tall] of [
      ['note-11', false],
      ['note-10', true],
    ] as const) {
      test(`${where}, a note opened from a number near the window's bottom edge scrolls into view: ${tall ? 'its start, below the header' : 'whole'}`, async () => {
        const page = await open(`/${SEED}/`, options);
        const ref = page.locator(`a.note-ref[href="#${id}"]`);
        // Its number 30 px above the bottom edge: the note opens under it (on a phone) or grows down from it (in the margin).
        await ref.evaluate((r) => scrollBy(0, r.getBoundingClientRect().bottom - (innerHeight - 30)));
        await until(async () => {
          const r = (await ref.boundingBox())!;
          expect(r.y + r.height).toBeGreaterThan(500 - 40);
          expect(r.y + r.height).toBeLessThanOrEqual(500);
        });
        await ref.click();
        await eventually(() => page.locator(`li.note:has(#${id}) details`).getAttribute('open')).toBe('');
        await until(async () => {
          const n = await noteInWindow(page, id);
          expect(n.bottom - n.top > n.viewport - n.headerBottom).toBe(tall);
          expect(n.top).toBeGreaterThanOrEqual(n.headerBottom);
          if (tall) expect(n.top - n.headerBottom).toBeLessThan(40);
          else expect(n.bottom).toBeLessThanOrEqual(n.viewport);
        });
        await page.context().close();
      });
    }
  }

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    test(`at ${width}×${height}, /${SEED}/#note-10 opened directly shows that note open, below the header`, async () => {
      const page = await open(`/${SEED}/#note-10`, { viewport: { width, height } });
      await eventually(() => page.locator('li.note:has(#note-10) details').getAttribute('open')).toBe('');
      await until(async () => {
        const where = await landing(page, 'note-10');
        expect(where.top).toBeGreaterThanOrEqual(where.headerBottom);
        expect(where.top).toBeLessThan(where.viewport - 40);
      });
      await page.context().close();
    });
  }

  test('on a phone every control is at least 24 × 24 px (WCAG 2.2 target size)', async () => {
    const page = await open(`/${SEED}/`, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.locator('a.note-ref[href="#note-10"]').tap(); // a note's "back to the text" link shows
    await page.locator('#note-10').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.locator('#c1 .pnum').tap(); // the paragraph's tools show
    await page.locator('.para-menu').waitFor({ state: 'visible' });
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'a.pnum, a.note-ref, button.trace-mark, .quoted-in a, .note-back, .notes summary, .para-menu button, .views a',
        ),
      ]
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => {
          const { width, height } = e.getBoundingClientRect();
          return { what: `${e.className} ${e.getAttribute('aria-label') ?? e.textContent}`, width, height };
        })
        .filter((b) => b.width < 24 || b.height < 24)
        .map((b) => `${b.what}: ${Math.round(b.width)}×${Math.round(b.height)}`),
    );
    expect(small).toEqual([]);
    await page.context().close();
  });

  for (const [width, height, touch] of [
    [390, 844, true],
    [1280, 800, false],
  ] as const) {
    test(`at ${width}×${height} the statement starts in the top half of the first screen`, async () => {
      const page = await open(`/${SEED}/`, { viewport: { width, height }, hasTouch: touch, isMobile: touch });
      await until(async () => {
        const top = await page.evaluate(() => {
          const range = document.createRange();
          range.selectNodeContents(document.getElementById('s1.1')!);
          return range.getClientRects()[0]!.top;
        });
        expect(top).toBeGreaterThan(0);
        expect(top).toBeLessThan(height / 2);
      });
      await page.context().close();
    });
  }

  test('the "/" keyboard hint shows with a keyboard and mouse, not on a touch screen', async () => {
    const desktop = await open(`/${SEED}/`);
    await eventually(() => desktop.locator('.search-open kbd').isVisible()).toBe(true);
    await desktop.context().close();
    const phone = await open(`/${SEED}/`, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await eventually(() => phone.locator('.search-open kbd').isVisible()).toBe(false);
    await phone.context().close();
  });

  test('a traced quote’s marker explains itself on hover, on focus and on tap', async () => {
    const page = await open(`/${SEED}/`);
    const mark = page.locator('#c1 .trace-mark').first();
    const tip = () => mark.evaluate((m) => getComputedStyle(m, '::after').content);
    expect(await tip()).toBe('none');
    await mark.hover();
    await eventually(tip).toMatch(/^"Similar words in the statement\. .*S1, sentence 5/u);
    await page.mouse.move(0, 0);
    await eventually(tip).toBe('none');
    await page.keyboard.press('Tab'); // from the page's start: focus it by keyboard
    await mark.focus();
    await eventually(tip).toMatch(/^"Similar words/u);
    await page.context().close();
    const phone = await open(`/${SEED}/`, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const tapped = phone.locator('#c1 .trace-mark').first();
    await tapped.tap();
    await eventually(() => tapped.evaluate((m) => getComputedStyle(m, '::after').content)).toMatch(/^"Similar words/u);
    await eventually(() => phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await phone.context().close();
  });
});

describe('one voice alone', () => {
  /** Which voices show, and where the page is. */
  const shown = (page: Page) =>
    page.evaluate(() => ({
      path: location.pathname + location.hash,
      statement: Boolean(document.getElementById('statement')?.checkVisibility()),
      commentary: Boolean(document.getElementById('commentary')?.checkVisibility()),
      // The one voice reads at the reading measure.
      width: document.getElementById(document.getElementById('statement')?.checkVisibility() ? 'statement' : 'commentary')!.getBoundingClientRect().width,
      // The voices of the context notes shown (a note on neither voice has none).
      notes: [
        ...new Set([...document.querySelectorAll<HTMLElement>('.notes .note')].filter((n) => n.checkVisibility()).map((n) => n.dataset.voice ?? '')),
      ].sort(),
    }));

  for (const javaScriptEnabled of [false, true]) {
    test(`/<slug>/statement/ and /<slug>/commentary/ lead to the reading page showing that voice alone (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      for (const [view, other] of [
        ['statement', 'commentary'],
        ['commentary', 'statement'],
      ] as const) {
        const page = await open(`/${SEED}/${view}/`, { javaScriptEnabled, viewport: { width: 1280, height: 800 } });
        await page.waitForURL(`**/${SEED}/#${view}-only`);
        await until(async () => {
          const s = await shown(page);
          expect([s[view], s[other]]).toEqual([true, false]);
          expect(s.width).toBeGreaterThan(500);
          // Its notes show, the other voice's do not.
          expect(s.notes).toContain(view);
          expect(s.notes).not.toContain(other);
        });
        await page.context().close();
      }
    });
  }

  test('the view links switch between one voice and both, in place; with script, a sentence the old address named is kept', async () => {
    const page = await open(`/${SEED}/`);
    await page.getByRole('link', { name: 'Commentary only' }).click();
    await until(async () => expect(await shown(page)).toMatchObject({ statement: false, commentary: true }));
    await page.getByRole('link', { name: 'Both voices' }).click();
    await until(async () => expect(await shown(page)).toMatchObject({ statement: true, commentary: true }));
    await page.goto(`${env.server.origin}/${SEED}/statement/#s1.2`);
    await page.waitForURL(`**/${SEED}/#s1.2`);
    await until(async () => expect((await landing(page, 's1.2')).background).not.toBe('rgba(0, 0, 0, 0)'));
    await page.context().close();
  });
});

test('print: paragraph numbers, every note open with its sources’ addresses, the original’s lines and the page address print; navigation and tools do not', async () => {
  const page = await open(`/${SEED}/`);
  await page.emulateMedia({ media: 'print' });
  const shown = (selector: string) =>
    page.evaluate((s) => {
      const el = document.querySelector(s)!;
      return getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
    }, selector);
  await eventually(() => shown('.pnum')).toBe(true);
  await expect(page.locator('.notes details[open]').count()).resolves.toBe(0);
  // Print CSS alone shows every note's body, in the list after the text, not in the margin.
  await eventually(() =>
    page
      .locator('.notes li.note')
      .evaluateAll(
        (notes) =>
          notes.length === 12 &&
          notes.every((n) => getComputedStyle(n).position === 'static' && n.querySelector('.note-body')!.getBoundingClientRect().height > 0),
      ),
  ).toBe(true);
  // Every source a note cites prints its address after its name.
  const sources = await page
    .locator('.note-body a[href^="http"]')
    .evaluateAll((links) => links.map((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]));
  expect(sources.length).toBeGreaterThan(12);
  for (const [href, after] of sources) expect(after).toBe(`" <${href}>"`);
  await eventually(() => shown('#source')).toBe(true);
  await eventually(() => shown('#disclaimer')).toBe(true);
  await eventually(() => shown('.doc-foot .print-only')).toBe(true);
  await eventually(() => page.locator('.doc-foot .print-only').evaluate((p) => getComputedStyle(p, '::before').content)).toContain(`/${SEED}/`);
  await eventually(() => shown('.site-header')).toBe(false);
  await eventually(() => shown('theme-toggle')).toBe(false);
  await eventually(() => shown('.views')).toBe(false);
  // Browsers that print without ::details-content get every note opened for the print, and closed after.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await eventually(() => page.locator('.notes details[open]').count()).toBe(12);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await eventually(() => page.locator('.notes details[open]').count()).toBe(0);
  await page.context().close();
});
