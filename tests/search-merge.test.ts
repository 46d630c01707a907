/**
 * The merged search index is the index Pagefind would have built in one run:
 * the same corpus indexed once, and in three parts merged, gives the same
 * results with the same scores for every query, in Pagefind's own runtime
 * in Chromium; words with diacritic variants and searchable titles included.
 * And the merger is strict: a part in a format it does not know (a simulated
 * upgrade) refuses the whole merge rather than dropping what it cannot read.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { syntheticCorpus } from '../bench/corpus.ts';
import { installedPagefind, mergeIndexes } from '../src/integrations/search-index/merge.ts';
import { FORMAT_VERSION } from '../src/lib/search/pagefind-format.ts';
import { annotate } from '../src/lib/notes/entry.ts';
import { parseSeed } from '../src/lib/seed/parse.ts';
import { bundlePages, searchDocument, speakerFilter, type BundlePage } from '../src/lib/search/bundles.ts';
import { launchChromium } from './helpers/chromium.ts';
import { root } from './helpers/build.ts';
import { serve } from './helpers/serve.ts';

const work = join(root, 'tests/.build/merge');
/** Entries larger than this are capped in the capped merge: at 240 documents, the corpus's commonest words. */
const CAP_ABOVE = 400;
const documents = syntheticCorpus(240).map((s) => searchDocument(annotate(s.name, s.name.replace('.txt', ''), parseSeed(s.text), undefined)));
/**
 * Pages with accented words (Pagefind indexes "café" under "cafe", with the
 * accented form as a variant) and a searchable title (its words' places are
 * the entries' meta locations), in the first and the last part, so both are
 * merged across parts.
 */
const accented = (n: number, title: string, text: string): BundlePage => ({
  url: `/_search/accented-${n}/`,
  language: 'en',
  voice: 'statement',
  passages: 1,
  html: `<!doctype html><html lang="en"><head><title></title></head><body data-pagefind-body><span data-pagefind-filter="voice[data-v]" data-v="Statement"></span><h1>${title}</h1><p>${text}</p></body></html>`,
});
const pages = bundlePages(documents, 2);
pages.splice(1, 0, accented(0, 'Déclaration du café', 'The café and its naïve résumé: a cafe, a déclaration.'));
pages.splice(pages.length - 1, 0, accented(1, 'Cafe policy', 'Another café, the résumé, a plain cafe and a Declaration.'));

async function index(list: readonly BundlePage[], dir: string): Promise<void> {
  const { index: idx, errors } = await pagefind.createIndex({});
  if (!idx) throw new Error(errors.join());
  for (const p of list) {
    const r = await idx.addHTMLFile({ url: p.url, content: p.html });
    if (r.errors.length) throw new Error(r.errors.join());
  }
  await idx.writeFiles({ outputPath: dir });
  await idx.deleteIndex();
}

let site: Awaited<ReturnType<typeof serve>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await index(pages, join(work, 'once'));
  const third = Math.ceil(pages.length / 3);
  const parts = [0, 1, 2].map((i) => join(work, `part-${i}`));
  for (const [i, dir] of parts.entries()) await index(pages.slice(i * third, (i + 1) * third), dir);
  await pagefind.close();
  mkdirSync(join(work, 'site'), { recursive: true });
  cpSync(join(work, 'once'), join(work, 'site/once/pagefind'), { recursive: true });
  await mergeIndexes(parts, join(work, 'site/merged/pagefind'), 'en', { capAbove: Infinity });
  // And merged again, capping every word whose entry is larger than a few hundred bytes (at this corpus's size).
  await mergeIndexes(parts, join(work, 'site/capped/pagefind'), 'en', { capAbove: CAP_ABOVE });
  // Both indexes searched with Pagefind's own runtime (either copy: they are the same file).
  writeFileSync(
    join(work, 'site/index.html'),
    `<!doctype html><html lang="en"><title>merge</title><body><script type="module">
      import { createInstance } from '/once/pagefind/pagefind.js';
      // One instance an index, as a page has one: its runtime and metadata are loaded once, not for every search.
      const instances = {};
      window.run = async (basePath, query, filters) => {
        instances[basePath] ??= createInstance({ basePath, noWorker: true });
        const r = await instances[basePath].search(query, { filters });
        // The same page, by its address: the merged index names its files anew.
        return Promise.all(r.results.map(async (x) => ({ url: (await x.data()).url.slice(basePath.length - 'pagefind/'.length), score: Math.round(x.score * 1e6), words: x.words })));
      };
    </script></body></html>`,
  );
  site = await serve(join(work, 'site'));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const speaker = documents[7]!.speaker!;
