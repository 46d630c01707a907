/** `/<slug>/card.png`: the document's preview image, for link previews (Open Graph, Twitter cards). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE_NAME } from '../../data/annotations.ts';
import { cardSlugs, renderCard } from '../../data/cards.ts';
import { getDocuments } from '../../data/documents.ts';
import { formatDate } from '../../lib/cite.ts';
import { firstLine } from '../../lib/summary.ts';
import type { SeedEntry } from '../../lib/entry.ts';

export const getStaticPaths = (async () => {
  const slugs = await cardSlugs();
  return (await getDocuments()).filter((e) => slugs.has(e.slug)).map((entry) => ({ params: { slug: entry.slug }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: SeedEntry }> = async ({ props: { entry } }) => {
  const png = await renderCard({
    siteName: SITE_NAME,
    title: entry.title,
    speaker: entry.meta.speaker,
    date: entry.meta.date ? formatDate(entry.meta.date) : undefined,
    line: firstLine(entry.doc),
  });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
