/** Escape text for HTML content and double-quoted attribute values (the pages written as strings: share pages, search bundles). */
export const escapeHtml = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/** Escape text for XML content and attribute values (the feed, the sitemaps): as for HTML, without the characters XML 1.0 cannot carry at all. */
export const escapeXml = (s: string): string =>
  // eslint-disable-next-line no-control-regex -- these control characters are what it removes
  escapeHtml(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, '');
