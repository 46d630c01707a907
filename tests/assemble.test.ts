/**
 * A corpus built as two shards (`SHARD=1/2`, `SHARD=2/2`) and assembled
 * (`npm run assemble`) is one site: one document list, feed, sitemap and
 * search over every document, each document's pages as its shard built them.
 * A shard that has no documents (a corpus smaller than the matrix) builds,
 * and assemble takes it.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { beforeAll, describe, expect, test } from 'vitest';
import { syntheticCorpus } from '../bench/corpus.ts';
import { benchQueries } from '../bench/queries.ts';
import { shardOf } from '../src/lib/corpus/shard.ts';
import { slugify } from '../src/lib/common/slug.ts';
import { STOPWORDS } from '../src/lib/notes/trace.ts';
import { DEFAULT_ADDRESS_WARNING } from '../src/integrations/site-address.ts';
import { withChromium } from './helpers/browser.ts';
import { commandEnv, root, runBuild } from './helpers/build.ts';
import { eventually } from './helpers/poll.ts';
import { serve } from './helpers/serve.ts';

const base = 'tests/.build/shards';
const seeds = [...syntheticCorpus(30), { name: '000_dafef29e75211819.txt', text: readFileSync(`${root}seeds/000_dafef29e75211819.txt`, 'utf8') }];
const slugs = seeds.map((s) => slugify(s.name));
const out = `${root}${base}/site`;
const moved = `${root}${base}/site-moved`;
/** Index entries larger than this are capped in the assembled site (`SEARCH_CAP_BYTES`). */
const CAP_BYTES = 150;

/** An index's words (stems, as Pagefind keys them), read from its chunk files. */
function indexWords(dir: string): string[] {
  const unpack = (file: string) => decode(gunzipSync(readFileSync(join(dir, file))).subarray('pagefind_dcd'.length), { useMaps: false }) as [[string][]];
  return readdirSync(join(dir, 'index')).flatMap((f) => unpack(join('index', f))[0].map(([w]) => w));
}

