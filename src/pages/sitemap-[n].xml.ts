/** `/sitemap-<n>.xml`: one file of a sitemap too large for one (see sitemap.xml.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapFiles } from '../build-data/sitemaps.ts';
import { sitemap } from '../lib/publish/feeds.ts';

export const getStaticPaths = (async () => {
  const files = await sitemapFiles(new URL('http://localhost/'));
  return files.length > 1 ? files.map((_, i) => ({ params: { n: String(i + 1) } })) : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const files = await sitemapFiles(site);
  return new Response(sitemap(files[Number(params.n) - 1] ?? []), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
