/**
 * A page whose only job is to send readers to another address, for hosts
 * without redirect rules (GitHub Pages): a renamed document's old addresses,
 * the address of the current version. Its script keeps the `#fragment`
 * (`/old/#c2` → `/new/#c2`); without JavaScript a meta refresh goes to the
 * address without it, and the page shows the link.
 */
import { escapeHtml } from '../common/escape.ts';

/** The page's only script: go to the address in `data-to`, with this address's fragment. Its hash is in the page's CSP. */
export const REDIRECT_SCRIPT = 'location.replace(document.documentElement.dataset.to+location.hash)';
/** SHA-256 of {@link REDIRECT_SCRIPT}, base64 (a test checks it). */
export const REDIRECT_SCRIPT_HASH = 'sha256-GraMoKLT/isZtj9W+jo4agoQef8sADxK1L1CjyAhw2A=';

/** What a redirect page says. */
export interface RedirectInput {
  /** The address to go to (a path, or absolute). */
  to: string;
  /** Its absolute address, for the canonical link. */
  canonical: string;
  /** A sentence saying why the reader is sent there ("This document has moved."). */
  why: string;
  title: string;
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
    `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src '${REDIRECT_SCRIPT_HASH}'; style-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'">`,
    `<script>${REDIRECT_SCRIPT}</script>`,
    `<meta http-equiv="refresh" content="0; url=${to}">`,
    '</head><body><main>',
    `<p>${escapeHtml(i.why)} <a href="${to}">Go to ${escapeHtml(i.title)}</a>.</p>`,
    '</main></body></html>\n',
  ].join('');
}
