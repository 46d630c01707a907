/**
 * Hostile and unusual input: markup in seeds stays text and runs nothing,
 * unusual characters keep the layout, a very large seed builds and stays
 * searchable, and for arbitrary generated seeds the built pages contain only
 * the elements the site's templates make, with every character shown.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseSeed } from '../src/lib/seed/parse.ts';
import { expectReaderView } from './helpers/reader-mode.ts';
import { withChromium } from './helpers/browser.ts';
import { buildCorpus, root, type BuildResult } from './helpers/build.ts';
import { gluedWords, page, seedText } from './helpers/html.ts';
import { eventually, until } from './helpers/poll.ts';

const corpus = `${root}tests/.build/corpus/dist`;
const squash = (s: string) => s.replace(/\s+/gu, '');
const env = withChromium(corpus);

describe('markup in a seed is text', () => {
  const doc = page(corpus, '/injection/');
  const raw = readFileSync(`${root}tests/fixtures/injection/input.txt`, 'utf8');

  test('every character appears, and no element comes from the seed', () => {
    const article = doc.querySelector('article')!;
    expect(squash(seedText(article))).toBe(squash(raw));
    expect(article.querySelector('script, img, iframe, style, b, em, code, [onerror]')).toBeNull();
  });

  test('a source line that is not a web address is shown as text, never as a link', () => {
    expect(doc.querySelector('#source a')).toBeNull();
    expect(doc.getElementById('source')!.textContent).toContain('javascript:alert(document.domain)');
    expect(doc.querySelector('a[href^="javascript:"], a[href^="data:"]')).toBeNull();
  });

  test('in Chromium no script runs and the text reads as typed', async () => {
    const tab = await env.browser.newPage();
    let dialogs = 0;
    tab.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await tab.goto(`${env.server.origin}/injection/`, { waitUntil: 'networkidle' });
    await expect(tab.title()).resolves.not.toBe('pwned');
    await eventually(() => tab.title()).toContain(`<script>document.title='pwned'</script>`);
    await eventually(() => tab.locator('#s1').innerText()).toContain(
      `<script>document.title='pwned'</script> and <img src=x onerror="document.title='pwned'"> are text.`,
    );
    await eventually(() => tab.locator('#c1').innerText()).toContain('<style>body{display:none}</style>');
    await eventually(() => tab.locator('body').isVisible()).toBe(true);
    expect(dialogs).toBe(0);
    await tab.close();
  });
});

describe('every built page', () => {
  const paths = ['/', '/injection/', '/unusual-characters/', '/000_dafef29e75211819/', '/search/', '/about/'];

  test('has no inline event handler and a CSP that allows scripts only from the site or by hash', () => {
    for (const path of paths) {
      for (const el of page(corpus, path).querySelectorAll('*')) {
        const handlers = [...el.attributes].map((a) => a.name).filter((n) => n.startsWith('on'));
        expect(handlers, `${path} <${el.tagName}>`).toEqual([]);
      }
      const csp = page(corpus, path).querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')!;
      const scriptSrc = /script-src ([^;]+)/u.exec(csp)![1]!.trim().split(/\s+/u);
      expect(
        scriptSrc.every((s) => s === "'self'" || s === "'wasm-unsafe-eval'" || s.startsWith("'sha256-")),
        path,
      ).toBe(true);
      // Every inline script that runs is allowed by its hash: where the policy is a header (the _headers
      // file below), it covers scripts before the <meta> too, and a script without its hash would not run.
      for (const script of page(corpus, path).querySelectorAll('script:not([src])')) {
        if (script.getAttribute('type') === 'application/ld+json') continue;
        const hash = `'sha256-${createHash('sha256').update(script.textContent).digest('base64')}'`;
        expect(scriptSrc, `${path}: ${script.textContent.trim().slice(0, 60)}`).toContain(hash);
      }
    }
  });

  test('links to other sites carry rel="noopener noreferrer"', () => {
    for (const path of paths) {
      for (const a of page(corpus, path).querySelectorAll('a[href^="http"]')) {
        expect((a.getAttribute('rel') ?? '').split(' ').sort(), `${path} ${a.getAttribute('href')}`).toEqual(['noopener', 'noreferrer']);
      }
    }
  });

  test('a _headers file carries the same policy for hosts that read one', () => {
    const headers = readFileSync(`${corpus}/_headers`, 'utf8');
    expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self';/mu);
    for (const path of paths) {
      const csp = page(corpus, path).querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')!;
      for (const hash of csp.match(/'sha256-[^']+'/gu) ?? []) expect(headers).toContain(hash);
    }
  });
});

test('unusual characters keep the layout: nothing scrolls sideways at 320px and the text is all there', async () => {
  const tab = await env.browser.newPage({ viewport: { width: 320, height: 700 } });
  await tab.goto(`${env.server.origin}/unusual-characters/`);
  await until(async () => {
    const m = await tab.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(m.scroll).toBeLessThanOrEqual(m.client);
  });
  const raw = readFileSync(`${root}tests/fixtures/unusual-characters/input.txt`, 'utf8');
  const doc = page(corpus, '/unusual-characters/');
  expect(squash(seedText(doc.querySelector('article')!))).toBe(squash(raw));
  await tab.close();
});

describe('a very large seed', () => {
  let result: BuildResult;
  let ms = 0;
  const paragraphs = 4200;
  beforeAll(async () => {
    const sentence = (i: number) => `Sentence ${i} of the commentary says the alliance and the radar matter, again and again, for this test. `;
    const body = Array.from({ length: paragraphs }, (_, i) => sentence(i).repeat(7)).join('\n\n');
    const seed = `The minister, Ana Silva, said on April 9: "A short statement about zeppelins."\n\nComment: ${body}\n`;
    expect(seed.length).toBeGreaterThan(3_000_000);
    const started = performance.now();
    result = await buildCorpus('large', { 'large.txt': seed });
    ms = performance.now() - started;
  }, 600_000);

  test('builds, with every paragraph on its page and in the search index', () => {
    expect(result.code, result.stderr).toBe(0);
    console.info(`3 MB seed (${paragraphs} paragraphs) built in ${Math.round(ms)} ms`);
    const doc = page(result.outDir, '/large/');
    expect(doc.querySelectorAll('#commentary p.para')).toHaveLength(paragraphs);
    expect(doc.getElementById(`c${paragraphs}`)).not.toBeNull();
    expect(result.stdout).toMatch(new RegExp(`indexed ${paragraphs + 1} en passages`, 'u'));
  });
});

describe('property: arbitrary seeds build into pages made only of the templates’ elements, with every character shown', () => {
  const snippets = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '{{ x }}',
    '${x}',
    '&amp;',
    '<!-- -->',
    '"',
    '“',
    '”',
    '「',
    '」',
    ':',
    'Comment:',
    'Original: ',
    'Statement: ',
    '\n',
    '\n\n',
    ' ',
    'U.S. ',
    '. ',
    '…',
    '🇯🇵',
    'שלום',
    '\u200b',
    'said on May 1: ',
  ];
  const seeds = fc
    .sample(
      fc
        .array(fc.oneof(fc.constantFrom(...snippets), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 })), { minLength: 1, maxLength: 60 })
        .map((a) => a.join('')),
      { numRuns: 24, seed: 20251212 },
    )
    .filter((s) => s.trim() !== '');
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildCorpus('property', Object.fromEntries(seeds.map((s, i) => [`p${i}.txt`, s])));
  }, 600_000);

  // Every element a reading page's article may contain, by tag and class.
  const allowed = new Set([
    'ARTICLE',
    'DIV.doc-head',
    'H1',
    'FOOTER.doc-line',
    'STRONG',
    'TIME',
    'NAV.views',
    'P.attribution',
    'P.attribution.attribution-after',
    'P.orig-headline',
    'A',
    'SECTION.voice.statement-voice.content',
    'SECTION.voice.opinion-voice.content',
    'H2.content',
    'SPAN.tag',
    'SPAN.tag.tag-disputed',
    'SPAN',
    'BLOCKQUOTE',
    'P.para',
    'A.pnum',
    'SPAN.qmark',
    'SPAN.sentence',
    'DIV.opinion',
    'P.orig-label',
    'DIV.other',
    'P.end-line',
    'Q',
    'A.trace.trace-exact',
    'A.trace.trace-close',
    'SPAN.trace.trace-absent',
    'BUTTON.trace-mark.trace-exact',
    'BUTTON.trace-mark.trace-close',
    'BUTTON.trace-mark.trace-word',
    'BUTTON.trace-mark.trace-absent',
    'SPAN.quoted',
    'SPAN.quoted-in',
    'A.phrase-link',
    'FOOTER.doc-foot',
    'UL',
    'LI',
    'P.print-only',
    'NAV.doc-links',
    'H2.visually-hidden',
    'H3',
    'SPAN.doc-meta',
  ]);

  test('for each generated seed', () => {
    expect(result.code, result.stderr).toBe(0);
    seeds.forEach((raw, i) => {
      const doc = page(result.outDir, `/p${i}/`);
      const article = doc.querySelector('article')!;
      for (const el of article.querySelectorAll('*')) {
        const key = [el.tagName, ...[...el.classList]].join('.');
        expect(allowed.has(key), `p${i}: <${key}> in ${JSON.stringify(raw)}`).toBe(true);
        if (el.tagName === 'A') expect(el.getAttribute('href'), `p${i}`).toMatch(/^(\/|#)/u);
      }
      expect(squash(seedText(article)), `p${i}`).toBe(squash(parseSeed(raw).text));
      expect(gluedWords(doc, parseSeed(raw).text), `p${i}: interface text glued to a word`).toEqual([]);
      expectReaderView(result.outDir, `p${i}`);
    });
  });
});
