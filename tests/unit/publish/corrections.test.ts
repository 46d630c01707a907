import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { expect, test, vi } from 'vitest';
import { documentHistory, parseVersions, type Revision } from '../../../src/lib/history/versions.ts';
import { citation } from '../../../src/lib/publish/cite.ts';
import { goneShares, latestCorrection, pageCorrections } from '../../../src/lib/publish/corrections.ts';
import { siteAddresses } from '../../../src/lib/publish/addresses.ts';
import { atomFeed } from '../../../src/lib/publish/feeds.ts';
import { formerSlugs } from '../../../src/lib/corpus/summaries.ts';
import { formerAddressPages, redirectRules } from '../../../src/lib/publish/history-files.ts';
import { REDIRECT_SCRIPT, REDIRECT_SCRIPT_HASH, redirectPage } from '../../../src/lib/publish/redirect.ts';
import { sharePage } from '../../../src/lib/publish/share.ts';

const at = siteAddresses('/');

const seed = (commentary: string[]) => `Ana Silva, Minister of Ports, said: "The port opened today."\n\nComment: ${commentary.join('\n\n')}\n`;
const C1 = 'The opening is a show of strength. It follows months of talks.';
const C2 = 'The recent coordination is a maneuver. It serves both sides.';
const C3 = 'The so-called alliance is a trade. Neither side says so.';

function historyOf(texts: string[], formerNames: string[] = []) {
  const revs: Revision[] = texts.map((text, i) => ({
    commit: `c${i + 1}`,
    date: `2026-1${i + 1}-01T09:00:00Z`,
    note: `Note ${i + 1}\n\nMore words.`,
    file: 'a.txt',
    text,
  }));
  const { revisions, docs } = parseVersions(revs);
  return documentHistory(revisions, docs, formerNames);
}

test('a reading page says when its text was last corrected, marks what changed, and where removed words stood', () => {
  const history = historyOf([seed([C1, C2, C3]), seed([C1, 'Restored words here.', C3.replace('trade', 'bargain')])]);
  const page = pageCorrections('doc', history, at);
  expect(page.latest).toEqual({ date: '1 December 2026', note: 'Note 2', href: '/doc/history/#v2', versions: 2 });
  expect(page.mark('c1a')).toMatchObject({ label: 'added 1 December 2026', href: '/doc/history/#v2' });
  expect(page.mark('c3')).toMatchObject({ label: 'corrected 1 December 2026' });
  expect(page.mark('c1')).toBeUndefined();
  expect(page.removedAfter('c', 'c1')).toEqual([
    {
      id: 'c2',
      label: 'C2 removed in the correction of 1 December 2026',
      long: 'Paragraph C2 was removed in the correction of 1 December 2026. Read it in the version of 1 November 2026.',
      href: '/doc/v1/#c2',
    },
  ]);
  expect(page.anchorsInNotice('c2').map((a) => a.id)).toEqual(['c2.1', 'c2.2']);
  expect(latestCorrection(history)).toEqual({ date: '2026-12-01T09:00:00Z', note: 'Note 2' });
  // A document of one version shows nothing of the kind.
  const one = pageCorrections('doc', historyOf([seed([C1])]), at);
  expect(one.latest).toBeUndefined();
  expect(latestCorrection(historyOf([seed([C1])]))).toBeUndefined();
});

