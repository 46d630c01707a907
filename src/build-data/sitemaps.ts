/**
 * The sitemap's addresses: the document list's pages, the reading pages (not
 * focus views or share pages), and the first page of each way into the
 * corpus (speakers, sources, months, recurring phrases: each index and each
 * group), split into files of at most 50,000 when a corpus is larger than
 * one sitemap may hold.
 */
import {
  archivePath,
  documentPath,
  listPath,
  monthPath,
  phrasePath,
  phrasesPath,
  sourcePath,
  sourcesPath,
  speakerPath,
  speakersPath,
} from '../config/site-addresses.ts';
import { sitemapChunks } from '../lib/publish/feeds.ts';
import { paginate } from '../lib/common/paginate.ts';
import { PAGE_SIZE } from './listing.ts';
import { getNavigation, getPhrases, makesNavigation } from './navigation.ts';
import { getSummaries } from './list-summaries.ts';

/** The navigation pages' first pages, as this build makes them (none in a shard build). */
async function navigationPaths(): Promise<string[]> {
  if (!makesNavigation()) return [];
  const nav = await getNavigation();
  const { phrases } = await getPhrases();
  const section = <G extends { slug: string }>(index: string, groups: readonly G[], path: (slug: string) => string) =>
    groups.length ? [index, ...groups.map((g) => path(g.slug))] : [];
  return [
    ...section(speakersPath(), nav.speakers, (s) => speakerPath(s)),
    ...section(sourcesPath(), nav.sources, (s) => sourcePath(s)),
    ...section(archivePath(), nav.months, (s) => monthPath(s)),
    ...section(phrasesPath(), phrases, (s) => phrasePath(s)),
  ];
}

/** Every address of the sitemap, in files of at most {@link SITEMAP_LIMIT}. */
export async function sitemapFiles(site: URL | undefined): Promise<{ loc: string; lastmod?: string | undefined }[][]> {
  const docs = await getSummaries();
  const urls = [
    ...paginate(docs, PAGE_SIZE).map((p) => ({ loc: new URL(listPath(p.number), site).href })),
    ...docs.map((d) => ({ loc: new URL(documentPath(d.slug), site).href, lastmod: d.date })),
    ...(await navigationPaths()).map((path) => ({ loc: new URL(path, site).href })),
  ];
  return sitemapChunks(urls);
}
