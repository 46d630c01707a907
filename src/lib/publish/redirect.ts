/**
 * A page whose only job is to send readers to another address, for hosts
 * without redirect rules (GitHub Pages): a renamed document's old addresses,
 * the address of the current version, a focus view's address. Its script
 * keeps the `#fragment` (`/old/#c2` → `/new/#c2`), in place of the one the
 * target has (`/<slug>/statement/#s1.2` → `/<slug>/#s1.2`, not
 * `#statement-only`); without JavaScript a meta refresh goes to the target
 * as it is, and the page shows the link.
 */
import { escapeHtml } from '../common/escape.ts';
import { VOICE_LIST, VOICES, type Voice } from '../seed/document.ts';
import type { Addresses } from './addresses.ts';
import { previewTags } from './preview-tags.ts';

/**
 * The page's only script: go to the address in `data-to`, with this address's fragment if it has one, else with
 * the target's own. Its hash is in the page's CSP.
 */
export const REDIRECT_SCRIPT = "var t=document.documentElement.dataset.to;location.replace(location.hash?t.split('#')[0]+location.hash:t)";
/** SHA-256 of {@link REDIRECT_SCRIPT}, base64 (a test checks it). */
export const REDIRECT_SCRIPT_HASH = 'sha256-6rmwCaBz9i7X4gJ3NVj7qXqJi2EeyBU9DF3/pIbBBPA=';

/** What a redirect page says. */
export interface RedirectInput {
  /** The address to go to (a path, or absolute). */
  to: string;
  /** Its absolute address, for the canonical link. */
  canonical: string;
  /** A sentence saying why the reader is sent there ("This document has moved."). */
  why: string;
  title: string;
  /** What a link preview of this address shows (the page it leads to): its title and preview image. */
  preview?: { title: string; image?: string | undefined } | undefined;
}

/** The redirect page's HTML. */
export function redirectPage(i: RedirectInput): string {
  const to = escapeHtml(i.to);
  return [
    `<!DOCTYPE html><html lang="en" data-to="${to}"><head>`,
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(i.title)}</title>`,
    `<link rel="canonical" href="${escapeHtml(i.canonical)}">`,
    '<meta name="robots" content="noindex">',
    i.preview ? previewTags({ ...i.preview, url: i.canonical }) : '',
    `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src '${REDIRECT_SCRIPT_HASH}'; style-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'">`,
    `<script>${REDIRECT_SCRIPT}</script>`,
    `<meta http-equiv="refresh" content="0; url=${to}">`,
    '</head><body><main>',
    `<p>${escapeHtml(i.why)} <a href="${to}">Go to ${escapeHtml(i.title)}</a>.</p>`,
    '</main></body></html>\n',
  ].join('');
}

/**
 * The page at a focus view's address (`/<slug>/statement/`): one voice alone
 * is a state of the reading page (`/<slug>/#statement-only`), and this page
 * leads there; in a document of one voice (whose reading page shows it alone
 * anyway), to that voice. A link to it previews with that voice's card
 * (`image`, absolute), when the document has one.
 */
export function focusViewPage(
  site: URL,
  { documentPath, passagePath, voiceAlonePath }: Pick<Addresses, 'documentPath' | 'passagePath' | 'voiceAlonePath'>,
  doc: { slug: string; title: string; voices: readonly Voice[]; image?: string | undefined },
  view: Voice,
): string {
  const to = doc.voices.length > 1 ? voiceAlonePath(doc.slug, view) : passagePath(doc.slug, view);
  return redirectPage({
    to,
    canonical: new URL(documentPath(doc.slug), site).href,
    why: `The ${view} of this document is read alone on its reading page.`,
    title: `the ${view} alone`,
    preview: { title: `${VOICES[view]} · ${doc.title}`, image: doc.image },
  });
}

/**
 * The `_redirects` lines (Cloudflare Pages, Netlify: `:slug` is any one path
 * segment) that stand for every focus view's page on a host that reads them
 * (`HOST_REDIRECTS=rules`): `/<slug>/statement/`, with or without its last
 * slash, to `/<slug>/#statement-only`, permanently. What the pages do that
 * these cannot: a link's own fragment (`/<slug>/statement/#s1.2`) gives way
 * to the target's, so the view opens at its top; a document of one voice
 * opens at its top; and a link previews with the document's card, not the
 * voice's.
 */
export function focusViewRules({ viewPath, voiceAlonePath }: Pick<Addresses, 'viewPath' | 'voiceAlonePath'>): string[] {
  return VOICE_LIST.flatMap((view) => {
    const from = viewPath(':slug', view);
    const to = voiceAlonePath(':slug', view);
    return [`${from} ${to} 301`, `${from.slice(0, -1)} ${to} 301`];
  });
}

/** How many dynamic rules (a `*` or a `:placeholder` in the source) of `_redirects` Cloudflare Pages reads: it skips the rest. */
export const DYNAMIC_RULES_READ = 100;

const sourceOf = (rule: string) => rule.split(/\s+/u)[0]!;
const isDynamic = (rule: string) => /[*:]/u.test(sourceOf(rule));

/**
 * A `_redirects` file of `rules` (lines, from several outputs or shards): each once, the static ones (a source
 * of one address) before the dynamic ones, as Cloudflare Pages asks; of the dynamic ones, those with a
 * `:placeholder` (the focus views', which no page stands behind) before the splats (a renamed document's, whose
 * old addresses have pages too), so that a host that reads only the first {@link DYNAMIC_RULES_READ} skips
 * only rules a page answers for. Empty when there are none.
 */
export function redirectsFile(rules: Iterable<string>): string {
  const unique = [...new Set([...rules].map((r) => r.trim()).filter(Boolean))];
  const rank = (rule: string) => (!isDynamic(rule) ? 0 : sourceOf(rule).includes(':') ? 1 : 2);
  // A stable sort: rules of one rank keep their order.
  const ordered = unique.sort((a, b) => rank(a) - rank(b));
  return ordered.length ? `${ordered.join('\n')}\n` : '';
}

/** What a build says of a `_redirects` file with more dynamic rules than Cloudflare Pages reads; undefined when it has no more. */
export function redirectsNote(file: string): string | undefined {
  const dynamic = file.split('\n').filter((r) => r && isDynamic(r)).length;
  if (dynamic <= DYNAMIC_RULES_READ) return undefined;
  return `_redirects has ${dynamic} dynamic rules; Cloudflare Pages reads the first ${DYNAMIC_RULES_READ}: the old addresses of renamed documents past them are answered there by their pages`;
}
