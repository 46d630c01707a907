/**
 * Every search passage as JSON, written to `dist/search/passages.json` for the
 * Pagefind integration to index (it removes the file afterwards).
 */
import type { APIRoute } from 'astro';
import { getDocuments } from '../../data/documents.ts';
import { passageRecords } from '../../lib/passages.ts';

export const GET: APIRoute = async () => {
  const docs = await getDocuments();
  const records = docs.flatMap((e) =>
    passageRecords({ slug: e.slug, title: e.title, doc: e.doc, speaker: e.meta.speaker }),
  );
  return new Response(JSON.stringify(records));
};
