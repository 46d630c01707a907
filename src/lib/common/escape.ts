/** Escape text for HTML content and double-quoted attribute values (the pages written as strings: share pages, search bundles). */
export const escapeHtml = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
