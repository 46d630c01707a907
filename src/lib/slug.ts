/**
 * URL slugs for seed files. A slug is part of every public address
 * (`/<slug>/#s1`), so it depends only on the file name.
 */

/**
 * The slug of a seed file name: without its extension, lowercased, accents
 * removed, every run of other characters turned into one `-`. A name with no
 * Latin letters or digits (a Chinese title, say) gets `doc-` and a short hash
 * of the name, so it stays stable and unique.
 */
export function slugify(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/u, '');
  const slug = base
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/gu, '-')
    .replace(/^[-_]+|[-_]+$/gu, '');
  return slug || `doc-${hash(base)}`;
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
