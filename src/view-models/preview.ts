/** Link-preview facts for a document's pages. */
import type { SeedEntry } from '../lib/notes/entry.ts';
import { hasCard } from '../build-data/card-documents.ts';
import { cardFor, documentCards } from '../lib/publish/card.ts';
import { addresses } from '../config/site-addresses.ts';
import type { ParagraphVoice } from '../lib/seed/document.ts';

/** Link-preview facts (Open Graph, Twitter card). */
export interface Preview {
  type?: 'website' | 'article';
  /** Absolute address of a 1200×630 image. */
  image?: string | undefined;
  imageAlt?: string | undefined;
  /** ISO date the document was published. */
  published?: string | undefined;
}

/** Open Graph facts of a document (or of one voice, in its focus view): an article, with the card of that voice when it has one. */
export async function documentPreview(entry: SeedEntry, site: URL | undefined, voice?: ParagraphVoice): Promise<Preview> {
  const cards = documentCards(entry, addresses);
  const card = voice ? cardFor(cards, voice) : cards[0]?.path;
  const shown = cards.find((c) => c.path === card);
  return {
    type: 'article',
    published: entry.meta.date,
    image: card && (await hasCard(entry)) ? new URL(card, site).href : undefined,
    imageAlt: shown && [shown.input.heading.toLowerCase(), entry.title, shown.input.who].filter(Boolean).join(' — '),
  };
}
