/**
 * The link-preview tags (Open Graph) of the pages the build writes as
 * strings: share pages and redirect pages. X reads the og: title,
 * description and image where its own tags are missing: only its card type
 * is its own. (Astro pages write theirs in src/components/HeadTags.astro.)
 */
import { escapeHtml } from '../common/escape.ts';

/** What a link preview shows. `image` is absolute and 1200×630 (a card, src/lib/publish/card.ts). */
export interface PreviewTags {
  title: string;
  /** The page's canonical address. */
  url: string;
  description?: string | undefined;
  image?: string | undefined;
  imageAlt?: string | undefined;
  /** ISO date the document was published. */
  published?: string | undefined;
  siteName?: string | undefined;
}

/** A `<meta>` tag, or nothing when there is no value. */
export const metaTag = (attr: 'name' | 'property', key: string, value: string | undefined): string =>
  value ? `<meta ${attr}="${key}" content="${escapeHtml(value)}">` : '';

/** The preview's tags, in the order share pages have always written them. */
export function previewTags(p: PreviewTags): string {
  return [
    metaTag('property', 'og:site_name', p.siteName),
    metaTag('property', 'og:type', 'article'),
    metaTag('property', 'og:title', p.title),
    metaTag('property', 'og:description', p.description),
    metaTag('property', 'og:url', p.url),
    metaTag('property', 'article:published_time', p.published),
    metaTag('property', 'og:image', p.image),
    p.image ? '<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">' : '',
    p.image ? metaTag('property', 'og:image:alt', p.imageAlt) : '',
    metaTag('name', 'twitter:card', p.image ? 'summary_large_image' : 'summary'),
  ].join('');
}
