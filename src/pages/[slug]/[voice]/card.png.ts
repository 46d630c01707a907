/**
 * `/<slug>/commentary/card.png`: the preview image of a voice other than the
 * document's first, which its paragraphs' share pages preview with. Like
 * `/<slug>/card.png`, made on request by `astro dev` and by the build worker
 * in a build.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderCard } from '../../../card-renderer/render.ts';
import { documentCards, type DocumentCard } from '../../../lib/publish/card.ts';
import { addresses } from '../../../config/site-addresses.ts';
import { cardSlugs } from '../../../build-data/card-documents.ts';
import { getDocuments } from '../../../build-data/documents.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const slugs = await cardSlugs();
  return (await getDocuments())
    .filter((e) => slugs.has(e.slug))
    .flatMap((entry) =>
      documentCards(entry, addresses)
        .slice(1)
        .map((card) => ({ params: { slug: entry.slug, voice: card.voice }, props: { card } })),
    );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: DocumentCard }> = ({ props: { card } }) => {
  const png = renderCard(card.input);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
