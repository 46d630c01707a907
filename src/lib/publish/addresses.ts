/**
 * The public addresses of a document, built in one place. They are a
 * contract (the README's address table): readers' links and citations
 * depend on them, so they never change.
 */

import type { Voice } from '../seed/document.ts';

/** The reading page: `/<slug>/`. */
export const documentPath = (slug: string) => `/${slug}/`;
/** A focus view, one voice alone: `/<slug>/statement/`. */
export const viewPath = (slug: string, view: Voice) => `/${slug}/${view}/`;
/** A paragraph or sentence in the reading page: `/<slug>/#c2`, `/<slug>/#s1.4`. */
export const passagePath = (slug: string, id: string) => `/${slug}/#${id}`;
/** A paragraph's share page: `/<slug>/c2/`. */
export const sharePath = (slug: string, paragraphId: string) => `/${slug}/${paragraphId}/`;
/** The document's preview card: `/<slug>/card.png`. */
export const cardPath = (slug: string) => `/${slug}/card.png`;
/** The preview card of one voice of a document that has another first: `/<slug>/commentary/card.png`. */
export const voiceCardPath = (slug: string, voice: string) => `/${slug}/${voice}/card.png`;
/** The document's open data: `/<slug>/data.json`. */
export const dataPath = (slug: string) => `/${slug}/data.json`;
/** The document's corrections, every version with what it changed: `/<slug>/history/`. */
export const historyPath = (slug: string) => `/${slug}/history/`;
/** Version `n` of the document's text, as it was (1 is the first): `/<slug>/v1/`. */
export const versionPath = (slug: string, n: number) => `/${slug}/v${n}/`;

/** Page `n` of a paginated list at `base` (`/speakers/`): the base itself, then `<base>page/<n>/`. */
export const pagedPath = (base: string, n = 1) => (n <= 1 ? base : `${base}page/${n}/`);
/** Page `n` of the document list: `/`, `/page/2/`, …. */
export const listPath = (n = 1) => pagedPath('/', n);
/** Every speaker: `/speakers/`. */
export const speakersPath = (n = 1) => pagedPath('/speakers/', n);
/** A speaker's documents: `/speakers/<slug>/`. */
export const speakerPath = (slug: string, n = 1) => pagedPath(`/speakers/${slug}/`, n);
/** Every source: `/sources/`. */
export const sourcesPath = (n = 1) => pagedPath('/sources/', n);
/** A source's documents: `/sources/<slug>/` (`toutiao-com`). */
export const sourcePath = (slug: string, n = 1) => pagedPath(`/sources/${slug}/`, n);
/** The archive: `/archive/`. */
export const archivePath = () => '/archive/';
/** A month's documents: `/archive/2025/12/`, or `/archive/undated/`. */
export const monthPath = (slug: string, n = 1) => pagedPath(`/archive/${slug}/`, n);
/** The recurring phrases: `/phrases/`. */
export const phrasesPath = (n = 1) => pagedPath('/phrases/', n);
/** A phrase's occurrences: `/phrases/<slug>/`. */
export const phrasePath = (slug: string, n = 1) => pagedPath(`/phrases/${slug}/`, n);
/** The search page with a query or filters set: `/search/?q=…&speaker=…`. */
export const searchPath = (params: Record<string, string>) => `/search/?${new URLSearchParams(params)}`;
