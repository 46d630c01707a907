/**
 * What a reader copies from a reading page, in a real Chromium with the real
 * clipboard: the seed's words and nothing of the interface (paragraph
 * numbers, note numbers, badges, buttons, headings, captions, open notes),
 * for a sentence, a paragraph, a selection across both voices, and every
 * document of the fixture corpus as a whole; with and without JavaScript.
 * The interface words are still there for eyes and for assistive technology.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { withChromium } from './helpers/browser.ts';
import { root } from './helpers/build.ts';
import { eventually } from './helpers/poll.ts';

const SEED = '000_dafef29e75211819';
const dist = `${root}tests/.build/corpus/dist`;
const env = withChromium(dist);

interface Span {
  id: string;
  start: number;
  end: number;
}
interface OpenData {
  text: string;
  parts: { kind: string; start: number; end: number; paragraphs?: (Span & { sentences: Span[] })[] }[];
}
const data = (slug: string) => JSON.parse(readFileSync(`${dist}/${slug}/data.json`, 'utf8')) as OpenData;
const documents = readdirSync(dist).filter((d) => existsSync(`${dist}/${d}/data.json`));
const noSpace = (s: string) => s.replace(/\s+/gu, '');

const pages: Page[] = [];
/** Pages opened with JavaScript on. */
const scripted = new WeakSet<Page>();
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], ...options });
  const page = await context.newPage();
  pages.push(page);
  if (options.javaScriptEnabled !== false) scripted.add(page);
  await page.goto(`${env.server.origin}${path}`);
  return page;
}

/** Select from the start of `from` to the end of `to` (element ids), as a reader's drag would, and press Ctrl+C. */
async function copy(page: Page, from: string, to = from): Promise<string> {
  const sentinel = `nothing copied yet ${Math.random()}`;
  await page.evaluate((s) => navigator.clipboard.writeText(s), sentinel);
  await page.evaluate(
    ([from, to]) => {
      const range = document.createRange();
      range.setStartBefore(document.getElementById(from!)!.firstChild!);
      range.setEndAfter(document.getElementById(to!)!.lastChild!);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    },
    [from, to],
  );
  // With JavaScript, the copy handling loads once words are selected (src/scripts/seed-selection.ts): wait until it
  // takes a copy, as it has long before a reader's hand reaches Ctrl+C.
  if (scripted.has(page)) {
    await page.waitForFunction(() => {
      const probe = new ClipboardEvent('copy', { clipboardData: new DataTransfer(), cancelable: true });
      document.dispatchEvent(probe);
      return probe.defaultPrevented;
    });
  }
  await page.keyboard.press('Control+C');
  await eventually(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe(sentinel);
  return page.evaluate(() => navigator.clipboard.readText());
}

const seed = data(SEED);
const statement = seed.parts.find((p) => p.kind === 'statement')!;
const commentary = seed.parts.find((p) => p.kind === 'commentary')!;
const sentence = (id: string) => [statement, commentary].flatMap((p) => p.paragraphs!.flatMap((q) => q.sentences)).find((s) => s.id === id)!;

for (const javaScriptEnabled of [true, false]) {
  describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test('a sentence with a traced quote and its marker copies as exactly the seed’s sentence', async () => {
      const page = await open(`/${SEED}/`, { javaScriptEnabled });
      await expect(page.locator('[id="c1.3"] .trace-mark').count()).resolves.toBeGreaterThan(0);
      const c13 = sentence('c1.3');
      expect(await copy(page, 'c1.3')).toBe(seed.text.slice(c13.start, c13.end));
    });

    test('the statement paragraph, with its number and note numbers, copies as exactly the seed’s quotation', async () => {
      const page = await open(`/${SEED}/`, { javaScriptEnabled });
      await expect(page.locator('#s1 .note-ref').count()).resolves.toBeGreaterThan(0);
      expect(await copy(page, 's1')).toBe(seed.text.slice(statement.start, statement.end));
    });
  });
}

test('a selection from the statement into the commentary, across headings, captions and open notes, copies only the seed’s words', async () => {
  const page = await open(`/${SEED}/`);
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  await eventually(() => page.locator('li.note .note-body').first().isVisible()).toBe(true);
  const copied = await copy(page, 's1.8', 'c1.1');
  const [from, to] = [sentence('s1.8'), sentence('c1.1')];
  expect(noSpace(copied)).toBe(noSpace(seed.text.slice(from.start, to.end)));
  // Blocks stay apart, as in the seed: the statement, the "Comment:" label and the paragraph.
  expect(copied.split('\n\n').length).toBeGreaterThanOrEqual(2);
});

test.each(documents)('%s: the whole document selected copies as the seed’s text and nothing else', async (slug) => {
  const page = await open(`/${slug}/`);
  const copied = await copy(page, 'main', 'main');
  expect(noSpace(copied)).toBe(noSpace(data(slug).text));
});

test('the interface words the copy leaves out are shown and named: paragraph and note numbers, trace marks, the original’s labels', async () => {
  const page = await open(`/${SEED}/`);
  await expect(page.getByRole('link', { name: 'Paragraph S1', exact: true }).count()).resolves.toBe(1);
  await expect(page.getByRole('link', { name: 'Note 1', exact: true }).count()).resolves.toBe(1);
  await expect(page.getByRole('button', { name: /^Similar words in the statement\./u }).count()).resolves.toBe(1);
  const drawn = await page.evaluate(() =>
    [
      ['#s1 .pnum', '::before'],
      ['#s1 .note-ref', '::before'],
      ['#c1 .trace-mark', '::before'],
      ['#commentary .orig-label', '::before'],
      ['#disclaimer', '::before'],
    ].map(([s, pseudo]) => getComputedStyle(document.querySelector(s!)!, pseudo).content),
  );
  expect(drawn[0]).toBe('"S1"');
  expect(drawn[1]).toMatch(/^"\d+"$/u);
  expect(drawn[2]).toBe('"≈"');
  expect(drawn[3]).toMatch(/The original heads it/u);
  expect(drawn[4]).toMatch(/The original’s disclaimer/u);
});
