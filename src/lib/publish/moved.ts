/**
 * A page that keeps an address working once what it showed lives elsewhere:
 * static hosts without redirect rules (GitHub Pages) serve this small page
 * at the old address. It sends the reader on at once, without script (a meta
 * refresh) or, with script, keeping the fragment the old address was
 * followed with (`/<slug>/statement/#s1.2` → `/<slug>/#s1.2`); a canonical
 * link names the new address; anyone who stays sees one link to it.
 *
 * Like share pages these are plain strings from one template (written by the
 * build worker beside Astro's pages; by a route in `astro dev`).
 */
import { escapeHtml } from '../common/escape.ts';
import { VOICES, type Voice } from '../seed/document.ts';
import { passagePath, voiceAlonePath } from './addresses.ts';
import { SHARE_STYLE, SHARE_STYLE_HASH } from './share.ts';

/** What a moved page says. */
export interface MovedPageInput {
  /** The site's address (`SITE_URL`). */
  site: URL;
  /** The page's title: what the old address showed. */
  title: string;
  /** Where it is now: a path, with the fragment a reader lands on (`/<slug>/#statement-only`). */
  target: string;
  /** The link's words (`Read the statement alone`). */
  label: string;
}

/**
 * The moved page's only script: on to the target, keeping the fragment the
 * old address was followed with when it had one. It reads the target from
 * the page's one link, so every moved page has the same script and one hash.
 */
export const MOVED_SCRIPT = 'var a=document.links[0];location.replace(a.pathname+(location.hash||a.hash))';
/** SHA-256 of {@link MOVED_SCRIPT}, base64 (a test checks it). */
export const MOVED_SCRIPT_HASH = 'sha256-rnqMSJEh+z2401+za09UB7Vnmwtg8nW9hhN7IWIfuNo=';

/** The moved page's HTML. */
export function movedPage(i: MovedPageInput): string {
  const canonical = new URL(i.target.replace(/#.*$/u, ''), i.site).href;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(i.title)}</title>`,
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(i.target)}">`,
    `<meta http-equiv="content-security-policy" content="default-src 'self'; img-src 'self' data:; style-src '${SHARE_STYLE_HASH}'; script-src '${MOVED_SCRIPT_HASH}'; object-src 'none'; base-uri 'self'; form-action 'self'">`,
    `<style>${SHARE_STYLE}</style>`,
  ].join('');
  const body = `<main id="main"><h1>${escapeHtml(i.title)}</h1><p><a href="${escapeHtml(i.target)}">${escapeHtml(i.label)}</a></p></main><script>${MOVED_SCRIPT}</script>`;
  return `<!DOCTYPE html><html lang="en"><head>${head}</head><body>${body}</body></html>\n`;
}

/**
 * The page at a focus view's address (`/<slug>/statement/`): it leads to the
 * reading page showing that voice alone, or, for a document of one voice
 * (whose reading page shows it alone anyway), to that voice.
 */
export function focusViewPage(site: URL, doc: { slug: string; title: string; voices: readonly Voice[] }, view: Voice): string {
  const target = doc.voices.length > 1 ? voiceAlonePath(doc.slug, view) : passagePath(doc.slug, view);
  return movedPage({ site, title: `${VOICES[view]} only · ${doc.title}`, target, label: `Read the ${view} alone` });
}
