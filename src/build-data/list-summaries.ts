/**
 * The documents as the site's lists use them (src/lib/corpus/summaries.ts), in list
 * order: newest first where a date is known, then by file name. A build
 * summarizes its own documents. An assemble build (`ASSEMBLE_SHARDS`, see
 * src/cli/assemble.ts) has no documents of its own: it reads the
 * summaries every shard wrote, and its lists, feed and sitemap cover them all.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FEED_SIZE, SHARD_MANIFEST, summarize, type DocumentSummary } from '../lib/corpus/summaries.ts';
import { compareDocuments } from '../lib/corpus/order.ts';
import { languageIndexes } from '../lib/search/passages.ts';
import { inSite } from '../config/site-addresses.ts';
import { getDocuments } from './documents.ts';
import type { SeedEntry } from '../lib/notes/entry.ts';
import { perBuild, perDocument } from './per-build.ts';
import { assembleShards, settings } from '../config/settings.ts';

async function load(): Promise<DocumentSummary[]> {
  const shards = assembleShards();
  if (shards.length) {
    const all = (await Promise.all(shards.map(async (dir) => JSON.parse(await readFile(join(dir, SHARD_MANIFEST), 'utf8')) as DocumentSummary[]))).flat();
    return all.sort(compareDocuments);
  }
  return (await getDocuments()).map((e, i) => summaryOf(e, i < FEED_SIZE));
}

/** Each document's summary, for the feed or not (kept across edits in `astro dev`). */
const summaryOf = (e: SeedEntry, withFeed: boolean) => (withFeed ? feedSummary : listSummary)(e);
const listSummary = perDocument('summaries', (e: SeedEntry) => summarize(e));
const feedSummary = perDocument('feed-summaries', (e: SeedEntry) => summarize(e, true));

/** Every document's summary, in list order. */
export const getSummaries = perBuild(load);

/** How many passages (paragraphs of the statement or the commentary) search holds. */
export const passageCount = perBuild(async () => (await getSummaries()).reduce((n, d) => n + d.passages, 0));

/**
 * Pagefind indexes a search merges besides `/pagefind/` (under the base path): other languages'
 * indexes, and other indexes named in `EXTRA_INDEXES` (space-separated).
 */
export const extraIndexes = perBuild(async () => [
  ...languageIndexes((await getSummaries()).map((d) => d.lang))
    .slice(1)
    .map((index) => inSite(index.path)),
  ...settings().extraIndexes,
]);
