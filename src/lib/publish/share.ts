/**
 * Sharing a paragraph: its share page `/<slug>/<paragraph id>/`, a small
 * page of its own whose link preview (Open Graph, Twitter card) quotes the
 * paragraph, with a canonical link and an immediate redirect (a meta
 * refresh: no script) to the paragraph in its reading page, and, for anyone
 * who stays, the paragraph and the link.
 *
 * Share pages are about half of a site's files, so they are made from this
 * template as plain strings (by the build worker, beside Astro; by a route
 * in `astro dev`), with no layout and none of the reading pages' CSS.
 */
import { SITE_NAME } from '../common/site.ts';
import { truncateWords } from '../seed/title.ts';
import type { Addresses } from './addresses.ts';
import { idLabel, type ParagraphVoice } from '../seed/document.ts';
import { escapeHtml } from '../common/escape.ts';
import type { SeedEntry } from '../notes/entry.ts';
import { cardFor, type DocumentCard } from './card.ts';
import { goneShares } from './corrections.ts';
import { metaTag, previewTags } from './preview-tags.ts';

/** The preview text of a paragraph: whole when short, else cut at a word near `max` characters. */
export function previewText(text: string, max = 200): string {
  return truncateWords(text.replace(/\s+/gu, ' ').trim(), max);
}

/** Where a share page is published: the site's address (`SITE_URL`) and its addresses (under `BASE_PATH`). */
export interface ShareSite {
  site: URL;
  addresses: Pick<Addresses, 'documentPath' | 'passagePath' | 'inSite'>;
}

/** What a share page shows. */
export interface SharePageInput extends ShareSite {
  slug: string;
  /** The document's title. */
  title: string;
  /** The document's language. */
  lang: string;
  paragraph: { id: string; text: string };
  voice: ParagraphVoice;
  speaker?: string | undefined;
  /** The statement is a translation (the notes' `translated:`). */
  translated?: boolean | undefined;
  /** ISO date of the document. */
  published?: string | undefined;
  /** Absolute address of the card of the paragraph's voice, when it has one (src/lib/publish/card.ts). */
  image?: string | undefined;
  /**
   * A paragraph the current text no longer has: what happened to it (the
   * notice its address lands on) and where it can be read as it was. Its
   * page shows it as it was, never other words.
   */
  gone?: { notice: string; href: string } | undefined;
}

/** The share page's only inline style; its hash is in the page's Content-Security-Policy. */
export const SHARE_STYLE =
  'body{color:#1d1b18;background:#fbfaf7;max-width:40rem;margin:2rem auto;padding:0 1rem;font:1.0625rem/1.6 system-ui,sans-serif}blockquote{border-left:4px solid #2a5599;margin:1rem 0;padding-left:1rem}a{color:#1f4f9a}@media (prefers-color-scheme:dark){body{color:#e7e3dc;background:#14171c}a{color:#8ab4f8}blockquote{border-color:#7aa5ea}}';
/** SHA-256 of {@link SHARE_STYLE}, base64 (a test checks it). */
export const SHARE_STYLE_HASH = 'sha256-wS5zVfAjqIDsyZE9sH35IbDUwTzLS/K7gb0blG7qW44=';

/** Who a paragraph is from, as its share page's heading and preview title say. */
export function shareHeading(voice: SharePageInput['voice'], speaker: string | undefined, translated = false): string {
  return voice === 'statement'
    ? `${speaker ?? 'The statement'} (${translated ? 'quoted in translation' : 'quoted'})`
    : voice === 'commentary'
      ? 'Commentary (opinion)'
      : 'From the original';
}

