/**
 * URL slugs for seed files. A slug is part of every public address
 * (`/<slug>/#s1`), so it depends only on the file name.
 */

/**
 * The slug of a text: lowercased, accents removed, every run of other
 * characters turned into one `-`. A text with no Latin letters or digits (a
 * Chinese name, say) gets `<prefix>-` and a short hash of it, so it stays
 * stable and unique.
 */
export function slugOf(text: string, prefix: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/gu, '-')
    .replace(/^[-_]+|[-_]+$/gu, '');
  return slug || `${prefix}-${hash(text)}`;
}

/** The slug of a seed file name: the slug of the name without its extension (`doc-<hash>` without Latin letters). */
export function slugify(fileName: string): string {
  return slugOf(fileName.replace(/\.[^.]*$/u, ''), 'doc');
}

/** FNV-1a, 32 bits, as 8 hex digits: stable across runs and machines. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (const ch of s) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
