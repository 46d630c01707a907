/**
 * The public contract of the built site, read from the HTML in `dist/` (the
 * real seed) and in the fixture corpus build (variations, pagination).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { TRACE_TERMS } from '../src/lib/notes/trace.ts';
import { parseSeed, partOf } from '../src/lib/seed/parse.ts';
import { root } from './helpers/build.ts';
import { htmlFiles } from './helpers/checks.ts';
import { gluedWords, page, seedText } from './helpers/html.ts';

const dist = `${root}dist`;
const corpus = `${root}tests/.build/corpus/dist`;
const SEED = '000_dafef29e75211819';
const seedRaw = readFileSync(`${root}seeds/${SEED}.txt`, 'utf8');
const squash = (s: string) => s.replace(/\s+/gu, '');

describe('the seed reading page', () => {
  const doc = page(dist, `/${SEED}/`);
  const statement = doc.querySelector('section#statement')!;
  const commentary = doc.querySelector('section#commentary')!;

  test('has the statement and the commentary as two sections', () => {
    expect(statement).not.toBeNull();
    expect(commentary).not.toBeNull();
    expect(statement.contains(commentary)).toBe(false);
  });

  test('the statement is a quotation: blockquote with cite; who spoke, when and how it was translated are said once, on the line under the title', () => {
    const quote = statement.querySelector('blockquote')!;
    // The original's address: from the notes file's front matter, else the seed's source line.
    expect(quote.getAttribute('cite')).toBe('https://www.toutiao.com/article/1851301118635203/');
    const line = doc.querySelector('.doc-head .doc-line')!.textContent.replace(/\s+/gu, ' ');
    expect(line).toContain(
      'Koizumi Shinjiro · 12 December 2025 · translated from Japanese, probably via Chinese, abridged in the source · How to read this page',
    );
    expect(doc.querySelector('.doc-line a[href="/about/#how-to-read"]')).not.toBeNull();
    expect(statement.querySelector('h2')!.textContent).toMatch(/Quotation \(translated\)/u);
    // Said once: no caption in the statement repeats it.
    expect(statement.querySelector('figcaption')).toBeNull();
    expect(statement.textContent).not.toContain('12 December 2025');
  });

  test('the statement paragraph holds the quoted words exactly, in 8 sentence elements s1.1 … s1.8', () => {
    const quoted = seedRaw.slice(seedRaw.indexOf('"') + 1, seedRaw.indexOf('"\n\nComment:'));
    const s1 = statement.querySelector('blockquote > p#s1')!;
    expect(seedText(s1)).toBe(`"${quoted}"`);
    const ids = [...s1.querySelectorAll('.sentence')].map((e) => e.id);
    expect(ids).toEqual(['s1.1', 's1.2', 's1.3', 's1.4', 's1.5', 's1.6', 's1.7', 's1.8']);
    expect(seedText(s1.querySelector('[id="s1.1"]')!)).toBe('This morning I had a phone call with the U.S. Secretary of War Hegseth.');
  });

  test('the commentary: labelled opinion, the original’s label quoted apart from the site’s words, c1–c3 with 4, 3 and 2 sentences', () => {
    expect(commentary.querySelector('h2')!.textContent).toMatch(/Opinion/u);
    const label = commentary.querySelector('.orig-label')!;
    expect(label.textContent).toBe('Comment:'); // the seed's words only: the site's ("The original heads it") are drawn by CSS
    expect(label.getAttribute('data-label')).toBe('The original heads it');
    const paragraphs = [...commentary.querySelectorAll('p.para')];
    expect(paragraphs.map((p) => p.id)).toEqual(['c1', 'c2', 'c3']);
    expect(paragraphs.map((p) => p.querySelectorAll('.sentence').length)).toEqual([4, 3, 2]);
    expect(seedText(paragraphs[0]!).startsWith("Japan's statement is")).toBe(true);
    expect(seedText(paragraphs[2]!.querySelector('[id="c3.2"]')!)).toBe(
      'The so-called "unbreakable" alliance is actually a mutually beneficial interest entanglement.',
    );
  });

  test('attribution, source and disclaimer stand outside both sections; the source is a safe https link', () => {
    for (const id of ['attribution', 'source', 'disclaimer']) {
      const el = doc.getElementById(id)!;
      expect(el, id).not.toBeNull();
      expect(statement.contains(el) || commentary.contains(el), id).toBe(false);
    }
    expect(seedText(doc.getElementById('attribution')!)).toBe("Japan's Minister of Defense, Koizumi Shinjiro, posted today (December 12):");
    const link = doc.querySelector('#source a')!;
    expect(link.getAttribute('href')).toBe('https://toutiao.com/article/1851301118635203/');
    expect(link.getAttribute('rel')!.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
    // The original's lines as quoted text (<q>), the site's words about them drawn apart from data-label.
    expect(doc.querySelector('#disclaimer > q')!.textContent).toBe('Statement: This article represents the views of the author.');
    expect(doc.getElementById('disclaimer')!.getAttribute('data-label')).toMatch(/^The original’s disclaimer/u);
    expect(doc.querySelector('#source > q')!.textContent).toBe('Original article: toutiao.com/article/1851301118635203/');
  });

  test('every character of the seed is on the page, and nothing else is presented as its text', () => {
    expect(squash(seedText(doc.querySelector('article')!))).toBe(squash(seedRaw));
  });

  test('each paragraph has its number as a link to itself, and no tools of its own in the page (they open from the number)', () => {
    for (const p of doc.querySelectorAll('p.para')) {
      const num = p.querySelector('a.pnum')!;
      expect(num.getAttribute('href')).toBe(`#${p.id}`);
      expect(num.getAttribute('data-label')).toBe(p.id.toUpperCase()); // drawn by CSS, so never copied with the text
      expect(num.getAttribute('aria-label')).toBe(`Paragraph ${p.id.toUpperCase()}`);
      expect(p.querySelectorAll('button:not(.trace-mark)')).toHaveLength(0);
    }
    // What a citation says, once for the page: the script adds the paragraph.
    expect(JSON.parse(doc.querySelector('article')!.getAttribute('data-cite')!)).toMatchObject({
      speaker: 'Koizumi Shinjiro',
      page: `http://localhost:4321/${SEED}/`,
    });
  });

  test('ids are unique on the page', () => {
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('reads without JavaScript: no script is needed for text, links or highlighting', () => {
    const css = [...doc.querySelectorAll('style')].map((s) => s.textContent).join('');
    expect(css).toMatch(/\.para:target/u);
    expect(css).toMatch(/scroll-margin-top/u);
    // Buttons only work with JavaScript (hidden until it reveals them, or inside the search dialog, closed),
    // except the traced quotes' markers, whose explanation CSS shows on hover and focus.
    for (const button of doc.querySelectorAll('button:not(.trace-mark)')) {
      expect(button.closest('[hidden], dialog:not([open])') !== null, button.outerHTML).toBe(true);
    }
    expect(css).toMatch(/\.trace-mark:hover::?after/u);
  });

  test('uses system fonts only: no font files and no request to another origin', () => {
    const html = readFileSync(`${dist}/${SEED}/index.html`, 'utf8');
    expect(html).not.toMatch(/@font-face|\.woff2?|fonts\.googleapis/u);
    expect(html).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)="https?:\/\/(?!localhost)/u);
  });
});

describe('one voice alone', () => {
  test('the reading page offers both voices or either alone as targets of its own links, no other copy of the text', () => {
    const views = page(dist, `/${SEED}/`).querySelector('nav.views')!;
    expect([...views.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.id])).toEqual([
      ['Both voices', '#main', ''],
      ['Statement only', '#statement-only', 'statement-only'],
      ['Commentary only', '#commentary-only', 'commentary-only'],
    ]);
  });

  test.each(['statement', 'commentary'])(
    '/<slug>/%s/ is a small page of its own (GitHub Pages has no redirects) that leads to that view, with and without script',
    (view) => {
      const html = readFileSync(`${dist}/${SEED}/${view}/index.html`, 'utf8');
      const doc = parseHTML(html).document;
      const target = `/${SEED}/#${view}-only`;
      expect(doc.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(`0; url=${target}`);
      expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`http://localhost:4321/${SEED}/`);
      expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([target]);
      // The script only keeps a fragment the old address was followed with (/<slug>/statement/#s1.2 → /<slug>/#s1.2).
      expect(doc.querySelector('script')!.textContent).toContain('location.hash');
      // None of the text: the page is a pointer, not a third copy of it.
      expect(html).not.toContain('door for dialogue');
      expect(html.length).toBeLessThan(2048);
    },
  );

  test('a document of one voice: its focus address leads to that voice, and the other voice has none', () => {
    const doc = parseHTML(readFileSync(`${corpus}/no-statement/commentary/index.html`, 'utf8')).document;
    expect(doc.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/no-statement/#commentary');
    expect(existsSync(`${corpus}/no-statement/statement/index.html`)).toBe(false);
    expect(page(corpus, '/no-statement/').querySelector('nav.views')).toBeNull();
  });
});

describe('the document list', () => {
  test('lists the seed with title, speaker, date text, source and the statement’s first line', () => {
    const item = page(dist, '/').querySelector(`li:has(a[href="/${SEED}/"])`)!;
    const text = item.textContent;
    for (const bit of [
      'Koizumi Shinjiro',
      '12 December 2025',
      'toutiao.com/article/1851301118635203/',
      'This morning I had a phone call with the U.S. Secretary of War Hegseth.',
    ]) {
      expect(text).toContain(bit);
    }
  });

  test('is split into pages, newest first where a date is known, then by file name', () => {
    const links = (path: string) => [...page(corpus, path).querySelectorAll('.doc-list h2 a')].map((a) => a.getAttribute('href'));
    const all: (string | null)[] = [];
    for (let n = 1; existsSync(`${corpus}${n === 1 ? '' : `/page/${n}`}/index.html`); n++) all.push(...links(n === 1 ? '/' : `/page/${n}/`));
    expect(links('/')).toHaveLength(3);
    expect(all).toEqual([
      `/${SEED}/`, // 2025-12-12, from its notes file
      '/takaichi-b/', // 2025-11-10
      '/takaichi-a/', // 2025-11-07
      '/crlf-bom/', // 2025-01-05, from its lead-in
      '/no-source-no-disclaimer/', // 2024-05-03
      '/declaration-du-ministre-v2/', // undated, by file name (code-unit order) from here on
      '/chinese-fullwidth/', // "chinese-fullwidth.txt" < "chinese.txt"
      '/chinese/',
      '/injection/',
      '/literal-markup/',
      '/multi-paragraph/',
      '/no-statement/',
      '/takaichi-c/',
      '/text-after-quote/',
      '/unusual-characters/',
    ]);
    expect(page(corpus, '/page/2/').querySelector('a[rel="prev"]')!.getAttribute('href')).toBe('/');
    expect(page(corpus, '/page/2/').querySelector('a[rel="next"]')!.getAttribute('href')).toBe('/page/3/');
  });
});

describe('variations in the built corpus', () => {
  test('seed text is never read as Markdown or HTML', () => {
    const doc = page(corpus, '/literal-markup/');
    const s1 = doc.getElementById('s1')!;
    expect(seedText(s1)).toBe('"Use *care* and <b>caution</b> with [links](http://x) & {{ braces }}."');
    expect(s1.querySelector('b, em, a:not(.pnum)')).toBeNull();
    expect(doc.querySelector('article script')).toBeNull();
    expect(doc.getElementById('c1')!.textContent).toContain('<script>alert(1)</script>');
  });

  test('a Chinese document declares its language and keeps its parts apart', () => {
    const doc = page(corpus, '/chinese/');
    expect(doc.querySelector('article')!.getAttribute('lang')).toBe('zh');
    expect(doc.querySelector('#commentary .orig-label')!.textContent).toBe('评论：');
    expect(doc.querySelectorAll('#statement .sentence')).toHaveLength(2);
  });

  test('a statement of several paragraphs gets s1, s2, s3 with its reopening marks shown', () => {
    const doc = page(corpus, '/multi-paragraph/');
    const ids = [...doc.querySelectorAll('#statement p.para')].map((p) => p.id);
    expect(ids).toEqual(['s1', 's2', 's3']);
    expect(seedText(doc.getElementById('s2')!)).toBe('“The second paragraph reopens the quotation, as English does.');
  });

  test('without a lead-in quotation there is no statement section, and nothing is lost', () => {
    const doc = page(corpus, '/no-statement/');
    expect(doc.querySelector('#statement')).toBeNull();
    const raw = readFileSync(`${root}tests/fixtures/no-statement/input.txt`, 'utf8');
    expect(squash(seedText(doc.querySelector('article')!))).toBe(squash(raw));
    expect(existsSync(`${corpus}/no-statement/statement/index.html`)).toBe(false);
    // No statement, no tracing: its quoted words ("no decision has been made") are neither badged nor counted.
    expect(doc.querySelectorAll('.trace, .trace-mark')).toHaveLength(0);
  });

  test('every fixture page shows every character of its seed (BOM and line endings aside)', () => {
    for (const name of ['crlf-bom', 'text-after-quote', 'no-source-no-disclaimer', 'chinese']) {
      const raw = readFileSync(`${root}tests/fixtures/${name}/input.txt`, 'utf8');
      const doc = page(corpus, `/${name}/`);
      expect(squash(seedText(doc.querySelector('article')!)), name).toBe(squash(parseSeed(raw).text));
    }
  });

  test('a missing source is said plainly, not invented', () => {
    const doc = page(corpus, '/no-source-no-disclaimer/');
    expect(doc.getElementById('source')).toBeNull();
    expect(doc.querySelector('.doc-foot')!.textContent).toContain('The original gives no source.');
    expect(partOf(parseSeed(readFileSync(`${root}tests/fixtures/no-source-no-disclaimer/input.txt`, 'utf8')), 'disclaimer')).toBeUndefined();
  });
});

const doc = page(dist, `/${SEED}/`);

describe('the about page', () => {
  test('its Markdown is rendered with remark-gfm (table, footnote) and rehype-slug (heading ids)', () => {
    const doc = page(dist, '/about/');
    expect(doc.querySelector('h2#linking-to-a-passage')).not.toBeNull();
    expect(doc.querySelector('table')).not.toBeNull();
    expect(doc.querySelector('[data-footnotes], section.footnotes')).not.toBeNull();
  });

  test("explains, in the page's own words, every tag and label the seed's reading page shows", () => {
    const about = page(dist, '/about/').querySelector('#how-to-read ~ ul')!.textContent.replace(/\s+/gu, ' ');
    const labels = [
      ...[...doc.querySelectorAll('.tag, .views a')].map((t) => t.textContent),
      ...[...doc.querySelectorAll('.orig-label, .end-line')].map((l) => l.getAttribute('data-label')!),
      // The provenance line, third on the line under the title, phrase by phrase.
      ...doc
        .querySelector('.doc-line')!
        .textContent.replace(/\s+/gu, ' ')
        .split(' · ')[2]!
        .split(/, (?=[a-z]+ )/u),
    ].map((l) => l.replace(/\s+/gu, ' ').trim());
    expect(labels).toEqual(expect.arrayContaining(['Quotation (translated)', 'Opinion', 'some claims disputed: see the notes', 'Both voices']));
    for (const label of labels) expect(about, label).toContain(label);
  });

  test('names the markers of traced quotes with the words and marks the reading page uses', () => {
    const about = page(dist, '/about/');
    const terms = [...about.querySelectorAll('#how-to-read ~ ul li li')].map((li) => li.textContent.replace(/\s+/gu, ' ').trim());
    expect(terms).toEqual(Object.values(TRACE_TERMS).map((t) => `${t.mark} ${t.term}`));
    // Every marker on the seed page says one of them.
    const marks = [...doc.querySelectorAll('.trace-mark')].map((m) => [
      m.getAttribute('data-label'),
      m.getAttribute('aria-label')!.split('.')[0]!.toLowerCase(),
    ]);
    expect(marks.length).toBeGreaterThan(0);
    for (const [mark, term] of marks) expect(terms).toContain(`${mark} ${term}`);
  });
});

describe('annotations on the seed page', () => {
  test('the notes file gives the title, and every note is marked, numbered and expandable with its sources', () => {
    expect(doc.querySelector('h1')!.textContent).toBe("Koizumi on his call with Hegseth, and a Toutiao writer's commentary");
    const anchors = [...doc.querySelectorAll('mark.note-anchor')].map((m) => m.textContent);
    expect(anchors).toEqual(
      expect.arrayContaining(['December 12', 'Secretary of War', 'the incident on the 6th', 'joint flight of Chinese and Russian bombers']),
    );
    // One list after the text, in number order, headed as the site's words.
    const list = doc.querySelector('article > section.notes')!;
    expect(list.querySelector('h2')!.textContent).toMatch(/added by this site, not part of the original/u);
    const notes = [...list.querySelectorAll('ol > li.note')];
    expect(notes.length).toBe(doc.querySelectorAll('a.note-ref').length);
    notes.forEach((item, i) => {
      expect(item.getAttribute('value')).toBe(String(i + 1));
      const body = item.querySelector('details > .note-body')!;
      expect(body.id).toBe(`note-${i + 1}`);
      const ref = doc.querySelector(`a.note-ref[href="#note-${i + 1}"]`)!;
      // The number is drawn by CSS (never in the text) and named for assistive technology.
      expect([ref.textContent, ref.getAttribute('data-label'), ref.getAttribute('aria-label')]).toEqual(['', String(i + 1), `Note ${i + 1}`]);
      const links = [...body.querySelectorAll('a[href^="http"]')];
      expect(links.length, `note ${i + 1} cites a source`).toBeGreaterThan(0);
      for (const a of links) expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(body.querySelector(`a.note-back[href="#note-${i + 1}-ref"]`)).not.toBeNull();
    });
  });

  test('the note on "December 12" gives the year 2025, and its number stands in the lead-in', () => {
    const refs = [...doc.querySelectorAll('#attribution a.note-ref')];
    const dec = [...doc.querySelectorAll('li.note')].find((d) => d.querySelector('summary')!.textContent.includes('December 12'))!;
    expect(refs.map((r) => r.getAttribute('href'))).toContain(`#${dec.querySelector('.note-body')!.id}`);
    expect(dec.textContent).toContain('2025');
  });

  test('quoted phrases of the commentary are traced: classed, linked to the statement sentence, a marker after the closing quotation mark, linked back', () => {
    const traced = [...doc.querySelectorAll('#commentary .trace')].map((t) => {
      // The marker follows the closing quotation mark (and any punctuation inside the marks).
      let after = '';
      let node = t.nextSibling;
      while (node && !(node as Element).classList?.contains('trace-mark')) {
        after += node.textContent;
        node = node.nextSibling;
      }
      const mark = node as Element;
      return {
        text: t.textContent,
        cls: t.className,
        href: t.getAttribute('href'),
        after,
        mark: mark.getAttribute('data-label'),
        says: mark.getAttribute('aria-label'),
      };
    });
    expect(traced.map(({ says: _says, ...t }) => t)).toEqual([
      { text: 'exacerbating tension', cls: 'trace trace-close', href: `/${SEED}/#s1.5`, after: '"', mark: '≈' },
      { text: 'China threat theory', cls: 'trace trace-absent', href: null, after: '."', mark: '∉' },
      { text: 'concerns', cls: 'trace trace-exact', href: `/${SEED}/#s1.5`, after: '"', mark: '∈' },
      { text: 'unbreakable', cls: 'trace trace-absent', href: null, after: '"', mark: '∉' },
    ]);
    // It explains itself, naming the sentence in words (the page shows no "S1.5").
    expect(traced[0]!.says).toMatch(/^Similar words in the statement\. .*\(S1, sentence 5\)/u);
    expect(doc.querySelector('article')!.innerHTML).not.toMatch(/S1\.5/u);
    const back = doc.querySelector('[id="s1.5"] + .quoted-in')!;
    expect([...back.querySelectorAll('a')].map((a) => [a.getAttribute('data-label'), a.getAttribute('href')])).toEqual([
      ['C1', `/${SEED}/#c1`],
      ['C2', `/${SEED}/#c2`],
    ]);
  });
});

/** What the tests read of a reading page's JSON-LD. */
interface JsonLdArticle {
  '@type': string;
  headline: string;
  author?: unknown;
  hasPart: { '@type': string; text: string; description: string; spokenByCharacter: unknown; translationOfWork: { inLanguage: string }; abridged?: boolean }[];
}

