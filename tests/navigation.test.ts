/**
 * Finding one's way in the fixture corpus (built with PAGE_SIZE=3): speakers
 * spelled three ways (one through seeds' speakers.aliases), sources by host,
 * months with "year unknown", and a phrase three commentaries quote; the
 * reading page's links to them; every list page small and paginated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { root } from './helpers/build.ts';
import { htmlFiles } from './helpers/checks.ts';
import { page } from './helpers/html.ts';

const dist = `${root}tests/.build/corpus/dist`;
const text = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((e) => e.textContent.replace(/\s+/gu, ' ').trim());
const hrefs = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((e) => e.getAttribute('href'));
/** Every document slug listed on a paginated list and its following pages. */
function listedSlugs(path: string): string[] {
  const slugs: string[] = [];
  for (let at: string | null = path; at;) {
    const doc = page(dist, at);
    slugs.push(...hrefs(doc, '.doc-list h2 a').map((h) => h!.replace(/^\/|\/$/gu, '')));
    at = doc.querySelector('.pager a[rel="next"]')?.getAttribute('href') ?? null;
  }
  return slugs;
}
const allSlugs = listedSlugs('/');

describe('speakers', () => {
  test('one speaker however spelled: three spellings, one page, the name the alias file gives', () => {
    const index = page(dist, '/speakers/');
    const takaichi = [...index.querySelectorAll('.group-list li')].find((li) => li.querySelector('a')!.textContent === 'Takaichi Sanae')!;
    expect(takaichi.querySelector('a')!.getAttribute('href')).toBe('/speakers/sanae-takaichi/');
    expect(takaichi.querySelector('.count')!.textContent).toBe('3 documents');
    // The role is its own word to reader modes and text extraction, not glued to the count.
    expect(takaichi.textContent.replace(/\s+/gu, ' ').trim()).toMatch(/^Takaichi Sanae 3 documents \S/u);
    expect(listedSlugs('/speakers/sanae-takaichi/').sort()).toEqual(['takaichi-a', 'takaichi-b', 'takaichi-c']);
    const own = page(dist, '/speakers/sanae-takaichi/');
    expect(hrefs(own, '.group-links a')).toContain('/search/?speaker=Takaichi+Sanae');
  });

  test('a reading page shows the name as the seed writes it, linked to the speaker page', () => {
    const doc = page(dist, '/takaichi-c/');
    const link = doc.querySelector('.doc-line a[href^="/speakers/"]')!;
    expect(link.textContent).toBe('PM Takaichi');
    expect(link.getAttribute('href')).toBe('/speakers/sanae-takaichi/');
    expect(doc.querySelector('#attribution')!.textContent).toContain('PM Takaichi');
  });

  test('every speaker with documents is listed, and their counts add up', () => {
    const index = page(dist, '/speakers/');
    const counts = text(index, '.group-list .count').map((c) => Number.parseInt(c, 10));
    const speakers = hrefs(index, '.group-list a').map((h) => listedSlugs(h!));
    expect(speakers.map((s) => s.length)).toEqual(counts);
    expect(new Set(speakers.flat()).size).toBe(counts.reduce((a, b) => a + b, 0));
    // Every speaker a reading page links to is on the index, and no other.
    const linked = new Set(allSlugs.flatMap((slug) => hrefs(page(dist, `/${slug}/`), '.doc-line a[href^="/speakers/"]')));
    expect(linked.size).toBeGreaterThan(1);
    expect(new Set(hrefs(index, '.group-list a'))).toEqual(linked);
  });
});

describe('sources and months', () => {
  test('sources by host: www. and the scheme do not matter', () => {
    const index = page(dist, '/sources/');
    const rows = text(index, '.group-list li');
    expect(rows).toContain('example-news.com 2 documents');
    expect(rows).toContain('other-outlet.org 1 document');
    expect(listedSlugs('/sources/example-news-com/').sort()).toEqual(['takaichi-a', 'takaichi-b']);
  });

  test('every document is in exactly one month or under "year unknown", never dropped', () => {
    const archive = page(dist, '/archive/');
    expect(text(archive, 'h2')).toEqual(['2025', '2024', 'Year unknown']);
    expect(text(archive, '.group-list li')).toEqual([
      'December 2025 1 document',
      'November 2025 2 documents',
      'January 2025 1 document',
      'May 2024 1 document',
    ]);
    const inMonths = hrefs(archive, 'main a[href^="/archive/"]').flatMap((h) => listedSlugs(h!));
    expect(inMonths.sort()).toEqual([...allSlugs].sort());
    expect(listedSlugs('/archive/2025/11/')).toEqual(['takaichi-b', 'takaichi-a']);
    expect(listedSlugs('/archive/undated/')).toContain('takaichi-c');
  });

  test('the document list links to each index with its count', () => {
    const list = page(dist, '/');
    const nav = page(dist, '/sources/');
    expect(text(list, 'nav.browse')[0]).toMatch(/^Browse: Speakers \(\d+\) · Sources \((\d+)\) · Months \(5\) · Recurring phrases \(2\)$/u);
    expect(text(list, 'nav.browse')[0]).toContain(`Sources (${nav.querySelectorAll('.group-list li').length})`);
  });
});

