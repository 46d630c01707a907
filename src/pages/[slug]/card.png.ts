/**
 * `/<slug>/card.png`: the document's preview image, for link previews (Open
 * Graph, Twitter cards): the card of its first voice (src/lib/publish/card.ts).
 * `astro dev` makes it on request; a build leaves it to the build worker,
 * which makes every card beside Astro's pages
 * (src/integrations/emitters/cards.ts), so this route builds none.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderCard } from '../../card-renderer/render.ts';
import { documentCards } from '../../lib/publish/card.ts';
import { addresses } from '../../config/site-addresses.ts';
import { cardSlugs } from '../../build-data/card-documents.ts';
import { getDocuments } from '../../build-data/documents.ts';
import type { SeedEntry } from '../../lib/notes/entry.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const slugs = await cardSlugs();
  return (await getDocuments()).filter((e) => slugs.has(e.slug)).map((entry) => ({ params: { slug: entry.slug }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: SeedEntry }> = ({ props: { entry } }) => {
  const png = renderCard(documentCards(entry, addresses)[0]!.input);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
