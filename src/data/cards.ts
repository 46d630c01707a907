/**
 * Which documents have a preview image (see card-image.ts for how one is
 * made, card.ts for its cards, one per voice): the newest `CARDS` (default
 * 1,000) whose every letter the cards' fonts can draw.
 */
import { cardDocuments, documentCards } from '../lib/publish/card.ts';
import { cardCovers } from './card/coverage.ts';
import type { SeedEntry } from '../lib/notes/entry.ts';
import { getDocuments } from './documents.ts';
import { perBuild } from './per-build.ts';
import { settings } from './settings.ts';

/** The slugs of the documents that have a card. */
export const cardSlugs = perBuild(async () => {
  const docs = await getDocuments();
  return new Set(
    cardDocuments(
      docs.map((e) => ({ slug: e.slug, cards: documentCards(e) })),
      settings().cards,
      // Every card of the document (one per voice) can draw every letter.
      (d) => d.cards.every((c) => cardCovers(c.input)),
    ).map((d) => d.slug),
  );
});

/** Whether a document has a card. */
export async function hasCard(entry: SeedEntry): Promise<boolean> {
  return (await cardSlugs()).has(entry.slug);
}
