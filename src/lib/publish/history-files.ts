/**
 * The files a document's history adds beside its pages, as plain strings
 * (the build worker writes them; `astro dev` serves some through routes):
 * the current version's own address, which leads to the reading page; and,
 * for a renamed seed, a page at each of its old addresses that leads to the
 * new one, with the lines a host's redirect rules take (`_redirects`).
 */
import { slugify } from '../common/slug.ts';
import type { DocumentHistory } from '../history/versions.ts';
import { documentPath, historyPath, versionPath, viewPath } from './addresses.ts';
import { redirectPage } from './redirect.ts';

/** The page at the current version's address (`/<slug>/v3/`): it leads to the reading page. */
export function currentVersionRedirect(slug: string, n: number, site: URL): string {
  const to = documentPath(slug);
  return redirectPage({ to, canonical: new URL(to, site).href, why: `Version ${n} is the current text of this document.`, title: 'the current text' });
}

/** A file to write: its path in the site (`/<slug>/v3/index.html`) and its content. */
export interface SiteFile {
  path: string;
  content: string;
}

/** What a renamed document's old addresses need of it. */
export interface Renamed {
  slug: string;
  history: Pick<DocumentHistory, 'formerNames' | 'versions' | 'gone'>;
  /** Every paragraph id of the current text. */
  paragraphIds: readonly string[];
}

/** The slugs a document had under its former file names (never its present one). */
export function formerSlugs(slug: string, history: Pick<DocumentHistory, 'formerNames'> | undefined): string[] {
  return [...new Set((history?.formerNames ?? []).map((name) => slugify(name)))].filter((s) => s !== slug);
}

/**
 * A page at every address a renamed document had under an old slug — its
 * reading page, focus views, history and version pages, and every
 * paragraph's share page — leading to the same address under its slug now.
 * `taken`: slugs other documents use now (their addresses are theirs).
 */
export function formerAddressPages(d: Renamed, site: URL, taken: ReadonlySet<string>): SiteFile[] {
  const files: SiteFile[] = [];
  const ids = [...new Set([...d.paragraphIds, ...d.history.gone.filter((g) => g.kind === 'paragraph').map((g) => g.id)])];
  for (const old of formerSlugs(d.slug, d.history)) {
    if (taken.has(old)) continue;
    const pairs: [string, string][] = [
      [documentPath(old), documentPath(d.slug)],
      [viewPath(old, 'statement'), viewPath(d.slug, 'statement')],
      [viewPath(old, 'commentary'), viewPath(d.slug, 'commentary')],
      ...(d.history.versions.length > 1
        ? [
            [historyPath(old), historyPath(d.slug)] as [string, string],
            ...d.history.versions.map((v): [string, string] => [versionPath(old, v.n), versionPath(d.slug, v.n)]),
          ]
        : []),
      ...ids.map((id): [string, string] => [`/${old}/${id}/`, `/${d.slug}/${id}/`]),
    ];
    for (const [from, to] of pairs) {
      files.push({
        path: `${from}index.html`,
        content: redirectPage({ to, canonical: new URL(to, site).href, why: 'This document has a new address.', title: 'its new address' }),
      });
    }
  }
  return files;
}

/** The `_redirects` lines (Netlify, Cloudflare Pages) for a renamed document's old addresses: permanent, fragment kept by the browser. */
export function redirectRules(slug: string, history: Pick<DocumentHistory, 'formerNames'> | undefined, taken: ReadonlySet<string>): string[] {
  return formerSlugs(slug, history)
    .filter((old) => !taken.has(old))
    .flatMap((old) => [`/${old}/ /${slug}/ 301`, `/${old}/* /${slug}/:splat 301`]);
}