/** What the tests read of a document's data.json. */
interface Selectable {
  selector: [{ exact: string; prefix: string }, { start: number; end: number }];
}
interface OpenDataFile {
  text: string;
  parts: { kind: string; start: number; end: number; paragraphs: { id: string }[] }[];
  annotations: { type: string; motivation: string; target: Selectable; body: Selectable & { purpose?: string; value: string }[] }[];
}

describe('open data', () => {
  test('the reading page describes itself in schema.org terms: an Article whose quoted statement is a translated, abridged Quotation spoken by its speaker', () => {
    const scripts = page(dist, `/${SEED}/`).querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    const ld = JSON.parse(scripts[0]!.textContent) as JsonLdArticle;
    expect(ld['@type']).toBe('Article');
    expect(ld.headline).toBe(page(dist, `/${SEED}/`).querySelector('h1')!.textContent);
    expect(ld.author).toBeUndefined(); // the seed does not name the commentary's author
    const quotation = ld.hasPart[0]!;
    expect(quotation['@type']).toBe('Quotation');
    expect(quotation.text).toBe(
      partOf(parseSeed(seedRaw), 'statement')!
        .paragraphs.map((p) => p.text)
        .join('\n\n'),
    );
    expect(quotation.spokenByCharacter).toEqual({ '@type': 'Person', name: 'Koizumi Shinjiro', jobTitle: 'Minister of Defense of Japan' });
    expect(quotation.translationOfWork.inLanguage).toBe('ja');
    // Abridged, as the page's caption says; not with schema.org's `abridged`, a property of books.
    expect(quotation.description).toBe('As quoted in the source; translated from Japanese, probably via Chinese, into English; abridged in the source.');
    expect(quotation.abridged).toBeUndefined();
  });

  test('/<slug>/data.json has the exact text, the public ids, and notes as W3C Web Annotations that select their words', () => {
    const data = JSON.parse(readFileSync(`${dist}/${SEED}/data.json`, 'utf8')) as OpenDataFile;
    expect(data.text).toBe(parseSeed(seedRaw).text);
    expect(data.parts.map((p) => p.kind)).toEqual(['attribution', 'statement', 'commentary', 'source', 'disclaimer']);
    expect(data.parts[2]!.paragraphs.map((p) => p.id)).toEqual(['c1', 'c2', 'c3']);
    const notes = data.annotations.filter((a) => a.motivation === 'commenting');
    const links = data.annotations.filter((a) => a.motivation === 'linking');
    expect(notes.length).toBe(page(dist, `/${SEED}/`).querySelectorAll('li.note').length);
    expect(notes.length + links.length).toBe(data.annotations.length);
    const selects = (t: Selectable) => {
      const [quote, position] = t.selector;
      expect(data.text.slice(position.start, position.end)).toBe(quote.exact);
      expect(data.text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
      return position;
    };
    for (const a of data.annotations) {
      expect(a.type).toBe('Annotation');
      selects(a.target);
    }
    // The one note the notes file marks disputed is tagged so.
    const tagged = notes.filter((a) => a.body.some((b) => b.purpose === 'tagging' && b.value === 'disputed'));
    expect(tagged.map((a) => a.target.selector[0].exact)).toEqual(['malicious close-range reconnaissance']);
    // Each phrase the commentary quotes from the statement links commentary words to statement words.
    const statement = data.parts[1]!;
    const commentary = data.parts[2]!;
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      const from = selects(a.target);
      const to = selects(a.body);
      expect(from.start).toBeGreaterThanOrEqual(commentary.start);
      expect(to.start).toBeGreaterThanOrEqual(statement.start);
      expect(to.end).toBeLessThanOrEqual(statement.end);
    }
    expect(page(dist, `/${SEED}/`).querySelector(`a[href="/${SEED}/data.json"]`)).not.toBeNull();
  });
});

