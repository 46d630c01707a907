/** `/sitemap.xml`: the document list's pages and the reading pages (not focus views or share pages). */
import type { APIRoute } from 'astro';
import { getDocuments } from '../data/documents.ts';
import { PAGE_SIZE } from '../data/listing.ts';
import { sitemap } from '../lib/feeds.ts';
import { listPageHref, paginate } from '../lib/paginate.ts';

export const GET: APIRoute = async ({ site }) => {
  const docs = await getDocuments();
  const urls = [
    ...paginate(docs, PAGE_SIZE).map((p) => ({ loc: new URL(listPageHref(p.number), site).href })),
    ...docs.map((e) => ({ loc: new URL(`/${e.slug}/`, site).href, lastmod: e.meta.date })),
  ];
  return new Response(sitemap(urls), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