const assemble = (...args: string[]) =>
  promisify(execFile)(process.execPath, [`${root}src/cli/assemble.ts`, ...args], {
    cwd: root,
    // Capping, which a corpus this small never reaches by default: its commonest words are capped.
    env: commandEnv({ PAGE_SIZE: '10', SEARCH_CAP_BYTES: String(CAP_BYTES) }),
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

/** What each shard's build printed. */
const printed: string[] = [];

beforeAll(async () => {
  rmSync(`${root}${base}`, { recursive: true, force: true });
  mkdirSync(`${root}${base}/seeds`, { recursive: true });
  for (const s of seeds) writeFileSync(`${root}${base}/seeds/${s.name}`, s.text);
  for (const k of [1, 2]) {
    const r = await runBuild(`${base}/seeds`, `${base}/shard-${k}`, { SHARD: `${k}/2`, ASTRO_CACHE_DIR: `${base}/cache-${k}`, PAGE_SIZE: '10' });
    if (r.code !== 0) throw new Error(r.stderr + r.stdout.slice(-2000));
    printed.push(r.stdout + r.stderr);
  }
  // The seed alone, cut in two: the shard it is not in has no documents.
  mkdirSync(`${root}${base}/seed-only`, { recursive: true });
  writeFileSync(`${root}${base}/seed-only/${seeds.at(-1)!.name}`, seeds.at(-1)!.text);
  const empty = await runBuild(`${base}/seed-only`, `${base}/empty`, { SHARD: `${3 - shardOf(slugs.at(-1)!, 2)}/2`, ASTRO_CACHE_DIR: `${base}/cache-empty` });
  if (empty.code !== 0) throw new Error(empty.stderr + empty.stdout.slice(-2000));
  const r = await assemble(out, `${root}${base}/shard-1`, `${root}${base}/shard-2`, `${root}${base}/empty`);
  if (r.code !== 0) throw new Error(r.stderr);
  // Copies of the shards, assembled with --move (their document folders renamed into the site, not linked).
  for (const k of [1, 2]) cpSync(`${root}${base}/shard-${k}`, `${root}${base}/moving-${k}`, { recursive: true });
  const m = await assemble('--move', moved, `${root}${base}/moving-1`, `${root}${base}/moving-2`);
  if (m.code !== 0) throw new Error(m.stderr);
  // The same corpus in one build, to compare what assemble makes of the whole corpus with.
  const whole = await runBuild(`${base}/seeds`, `${base}/whole`, { ASTRO_CACHE_DIR: `${base}/cache-whole`, PAGE_SIZE: '10' });
  if (whole.code !== 0) throw new Error(whole.stderr + whole.stdout.slice(-2000));
}, 300_000);

test('a build without SITE_URL says once, loudly, that it uses the default address and must not be published', () => {
  expect(printed).toHaveLength(2);
  for (const out of printed) expect(out.split('SITE_URL is not set: this build uses http://localhost:4321').length - 1).toBe(1);
  expect(DEFAULT_ADDRESS_WARNING).toMatch(/Do not publish this build: set SITE_URL/u);
});

describe('shards', () => {
  test('each shard builds the pages of its own documents only, decided by the slug', () => {
    for (const k of [1, 2]) {
      const dir = `${root}${base}/shard-${k}`;
      for (const slug of slugs) expect(existsSync(join(dir, slug, 'index.html')), `${slug} in shard ${k}`).toBe(shardOf(slug, 2) === k);
    }
  });

  test('a shard with no documents builds an empty shard: no document, no index, an empty list of summaries', () => {
    const dir = `${root}${base}/empty`;
    expect(JSON.parse(readFileSync(join(dir, 'shard-documents.json'), 'utf8'))).toEqual([]);
    expect(readFileSync(join(dir, 'shard-phrases.jsonl'), 'utf8')).toBe('');
    expect(existsSync(join(dir, slugs.at(-1)!))).toBe(false);
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
  });

  test('the assembled site has every document’s pages, one list, one feed and one sitemap over all', () => {
    for (const slug of slugs) expect(existsSync(join(out, slug, 'index.html')), slug).toBe(true);
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    for (const slug of slugs) expect(sitemap).toContain(`/${slug}/</loc>`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`${slugs.length} documents`);
    const listed = ['index.html', ...readdirSync(join(out, 'page')).map((p) => `page/${p}/index.html`)].flatMap((f) =>
      [...readFileSync(join(out, f), 'utf8').matchAll(/<h2><a href="\/([^/]+)\/">/gu)].map((m) => m[1]),
    );
    expect(new Set(listed)).toEqual(new Set(slugs));
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    const inFeed = [...feed.matchAll(/<id>[^<]*\/([^/<]+)\/<\/id>/gu)].map((m) => m[1]!);
    expect(new Set(inFeed.map((s) => shardOf(s, 2)))).toEqual(new Set([1, 2]));
    for (const file of ['shard-documents.json', 'shard-quotes.json', 'shard-phrases.jsonl']) expect(existsSync(join(out, file)), file).toBe(false);
    expect(readdirSync(out).filter((f) => f.startsWith('pagefind'))).toEqual(['pagefind']);
  });

  test('--move makes the same site, its document folders moved out of the shards instead of linked', () => {
    const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    expect(files(moved)).toEqual(files(out));
    for (const slug of slugs) {
      const k = shardOf(slug, 2);
      expect(readFileSync(join(moved, slug, 'index.html'), 'utf8'), slug).toBe(readFileSync(join(out, slug, 'index.html'), 'utf8'));
      expect(existsSync(join(`${root}${base}/moving-${k}`, slug)), `${slug} left in its shard`).toBe(false);
      expect(existsSync(join(`${root}${base}/shard-${k}`, slug)), `${slug} in the shard assembled by linking`).toBe(true);
    }
  });

  test('the recurring phrases are the corpus’s: the same pages, places and counts as one build of it makes', () => {
    const phrasePages = (dir: string) =>
      readdirSync(join(dir, 'phrases'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('index.html'))
        .sort();
    const wholeDir = `${root}${base}/whole`;
    const pages = phrasePages(wholeDir);
    expect(pages.length).toBeGreaterThan(1);
    expect(phrasePages(out)).toEqual(pages);
    const main = (dir: string, f: string) => /<main[\s\S]*<\/main>/u.exec(readFileSync(join(dir, 'phrases', f), 'utf8'))![0];
    for (const f of pages) expect(main(out, f), f).toBe(main(wholeDir, f));
    // A phrase's places come from both shards.
    const places = [
      ...main(
        out,
        pages.find((f) => f !== 'index.html')!,
      ).matchAll(/href="\/([^/"]+)\/#/gu),
    ].map((m) => shardOf(m[1]!, 2));
    expect(new Set(places)).toEqual(new Set([1, 2]));
  });

  test('one Content-Security-Policy allows what the pages of both shards run', () => {
    const headers = readFileSync(join(out, '_headers'), 'utf8');
    for (const k of [1, 2]) {
      const page = readFileSync(`${root}${base}/shard-${k}/${slugs.find((s) => shardOf(s, 2) === k)}/index.html`, 'utf8');
      const hashes = /<meta http-equiv="content-security-policy" content="([^"]+)"/u.exec(page)![1]!.match(/'sha(256|384|512)-[^']+'/gu) ?? [];
      expect(hashes.length, `shard ${k}'s page names no script hash`).toBeGreaterThan(0);
      for (const h of hashes) expect(headers).toContain(h);
    }
  });

  test('assembling what is not a shard build, or a document twice, stops with one line', async () => {
    const notShard = await assemble(`${root}${base}/bad`, `${root}dist`);
    expect(notShard.code).not.toBe(0);
    expect(notShard.stderr.trim()).toMatch(/^error: .*dist: not the output of a shard build \(no shard-documents\.json\); build it with SHARD=k\/n$/u);
    const twice = await assemble(`${root}${base}/bad`, `${root}${base}/shard-1`, `${root}${base}/shard-1`);
    expect(twice.stderr.trim()).toMatch(
      /^error: .*shard-1: document \/[^/]+\/ is also in .*shard-1; were both shards cut from the same seeds with the same n\?$/u,
    );
  });
});

