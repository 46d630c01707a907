/**
 * The files a document's history adds beside its pages, as plain strings
 * (the build worker writes them; `astro dev` serves some through routes):
 * the current version's own address, which leads to the reading page; and,
 * for a renamed seed, a page at each of its old addresses that leads to the
 * new one, with the lines a host's redirect rules take (`_redirects`).
 */
import { formerSlugs } from '../corpus/summaries.ts';
import type { DocumentHistory } from '../history/versions.ts';
import type { Addresses } from './addresses.ts';
import { redirectPage } from './redirect.ts';

/** The page at the current version's address (`/<slug>/v3/`): it leads to the reading page (`addresses`: the site's). */
export function currentVersionRedirect(slug: string, n: number, site: URL, addresses: Pick<Addresses, 'documentPath'>): string {
  const to = addresses.documentPath(slug);
  return redirectPage({ to, canonical: new URL(to, site).href, why: `Version ${n} is the current text of this document.`, title: 'the current text' });
}

/** A file to write: its path in the site (`<slug>/v3/index.html`) and its content. */
export interface SiteFile {
  path: string;
  content: string;
}

/** What a renamed document's old addresses need of it. */
export interface Renamed {
  slug: string;
  /** The seed's file name now. */
  file: string;
  history: Pick<DocumentHistory, 'formerNames' | 'versions' | 'gone'>;
  /** Every paragraph id of the current text. */
  paragraphIds: readonly string[];
}

/**
 * A page at every address a renamed document had under an old slug — its
 * reading page, focus views, history and version pages, and every
 * paragraph's share page — leading to the same address under its slug now.
 * `taken`: slugs other documents use now (their addresses are theirs).
 */
export function formerAddressPages(d: Renamed, site: URL, taken: ReadonlySet<string>, addresses: Addresses): SiteFile[] {
  const { documentPath, viewPath, historyPath, versionPath, sharePath, fileOf } = addresses;
  const files: SiteFile[] = [];
  const ids = [...new Set([...d.paragraphIds, ...d.history.gone.filter((g) => g.kind === 'paragraph').map((g) => g.id)])];
  for (const old of formerSlugs(d)) {
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
      ...ids.map((id): [string, string] => [sharePath(old, id), sharePath(d.slug, id)]),
    ];
    for (const [from, to] of pairs) {
      files.push({
        path: fileOf(from),
        content: redirectPage({ to, canonical: new URL(to, site).href, why: 'This document has a new address.', title: 'its new address' }),
      });
    }
  }
  return files;
}

/** The `_redirects` lines (Netlify, Cloudflare Pages) for a renamed document's old addresses: permanent, fragment kept by the browser. */
export function redirectRules(
  d: Pick<Renamed, 'slug' | 'file' | 'history'>,
  taken: ReadonlySet<string>,
  { documentPath }: Pick<Addresses, 'documentPath'>,
): string[] {
  return formerSlugs(d)
    .filter((old) => !taken.has(old))
    .flatMap((old) => [`${documentPath(old)} ${documentPath(d.slug)} 301`, `${documentPath(old)}* ${documentPath(d.slug)}:splat 301`]);
}
