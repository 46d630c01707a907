/**
 * Which documents have preview images (see src/card-renderer/render.ts for how one is
 * made): the newest `CARDS` (default 1,000) whose every card the card's
 * fonts can draw, every letter.
 */
import { cardDocuments, documentCards } from '../lib/publish/card.ts';
import type { SeedEntry } from '../lib/notes/entry.ts';
import { addresses } from '../config/site-addresses.ts';
import { cardsDrawable } from '../card-renderer/coverage.ts';
import { getDocuments } from './documents.ts';
import { perBuild, perDocument } from './per-build.ts';
import { settings } from '../config/settings.ts';

/** Each document's cards (kept across edits in `astro dev`). */
const cardsOf = perDocument('cards', (e: SeedEntry) => documentCards(e, addresses));

/** The slugs of the documents that have cards. */
export const cardSlugs = perBuild(async () => {
  const docs = await getDocuments();
  return new Set(
    cardDocuments(
      docs.map((e) => ({ slug: e.slug, cards: cardsOf(e) })),
      settings().cards,
      (d) => cardsDrawable(d.cards),
    ).map((d) => d.slug),
  );
});

/** Whether a document has cards. */
export async function hasCard(entry: SeedEntry): Promise<boolean> {
  return (await cardSlugs()).has(entry.slug);
}
