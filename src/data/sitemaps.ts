/**
 * The sitemap's addresses: the document list's pages and the reading pages
 * (not focus views or share pages), split into files of at most 50,000 when
 * a corpus is larger than one sitemap may hold.
 */
import { sitemapChunks } from '../lib/feeds.ts';
import { listPageHref, paginate } from '../lib/paginate.ts';
import { PAGE_SIZE } from './listing.ts';
import { getSummaries } from './summaries.ts';
import { documentPath } from '../lib/addresses.ts';

/** Every address of the sitemap, in files of at most {@link SITEMAP_LIMIT}. */
export async function sitemapFiles(site: URL | undefined): Promise<{ loc: string; lastmod?: string | undefined }[][]> {
  const docs = await getSummaries();
  const urls = [
    ...paginate(docs, PAGE_SIZE).map((p) => ({ loc: new URL(listPageHref(p.number), site).href })),
    ...docs.map((d) => ({ loc: new URL(documentPath(d.slug), site).href, lastmod: d.date })),
  ];
  return sitemapChunks(urls);
}