test('a removed paragraph keeps its share page: it shows its own words as they were and the notice, never other words', () => {
  const history = historyOf([seed([C1, C2, C3]), seed([C1, C3])]);
  const [shared] = goneShares('doc', history, at);
  expect(shared).toMatchObject({ paragraph: { id: 'c2', text: C2 }, voice: 'commentary' });
  const { document } = parseHTML(sharePage({ site: new URL('https://r.example/'), addresses: at, slug: 'doc', title: 'T', lang: 'en', ...shared! }));
  expect(document.querySelector('blockquote')!.textContent).toBe(C2);
  expect(document.body.textContent).toContain('Paragraph C2 was removed in the correction of 1 December 2026');
  expect(document.querySelector('a[href="/doc/v1/#c2"]')).not.toBeNull();
  expect(document.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/doc/#c2');
});

test('a redirect page keeps the fragment with its one script (allowed by hash), and without it has a refresh and a link', () => {
  expect(`sha256-${createHash('sha256').update(REDIRECT_SCRIPT).digest('base64')}`).toBe(REDIRECT_SCRIPT_HASH);
  const { document } = parseHTML(redirectPage({ to: '/new/', canonical: 'https://r.example/new/', why: 'Moved.', title: 'its new address' }));
  expect(document.documentElement.dataset.to).toBe('/new/');
  expect(document.querySelector('script')!.textContent).toBe(REDIRECT_SCRIPT);
  expect(document.querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')).toContain(`script-src '${REDIRECT_SCRIPT_HASH}'`);
  expect(document.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/new/');
  expect(document.querySelector('a[href="/new/"]')).not.toBeNull();
  expect(document.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
});

test('a renamed seed’s old addresses each get a page leading to the new one, and redirect rules; a slug in use now is left alone', () => {
  const history = historyOf([seed([C1, C2]), seed([C1])], ['Old Name.txt', 'taken.txt']);
  expect(formerSlugs({ slug: 'new', file: 'new.txt', history })).toEqual(['old-name', 'taken']);
  // A notes file that sets the slug: the file's names never made an address.
  expect(formerSlugs({ slug: 'chosen', file: 'new.txt', history })).toEqual([]);
  const pages = formerAddressPages(
    { slug: 'new', file: 'new.txt', history, paragraphIds: ['s1', 'c1'] },
    new URL('https://r.example/'),
    new Set(['taken']),
    at,
  );
  const to = (path: string) => parseHTML(pages.find((p) => p.path === path)!.content).document.documentElement.dataset.to;
  expect(to('old-name/index.html')).toBe('/new/');
  expect(to('old-name/statement/index.html')).toBe('/new/statement/');
  expect(to('old-name/history/index.html')).toBe('/new/history/');
  expect(to('old-name/v1/index.html')).toBe('/new/v1/');
  expect(to('old-name/c1/index.html')).toBe('/new/c1/');
  // The removed paragraph's share page, too.
  expect(to('old-name/c2/index.html')).toBe('/new/c2/');
  expect(pages.some((p) => p.path.startsWith('taken/'))).toBe(false);
  expect(redirectRules({ slug: 'new', file: 'new.txt', history }, new Set(['taken']), at)).toEqual(['/old-name/ /new/ 301', '/old-name/* /new/:splat 301']);
});

test('under a base path, a corrected or renamed document’s pages, links and redirect rules stay inside it', () => {
  const sub = siteAddresses('/reader/');
  const history = historyOf([seed([C1, C2]), seed([C1])], ['Old Name.txt']);
  const pages = formerAddressPages({ slug: 'new', file: 'new.txt', history, paragraphIds: ['s1', 'c1'] }, new URL('https://me.github.io/'), new Set(), sub);
  const c2 = pages.find((p) => p.path === 'old-name/c2/index.html')!;
  const { document } = parseHTML(c2.content);
  expect(document.documentElement.dataset.to).toBe('/reader/new/c2/');
  expect(document.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://me.github.io/reader/new/c2/');
  expect(redirectRules({ slug: 'new', file: 'new.txt', history }, new Set(), sub)).toEqual([
    '/reader/old-name/ /reader/new/ 301',
    '/reader/old-name/* /reader/new/:splat 301',
  ]);
  const [gone] = goneShares('new', history, sub);
  expect(gone!.gone.href).toBe('/reader/new/v1/#c2');
  expect(pageCorrections('new', history, sub).latest!.href).toBe('/reader/new/history/#v2');
});

test('a citation names the version it cites; a corrected entry of the feed is updated when it was corrected', () => {
  expect(
    citation({ voice: 'commentary', title: 'T', paragraphId: 'c1a', address: 'https://r.example/doc/#c1a', siteName: 'R', version: '2026-12-01T09:00:00Z' }),
  ).toBe('Unnamed author, commentary in “T”, paragraph C1a, version of 1 December 2026. R, https://r.example/doc/#c1a.');
  const xml = atomFeed({
    title: 'R',
    site: 'https://r.example/',
    self: 'https://r.example/feed.xml',
    entries: [{ title: 'T', url: 'https://r.example/doc/', date: '2025-12-12', summary: 's', lang: 'en', corrected: '2026-12-01T18:00:00+09:00' }],
  });
  expect(xml).toContain('<updated>2026-12-01T09:00:00.000Z</updated>\n    <published>2025-12-12T00:00:00Z</published>');
});

test('the feed never reads the build’s clock: an undated entry is updated when its seed was first committed, else at the newest date the feed knows, else SOURCE_DATE_EPOCH', () => {
  const feed = (entries: Parameters<typeof atomFeed>[0]['entries'], sourceDateEpoch?: number) =>
    atomFeed({ title: 'R', site: 'https://r.example/', self: 'https://r.example/feed.xml', entries, sourceDateEpoch });
  const undated = { title: 'U', url: 'https://r.example/u/', summary: 's', lang: 'en' };
  const dated = { title: 'D', url: 'https://r.example/d/', summary: 's', lang: 'en', date: '2025-12-12' };
  expect(feed([{ ...undated, committed: '2026-11-30T10:00:00+01:00' }])).toContain('<updated>2026-11-30T09:00:00.000Z</updated>');
  expect(feed([undated, dated])).toMatch(/<title>U<\/title>[^]*?<updated>2025-12-12T00:00:00Z<\/updated>/u);
  expect(feed([undated], 1_765_000_000)).toContain(`<updated>${new Date(1_765_000_000_000).toISOString()}</updated>`);
  // Built on two days: the same bytes.
  vi.useFakeTimers();
  try {
    vi.setSystemTime(new Date('2026-12-07T10:00:00Z'));
    const first = feed([undated]);
    vi.setSystemTime(new Date('2027-01-01T10:00:00Z'));
    expect(feed([undated])).toBe(first);
    expect(first).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
  } finally {
    vi.useRealTimers();
  }
});
