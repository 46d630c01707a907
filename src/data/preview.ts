/** Link-preview facts for a document's pages. */
import type { Preview } from '../layouts/Base.astro';
import type { SeedEntry } from '../lib/notes/entry.ts';
import { hasCard } from './cards.ts';
import { cardPath } from './addresses.ts';

/** Open Graph facts of a document: an article, with its card image when it has one. */
export async function documentPreview(entry: SeedEntry, site: URL | undefined): Promise<Preview> {
  return {
    type: 'article',
    published: entry.meta.date,
    image: (await hasCard(entry)) ? new URL(cardPath(entry.slug), site).href : undefined,
    imageAlt: `${entry.title}${entry.meta.speaker ? ` — ${entry.meta.speaker}` : ''}`,
  };
}
