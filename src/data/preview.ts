/** Link-preview facts for a document's pages. */
import type { Preview } from '../layouts/Base.astro';
import type { SeedEntry } from '../loaders/seeds.ts';
import { cardSupports } from './cards.ts';

/** Open Graph facts of a document: an article, with its card image when its script is covered. */
export function documentPreview(entry: SeedEntry, site: URL | undefined): Preview {
  return {
    type: 'article',
    published: entry.meta.date,
    image: cardSupports(entry.doc.lang) ? new URL(`/${entry.slug}/card.png`, site).href : undefined,
    imageAlt: `${entry.title}${entry.meta.speaker ? ` — ${entry.meta.speaker}` : ''}`,
  };
}