describe('search on the assembled site', () => {
  const env = withChromium(out);

  test('one search finds passages of documents from both shards, and opens them', async () => {
    const page = await env.browser.newPage();
    // A common word of the corpus: in about a third of its documents.
    await page.goto(`${env.server.origin}/search/?q=${encodeURIComponent(benchQueries(syntheticCorpus(30))[0]!.query)}`);
    const settled = () =>
      page.waitForFunction(
        () =>
          /found|shown/u.test(document.querySelector('.search-status')?.textContent ?? '') && !document.querySelector('search-ui')!.hasAttribute('aria-busy'),
      );
    await settled();
    const more = page.locator('.search-more');
    while (await more.isVisible()) {
      await more.click();
      await settled();
    }
    await eventually(() => page.locator('.search-status').textContent()).toMatch(/passages found\.$/u);
    const hrefs = await page.$$eval('.search-results a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(new Set(hrefs.map((h) => shardOf(h.split('/')[1]!, 2)))).toEqual(new Set([1, 2]));
    await page.goto(`${env.server.origin}/search/?q=Hegseth`);
    await page.waitForSelector('.search-results a');
    await page.locator('.search-results a').first().click();
    await page.waitForURL(/\/000_dafef29e75211819\/#s1\.1$/u);
    await page.waitForSelector('mark.search-hit');
    await page.close();
  }, 90_000);

  test('capped words find on the assembled site the passages the one build (nothing capped) finds, marked alike', async () => {
    const { ranges, words: capped } = JSON.parse(readFileSync(`${out}/pagefind/capped.json`, 'utf8')) as { ranges: number; words: string[] };
    expect(capped.length).toBeGreaterThan(3);
    // A phrase is searched range by range.
    expect(ranges).toBeGreaterThan(2);
    expect(JSON.parse(readFileSync(`${root}${base}/whole/pagefind/capped.json`, 'utf8'))).toEqual({ ranges: 1, words: [] });
    // A capped word as the corpus writes it, and a phrase of it, a function word and the next word.
    const text = seeds.map((s) => s.text).join('\n');
    const [, word, common, next] = capped
      .filter((w) => !STOPWORDS.has(w))
      .map((w) => new RegExp(`\\b(${w}[a-z]*) (of|the|and|to|in|for|with) ([a-z]{4,})\\b`, 'u').exec(text))
      .find((m) => m !== null)!;
    const whole = await serve(`${root}${base}/whole`);
    const page = await env.browser.newPage();
    /** Every passage a search finds (More passages pressed until there are no more): its link and its marked words. */
    const passages = async (origin: string, query: string) => {
      await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      const settled = () =>
        page.waitForFunction(
          () =>
            /found|shown|No passage/u.test(document.querySelector('.search-status')?.textContent ?? '') &&
            !document.querySelector('search-ui')!.hasAttribute('aria-busy'),
        );
      await settled();
      while (await page.locator('.search-more').isVisible()) {
        await page.locator('.search-more').click();
        await settled();
      }
      return page.$$eval('.search-results li', (items) =>
        items.map((li) => `${li.querySelector('a')!.getAttribute('href')} ${[...li.querySelectorAll('mark')].map((m) => m.textContent).join('|')}`).sort(),
      );
    };
    try {
      for (const query of [word!, `"${word} ${common} ${next}"`, `"${word} ${next}"`]) {
        const assembled = await passages(env.server.origin, query);
        expect(assembled, query).toEqual(await passages(whole.origin, query));
        if (query === word) expect(assembled.length).toBeGreaterThan(5);
      }
      // A function word is capped too, and a phrase of a word that is not and a function word is found on the first
      // search, before any press of "More passages": the pages where both stand in order are the ones loaded.
      expect(capped).toContain('the');
      const [, lone, fw] = [...text.matchAll(/\b([a-z]{6,}) (the|of|and)\b/gu)].find((m) => !capped.some((c) => m[1]!.startsWith(c)))!;
      const short = `"${lone} ${fw}"`;
      await page.goto(`${env.server.origin}/search/?q=${encodeURIComponent(short)}`);
      await page.waitForFunction(
        () =>
          /found|shown|No passage/u.test(document.querySelector('.search-status')?.textContent ?? '') &&
          !document.querySelector('search-ui')!.hasAttribute('aria-busy'),
      );
      expect(await page.locator('.search-results li').count(), short).toBeGreaterThan(0);
      expect(await passages(env.server.origin, short), short).toEqual(await passages(whole.origin, short));
      // A phrase of a word that extends a capped word without being one ("statement", "state" capped): the
      // passages that hold it, not those where the capped word stands.
      const extending = indexWords(`${out}/pagefind`).filter((w) => !w.startsWith('~') && !capped.includes(w) && capped.some((c) => w.startsWith(c)));
      expect(extending.length).toBeGreaterThan(0);
      const [, longer, after] = extending.map((w) => new RegExp(`\\b(${w}[a-z]{0,2}) ([a-z]{4,})\\b`, 'u').exec(text)).find((m) => m !== null)!;
      const phrase = `"${longer} ${after}"`;
      const found = await passages(env.server.origin, phrase);
      expect(found.length, phrase).toBeGreaterThan(0);
      expect(found, phrase).toEqual(await passages(whole.origin, phrase));
      // With a word that is not capped, the same passages; the excerpts are cut around that word, which weighs more.
      const links = (list: string[]) => list.map((p) => p.split(' ')[0]);
      const both = `${word} ${next}`;
      expect(links(await passages(env.server.origin, both))).toEqual(links(await passages(whole.origin, both)));
    } finally {
      await page.close();
      await whole.close();
    }
  }, 120_000);
});
