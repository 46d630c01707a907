/** `/robots.txt`: everything may be crawled; the sitemap lists what matters. */
import type { APIRoute } from 'astro';
import { listPath, sitemapPath } from '../config/site-addresses.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: ${listPath()}\n\nSitemap: ${new URL(sitemapPath(), site).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
