/**
 * URL slugs for seed files. A slug is part of every public address
 * (`/<slug>/#s1`), so it depends only on the file name.
 */
import { fnv1a } from './hash.ts';

/**
 * The slug of a text: lowercased, accents removed, every run of other
 * characters turned into one `-`. A text with no Latin letters or digits (a
 * Chinese name, say) gets `<prefix>-` and its hash (8 hex digits), so it stays
 * stable and unique.
 */
export function slugOf(text: string, prefix: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/gu, '-')
    .replace(/^[-_]+|[-_]+$/gu, '');
  return slug || `${prefix}-${fnv1a(text).toString(16).padStart(8, '0')}`;
}

/** The slug of a seed file name: the slug of the name without its extension (`doc-<hash>` without Latin letters). */
export function slugify(fileName: string): string {
  return slugOf(fileName.replace(/\.[^.]*$/u, ''), 'doc');
}
