/**
 * The public addresses of the site, built in one place. They are a contract
 * (the address table in docs/addresses.md): readers' links and citations depend on
 * them, so they never change.
 *
 * Every address starts with the site's base path (`BASE_PATH`, `/` unless
 * the site is served under a sub-path such as a GitHub Pages project site's
 * `/<repository>/`), so they are made by {@link siteAddresses} for a base;
 * pages and the build worker use the site's own (src/config/site-addresses.ts), the
 * browser's code makes them from Astro's `import.meta.env.BASE_URL`.
 */

import type { Voice } from '../seed/document.ts';

/** The id whose target state shows one voice alone on the reading page: `statement-only`. */
export const voiceAloneId = (view: Voice) => `${view}-only`;

/**
 * The id of the `n`th block of a kind on a reading page (1 for the first): `statement`, `statement-2`, …;
 * `commentary`, `commentary-2`, …; `attribution`, `attribution-2`, …
 */
export const partId = (kind: 'statement' | 'commentary' | 'attribution', n: number) => (n === 1 ? kind : `${kind}-${n}`);

/** Page `n` of a paginated list at `path` (`/speakers/`): the path itself, then `<path>page/<n>/`. */
export const pagedPath = (path: string, n = 1) => (n <= 1 ? path : `${path}page/${n}/`);

/** The addresses of a site served under `base` (`/`, or `/reader/`: starting and ending with a slash). */
export function siteAddresses(base: string) {
  /** The file of the site that serves an address (`/reader/old/` → `old/index.html`, `/reader/feed.xml` → `feed.xml`). */
  const fileOf = (path: string) => {
    if (!path.startsWith(base)) throw new Error(`${path} is not an address of the site at ${base}`);
    const inside = path.slice(base.length);
    return inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
  };
  /** A path inside the site (`feed.xml`, or `/feed.xml` from its root) under the base: `/reader/feed.xml`. */
  const inSite = (path: string) => `${base}${path.replace(/^\//u, '')}`;
  return {
    base,
    inSite,
    fileOf,
    /** The reading page: `/<slug>/`. */
    documentPath: (slug: string) => inSite(`${slug}/`),
    /** A focus view, one voice alone: `/<slug>/statement/`, a small page that leads to `voiceAlonePath`. */
    viewPath: (slug: string, view: Voice) => inSite(`${slug}/${view}/`),
    /** The reading page showing one voice alone: `/<slug>/#statement-only`. */
    voiceAlonePath: (slug: string, view: Voice) => inSite(`${slug}/#${voiceAloneId(view)}`),
    /** A paragraph or sentence in the reading page: `/<slug>/#c2`, `/<slug>/#s1.4`. */
    passagePath: (slug: string, id: string) => inSite(`${slug}/#${id}`),
    /** A paragraph's share page: `/<slug>/c2/`. */
    sharePath: (slug: string, paragraphId: string) => inSite(`${slug}/${paragraphId}/`),
    /** The document's preview card: `/<slug>/card.png`. */
    cardPath: (slug: string) => inSite(`${slug}/card.png`),
    /** The preview card of one voice of a document that has another first: `/<slug>/commentary/card.png`. */
    voiceCardPath: (slug: string, voice: string) => inSite(`${slug}/${voice}/card.png`),
    /** The document's open data: `/<slug>/data.json`. */
    dataPath: (slug: string) => inSite(`${slug}/data.json`),
    /** The document's corrections, every version with what it changed: `/<slug>/history/`. */
    historyPath: (slug: string) => inSite(`${slug}/history/`),
    /** Version `n` of the document's text, as it was (1 is the first): `/<slug>/v1/`. */
    versionPath: (slug: string, n: number) => inSite(`${slug}/v${n}/`),

    /** Page `n` of the document list: `/`, `/page/2/`, …. */
    listPath: (n = 1) => pagedPath(base, n),
    /** Every speaker: `/speakers/`. */
    speakersPath: (n = 1) => pagedPath(inSite('speakers/'), n),
    /** A speaker's documents: `/speakers/<slug>/`. */
    speakerPath: (slug: string, n = 1) => pagedPath(inSite(`speakers/${slug}/`), n),
    /** Every source: `/sources/`. */
    sourcesPath: (n = 1) => pagedPath(inSite('sources/'), n),
    /** A source's documents: `/sources/<slug>/` (`toutiao-com`). */
    sourcePath: (slug: string, n = 1) => pagedPath(inSite(`sources/${slug}/`), n),
    /** The archive: `/archive/`. */
    archivePath: () => inSite('archive/'),
    /** A month's documents: `/archive/2025/12/`, or `/archive/undated/`. */
    monthPath: (slug: string, n = 1) => pagedPath(inSite(`archive/${slug}/`), n),
    /** The recurring phrases: `/phrases/`. */
    phrasesPath: (n = 1) => pagedPath(inSite('phrases/'), n),
    /** A phrase's occurrences: `/phrases/<slug>/`. */
    phrasePath: (slug: string, n = 1) => pagedPath(inSite(`phrases/${slug}/`), n),
    /** The search page, with a query or filters set: `/search/?q=…&speaker=…`. */
    searchPath: (params: Record<string, string> = {}) => {
      const query = new URLSearchParams(params).toString();
      return inSite(`search/${query ? `?${query}` : ''}`);
    },
    /** About the reader: `/about/`. */
    aboutPath: () => inSite('about/'),
    /** The Atom feed: `/feed.xml`. */
    feedPath: () => inSite('feed.xml'),
    /** The sitemap, `/sitemap.xml`, or file `n` of a sitemap too large for one, `/sitemap-<n>.xml`. */
    sitemapPath: (n?: number) => inSite(n === undefined ? 'sitemap.xml' : `sitemap-${n}.xml`),
  };
}

/** The addresses of one site (see {@link siteAddresses}). */
export type Addresses = ReturnType<typeof siteAddresses>;