describe('page text as text extractors read it (reader modes, translation tools, indexers)', () => {
  test('the check finds interface text glued to a word, and passes words that markup only splits', () => {
    const doc = (html: string) => parseHTML(`<!doctype html><html><body><main>${html}</main></body></html>`).document;
    expect(gluedWords(doc('<p>claim of "exacerbating tension<span>close match</span>"</p>'), 'claim of "exacerbating tension"')).toEqual(['tensionclose']);
    expect(gluedWords(doc('<p>(December 12<a>3</a>):</p>'), '(December 12):')).toEqual(['123']);
    expect(gluedWords(doc('<p>the <mark>door</mark>s open</p><p>Copy link</p>'), 'the doors open')).toEqual([]);
    expect(gluedWords(doc('<h2>Quotation</h2><p>Words</p>'), 'Words')).toEqual([]);
  });

  const slugs = readdirSync(corpus).filter((d) => existsSync(`${corpus}/${d}/data.json`));
  const texts = slugs.map((slug) => (JSON.parse(readFileSync(`${corpus}/${slug}/data.json`, 'utf8')) as { text: string }).text);

  test('no page of the site joins two words that are apart in the seeds or in the interface (lists, pagers, search, indexes)', () => {
    const all = texts.join('\n');
    const glued = htmlFiles(corpus).flatMap((file) => {
      const doc = parseHTML(readFileSync(file, 'utf8')).document;
      return gluedWords(doc, all).map((w) => `${file.slice(corpus.length)}: ${w}`);
    });
    expect(glued).toEqual([]);
  });

  test.each(slugs)('%s: no word of its pages joins interface text to the seed’s words', (slug) => {
    const text = (JSON.parse(readFileSync(`${corpus}/${slug}/data.json`, 'utf8')) as { text: string }).text;
    for (const view of ['', 'statement/', 'commentary/', 'c1/', 's1/']) {
      const path = `/${slug}/${view}`;
      if (existsSync(`${corpus}${path}index.html`)) expect(gluedWords(page(corpus, path), text), path).toEqual([]);
    }
  });
});