/** The share page's HTML. */
export function sharePage(i: SharePageInput): string {
  const id = idLabel(i.paragraph.id);
  const target = i.addresses.passagePath(i.slug, i.paragraph.id);
  const canonical = new URL(target, i.site).href;
  const who = shareHeading(i.voice, i.speaker, i.translated);
  const title = `${who}, ${id}${i.gone ? ' (no longer in the text)' : ''} · ${i.title}`;
  const description = i.gone ? i.gone.notice : previewText(i.paragraph.text);
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    metaTag('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    previewTags({
      siteName: SITE_NAME,
      title,
      description,
      url: canonical,
      published: i.published,
      image: i.image,
      // The image is this paragraph's voice's card: its description names that voice, never another's.
      imageAlt: `${who} — ${i.title}`,
    }),
    `<link rel="icon" href="${escapeHtml(i.addresses.inSite('favicon.svg'))}" type="image/svg+xml">`,
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">`,
    `<meta http-equiv="content-security-policy" content="default-src 'self'; img-src 'self' data:; style-src '${SHARE_STYLE_HASH}'; script-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'">`,
    `<style>${SHARE_STYLE}</style>`,
  ].join('');
  const body = [
    '<main id="main">',
    `<h1>${escapeHtml(who)}, ${escapeHtml(id)}</h1>`,
    i.gone ? `<p>${escapeHtml(i.gone.notice)}</p>` : '',
    `<p>From <a href="${escapeHtml(i.addresses.documentPath(i.slug))}">${escapeHtml(i.title)}</a>${i.gone ? ', as it was' : ''}:</p>`,
    `<blockquote lang="${escapeHtml(i.lang)}"><p>${escapeHtml(i.paragraph.text)}</p></blockquote>`,
    i.gone
      ? `<p><a href="${escapeHtml(i.gone.href)}">Read it in the version that had it</a> · <a href="${escapeHtml(target)}">See where it stood</a></p>`
      : `<p><a href="${escapeHtml(target)}">Read paragraph ${escapeHtml(id)} in context</a></p>`,
    '</main>',
  ].join('');
  return `<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>\n`;
}

/** Every paragraph of a document with its voice: what gets a share page. */
export function sharedParagraphs(doc: { parts: readonly { kind: string; paragraphs?: readonly { id: string; text: string }[] }[] }) {
  return doc.parts.flatMap((part) =>
    part.paragraphs ? part.paragraphs.map(({ id, text }) => ({ paragraph: { id, text }, voice: part.kind as SharePageInput['voice'] })) : [],
  );
}

/** What a document's share pages need of it (the build worker keeps only this of each document). */
export type SharedDocument = Omit<SharePageInput, keyof ShareSite | 'paragraph' | 'voice' | 'image' | 'gone'> & {
  paragraphs: Pick<SharePageInput, 'paragraph' | 'voice' | 'gone'>[];
};

/**
 * A document's {@link SharedDocument}: its paragraphs, those its earlier
 * versions had and its text no longer has (their share pages say so and
 * link to the version that had them, with `addresses`), and the facts their
 * previews show.
 */
export function sharedDocument(
  entry: Pick<SeedEntry, 'slug' | 'title' | 'doc' | 'meta' | 'history'>,
  addresses: Pick<Addresses, 'historyPath' | 'versionPath' | 'passagePath'>,
): SharedDocument {
  return {
    slug: entry.slug,
    title: entry.title,
    lang: entry.doc.lang,
    speaker: entry.meta.speaker,
    translated: Boolean(entry.meta.translated),
    published: entry.meta.date,
    paragraphs: [...sharedParagraphs(entry.doc), ...goneShares(entry.slug, entry.history, addresses)],
  };
}

/** The input of each of a document's share pages; each previews with its own voice's card, when the document has `cards`. */
export function sharePageInputs(
  { paragraphs, ...doc }: SharedDocument,
  site: ShareSite,
  cards: readonly Pick<DocumentCard, 'voice' | 'path'>[] = [],
): SharePageInput[] {
  return paragraphs.map((p) => {
    const card = cardFor(cards, p.voice);
    return { ...site, ...doc, ...p, image: card && new URL(card, site.site).href };
  });
}
