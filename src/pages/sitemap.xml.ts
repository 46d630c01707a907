/**
 * `/sitemap.xml`: the document list's pages, the reading pages and the ways
 * into the corpus (src/build-data/sitemaps.ts); for a
 * corpus of more than 50,000 addresses, a sitemap index of `/sitemap-1.xml`, ….
 */
import type { APIRoute } from 'astro';
import { sitemapPath } from '../config/site-addresses.ts';
import { sitemapFiles } from '../build-data/sitemaps.ts';
import { sitemap, sitemapIndex } from '../lib/publish/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const files = await sitemapFiles(site);
  const xml = files.length === 1 ? sitemap(files[0]!) : sitemapIndex(files.map((_, i) => new URL(sitemapPath(i + 1), site).href));
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