describe('recurring phrases', () => {
  test('a phrase quoted in four commentaries has a page listing every place it occurs, the words marked', () => {
    // The seed and takaichi-a, -b and -c quote "China threat theory" (or "theories"); takaichi-c also uses the words unquoted.
    const index = page(dist, '/phrases/');
    expect(text(index, '.group-list li')).toEqual(['“China threat theory” 4 documents', '“exacerbating tension” 2 documents']);
    const own = page(dist, '/phrases/china-threat-theory/');
    const items = [...own.querySelectorAll('.occurrences li')];
    expect(items.map((li) => li.querySelector('mark')!.textContent)).toEqual([
      'China threat theory',
      'China threat theory',
      'China threat theory',
      'China threat, as theory',
      'China threat theories',
    ]);
    expect(hrefs(own, '.occurrences li a[href*="#"]')).toEqual([
      '/000_dafef29e75211819/#c1.3',
      '/takaichi-b/#c1.1',
      '/takaichi-a/#c1.1',
      '/takaichi-c/#c1.1',
      '/takaichi-c/#c1.1',
    ]);
    expect(hrefs(own, '.group-links a')).toContain(`/search/?q=${encodeURIComponent('"China threat theory"').replace(/%20/gu, '+')}`);
  });

  test('on the reading page, the quoted phrase says in how many other documents it occurs, linked there', () => {
    const doc = page(dist, '/takaichi-a/');
    const link = doc.querySelector('#c1 a.phrase-link')!;
    expect(link.getAttribute('href')).toBe('/phrases/china-threat-theory/');
    expect(link.getAttribute('data-label')).toBe('in 3 other documents');
    expect(link.textContent).toBe(''); // drawn by CSS: copying the paragraph gives the seed's words only
  });

  test('the reading page links its speaker, source and month, and more from the speaker, none of it growing with the corpus', () => {
    const doc = page(dist, '/takaichi-a/');
    const nav = doc.querySelector('nav.doc-links')!;
    expect(hrefs(nav as unknown as Document, 'ul:first-of-type a')).toEqual(['/speakers/sanae-takaichi/', '/sources/example-news-com/', '/archive/2025/11/']);
    expect(nav.querySelector('h3')!.textContent).toBe('More from Takaichi Sanae');
    expect(hrefs(nav as unknown as Document, 'h3 + ul a').sort()).toEqual(['/takaichi-b/', '/takaichi-c/']);
  });
});

test('the sitemap lists every index and group of the ways in, each a page that exists', () => {
  const locs = [...readFileSync(`${dist}/sitemap.xml`, 'utf8').matchAll(/<loc>[^<]*?\/\/[^/]+(\/[^<]*)<\/loc>/gu)].map((m) => m[1]!);
  const ways = locs.filter((l) => /^\/(speakers|sources|archive|phrases)\//u.test(l));
  for (const section of ['speakers', 'sources', 'archive', 'phrases']) {
    const index = page(dist, `/${section}/`);
    const groups = hrefs(index, section === 'archive' ? 'main a[href^="/archive/"]' : '.group-list a');
    expect(groups.length, section).toBeGreaterThan(0);
    expect(ways, section).toEqual(expect.arrayContaining([`/${section}/`, ...groups]));
  }
  for (const way of ways) expect(existsSync(`${dist}${way}index.html`), way).toBe(true);
});

test('every list page is small (≤ 14 KB gzipped) and readable without JavaScript', () => {
  const lists = htmlFiles(dist).filter((f) => /\/(speakers|sources|archive|phrases|page)\//u.test(f) || f === `${dist}/index.html`);
  expect(lists.length).toBeGreaterThan(10);
  for (const file of lists) {
    const html = readFileSync(file);
    expect(gzipSync(html).length, file.slice(dist.length)).toBeLessThanOrEqual(14 * 1024);
    // The list is in the HTML itself; scripts only enhance (theme, search on demand).
    expect(html.toString()).toMatch(/class="(doc-list|group-list|occurrences)"|<h2 id="y\d{4}">/u);
  }
});
