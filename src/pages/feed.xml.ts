/** `/feed.xml`: an Atom feed of the documents, newest first, with the statement as summary. */
import type { APIRoute } from 'astro';
import { SITE_NAME } from '../data/annotations.ts';
import { getDocuments } from '../data/documents.ts';
import { atomFeed } from '../lib/feeds.ts';
import { partOf } from '../lib/parse.ts';

export const GET: APIRoute = async ({ site }) => {
  const docs = await getDocuments();
  const xml = atomFeed({
    title: SITE_NAME,
    site: new URL('/', site).href,
    self: new URL('/feed.xml', site).href,
    entries: docs.slice(0, 50).map((e) => ({
      title: e.title,
      url: new URL(`/${e.slug}/`, site).href,
      date: e.meta.date,
      author: e.meta.speaker,
      summary: partOf(e.doc, 'statement')?.paragraphs.map((p) => p.text).join('\n\n') ?? partOf(e.doc, 'commentary')?.paragraphs[0]?.text ?? '',
      lang: e.doc.lang,
    })),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
