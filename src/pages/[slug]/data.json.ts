/** `/<slug>/data.json`: the document as open data (see src/lib/open-data.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDocuments } from '../../data/documents.ts';
import { openData } from '../../lib/open-data.ts';
import type { SeedEntry } from '../../lib/entry.ts';

export const getStaticPaths = (async () =>
  (await getDocuments()).map((entry) => ({ params: { slug: entry.slug }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: SeedEntry }> = ({ props: { entry }, site }) => {
  const url = new URL(`/${entry.slug}/`, site).href;
  const data = openData({ url, title: entry.title, file: entry.file, doc: entry.doc, meta: entry.meta, notes: entry.notes, traces: entry.traces });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
};