const queries: [string, Record<string, string>][] = [
  ['cafe', {}],
  ['café', {}],
  ['resume', {}],
  ['declaration', {}],
  ['policy', {}],
  ['hegemony', {}],
  ['sanctions interests', {}],
  ['hegem', {}],
  [
    `"${documents[3]!.passages[0]!.text.split(' ')
      .slice(2, 4)
      .join(' ')
      .replace(/[^\p{L}\s]/gu, '')}"`,
    {},
  ],
  [documents[11]!.passages[1]!.text.split(' ').find((w) => /^[A-Z][a-z]{5,}$/u.test(w)) ?? 'alliance', {}],
  ['alliance', { voice: 'Statement' }],
  ['alliance', { [speakerFilter(speaker).name]: speakerFilter(speaker).value }],
];

test('the merged index has one metadata file, fewer and re-cut chunks, and every fragment', () => {
  const merged = join(work, 'site/merged/pagefind');
  expect(readdirSync(merged).filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
  expect(readdirSync(join(merged, 'fragment')).length).toBe(pages.length);
  // Files named in order under one id (the metadata lists every name), not Pagefind's random hashes.
  const [fragments, chunks] = [readdirSync(join(merged, 'fragment')), readdirSync(join(merged, 'index'))];
  const id = /^en_([0-9a-f]{8})_/u.exec(fragments[0] ?? '')?.[1];
  expect(id).toBeDefined();
  expect(new Set(fragments)).toEqual(new Set(pages.map((_, n) => `en_${id}_${n.toString(36)}.pf_fragment`)));
  expect(chunks.length).toBeGreaterThan(1);
  expect(new Set(chunks)).toEqual(new Set(chunks.map((_, n) => `en_${id}_i${n.toString(36)}.pf_index`)));
  expect(readdirSync(merged)).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind', 'capped.json']));
  expect(JSON.parse(readFileSync(join(merged, 'capped.json'), 'utf8'))).toEqual({ ranges: 1, words: [] });
});

/** The capped merge's list of capped words. */
const cappedList = () => JSON.parse(readFileSync(join(work, 'site/capped/pagefind/capped.json'), 'utf8')) as { ranges: number; words: string[] };

/** Every word of an index folder's chunks. */
const indexWords = (dir: string): string[] =>
  readdirSync(join(dir, 'index')).flatMap((f) =>
    (decode(gunzipSync(readFileSync(join(dir, 'index', f))).subarray(SIGNATURE.length), { useMaps: false }) as [[string][]])[0].map((w) => w[0]),
  );

test('a capped word: its own key finds the pages one Pagefind run finds, with no places; its aliases, range by range, the places', async () => {
  const { ranges, words: list } = cappedList();
  // Not every word: the commonest.
  expect(list.length).toBeGreaterThan(5);
  // Function words too: a quoted phrase asks their places range by range (src/lib/search/query.ts).
  expect(list).toContain('the');
  const words = indexWords(join(work, 'site/merged/pagefind'));
  expect(list.length).toBeLessThan(words.length / 5);
  // The largest entry is several times the cap: its places are cut in as many ranges of pages.
  expect(ranges).toBeGreaterThan(2);
  // Words no other word begins: a search for one of them is a search for it alone.
  const alone = list.filter((w) => !words.some((other) => other !== w && other.startsWith(w)));
  const page = await browser.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForFunction(() => 'run' in window);
  const run = (base: string, query: string) =>
    page.evaluate(([b, q]) => (window as unknown as { run: (...a: unknown[]) => Promise<{ url: string; words: number[] }[]> }).run(b, q, {}), [
      base,
      query,
    ] as const);
  const places = (results: { url: string; words: number[] }[]) => results.map((r) => `${r.url} ${r.words.join(',')}`).sort();
  const inRanges = async (query: (k: string) => string) => {
    const all = [];
    for (let k = 0; k < ranges; k++) all.push(...(await run('/capped/pagefind/', query(k.toString(36)))));
    return places(all);
  };
  for (const word of [alone[0]!, alone[Math.floor(alone.length / 2)]!, alone.at(-1)!]) {
    const once = await run('/once/pagefind/', word);
    const capped = await run('/capped/pagefind/', word);
    expect(once.length).toBeGreaterThan(0);
    expect(new Set(capped.map((r) => r.url))).toEqual(new Set(once.map((r) => r.url)));
    expect(capped.every((r) => r.words.length === 0)).toBe(true);
    // Every page and place, each in one range only; and in a phrase, as Pagefind's exact search for the word.
    expect(await inRanges((k) => `~${k}~${word}`)).toEqual(places(once));
    expect(await inRanges((k) => `"~${k}~${word}"`)).toEqual(places(await run('/once/pagefind/', `"${word}"`)));
  }
  // A word that is not capped is as one run gives it.
  const uncapped = words.filter((w) => /^[a-z]{5,}$/u.test(w) && !list.includes(w)).at(-1)!;
  expect(await run('/once/pagefind/', uncapped)).not.toEqual([]);
  expect(await run('/capped/pagefind/', uncapped)).toEqual(await run('/once/pagefind/', uncapped));
  await page.close();
});

test('an index already capped is not merged again: its places are no longer under its words', async () => {
  await expect(mergeIndexes([join(work, 'site/capped/pagefind'), join(work, 'part-1')], join(work, 'capped-again'), 'en')).rejects.toThrow(
    /capped\/pagefind: holds a capped word's entry \("~0~.+"\); only indexes as Pagefind wrote them are merged/u,
  );
});

test.each(queries)('%s %j: the same results, scores and matched words as one Pagefind run', async (query, filters) => {
  const page = await browser.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForFunction(() => 'run' in window);
  const run = (base: string) =>
    page.evaluate(([b, q, f]) => (window as unknown as { run: (...a: unknown[]) => Promise<unknown[]> }).run(b, q, f), [base, query, filters] as const);
  const once = await run('/once/pagefind/');
  const merged = await run('/merged/pagefind/');
  expect(once.length).toBeGreaterThan(0);
  expect(merged).toEqual(once);
  await page.close();
});

/** A copy of part 0 with one file rewritten: what a later Pagefind might have written. */
function upgradedPart(name: string, change: (dir: string) => void): string {
  const dir = join(work, `upgraded-${name}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(work, 'part-0'), dir, { recursive: true });
  change(dir);
  return dir;
}
const SIGNATURE = 'pagefind_dcd';
const rewriteCbor = (file: string, edit: (data: unknown[]) => unknown[]) => {
  const raw = gunzipSync(readFileSync(file));
  const data = decode(raw.subarray(SIGNATURE.length), { useMaps: false }) as unknown[];
  writeFileSync(file, gzipSync(Buffer.concat([Buffer.from(SIGNATURE), encode(edit(data))])));
};

test('the merger reads exactly the installed Pagefind version, which is the one its format module knows', async () => {
  expect(await installedPagefind()).toBe(FORMAT_VERSION);
});

test('an upgrade simulation: a part with a field 1.6.0 does not write refuses the whole merge, naming the file; nothing half-merged is left', async () => {
  const chunk = upgradedPart('word', (dir) => {
    const file = join(dir, 'index', readdirSync(join(dir, 'index'))[0]!);
    rewriteCbor(file, ([words]) => [(words as unknown[][]).map((w) => [...w, { weight: 2 }])]);
  });
  const out = join(work, 'upgraded-out');
  await expect(mergeIndexes([chunk, join(work, 'part-1')], out, 'en')).rejects.toThrow(
    /upgraded-word\/index\/.+\.pf_index: word 0 has 4 fields, not 3; the index merger reads only Pagefind 1\.6\.0's index format/u,
  );
  expect(readdirSync(work)).not.toContain('upgraded-out');
  const meta = upgradedPart('meta', (dir) => {
    const file = join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.pf_meta'))!,
    );
    rewriteCbor(file, (m) => ['1.6.1', ...m.slice(1)]);
  });
  await expect(mergeIndexes([meta, join(work, 'part-1')], out, 'en')).rejects.toThrow(/\.pf_meta: written by Pagefind 1\.6\.1/u);
});

test('an upgrade simulation: a field the entry file gains is carried into the merged entry', async () => {
  const entry = upgradedPart('entry', (dir) => {
    const file = join(dir, 'pagefind-entry.json');
    const e = JSON.parse(readFileSync(file, 'utf8')) as { languages: Record<string, Record<string, unknown>> };
    e.languages.en!.future_field = [1, 2];
    writeFileSync(file, JSON.stringify({ ...e, max_fragments: 1, another: 'kept' }));
  });
  const out = join(work, 'upgraded-entry-out');
  await mergeIndexes([entry, join(work, 'part-1')], out, 'en');
  const merged = JSON.parse(readFileSync(join(out, 'pagefind-entry.json'), 'utf8')) as Record<string, unknown> & {
    languages: Record<string, Record<string, unknown>>;
  };
  expect(merged).toMatchObject({ version: '1.6.0', max_fragments: 1, another: 'kept' });
  expect(merged.languages.en).toMatchObject({ future_field: [1, 2], wasm: 'en' });
});
