/**
 * Which documents have a preview image (see card-image.ts for how one is
 * made): the newest `CARDS` (default 1,000) whose language the card's font
 * can show.
 */
import { cardDocuments } from '../lib/card.ts';
import type { SeedEntry } from '../lib/entry.ts';
import { cardLimit } from './card-image.ts';
import { getDocuments } from './documents.ts';

let withCards: Promise<Set<string>> | undefined;

/** The slugs of the documents that have a card. */
export function cardSlugs(): Promise<Set<string>> {
  withCards ??= getDocuments().then((docs) => new Set(cardDocuments(docs.map((e) => ({ slug: e.slug, lang: e.doc.lang })), cardLimit()).map((d) => d.slug)));
  return withCards;
}

/** Whether a document has a card. */
export async function hasCard(entry: SeedEntry): Promise<boolean> {
  return (await cardSlugs()).has(entry.slug);
}

