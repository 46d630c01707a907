/**
 * Search passages: one paragraph of one voice of one document. Where each
 * language's index lives.
 */

/** One Pagefind index per language, so each is segmented as its language needs. */
export interface LanguageIndex {
  language: string;
  /** The index's folder in the site, e.g. `/pagefind/`, `/pagefind-zh/`. */
  path: string;
}

/** The folder of the index the search code loads, Pagefind's runtime with it: `pagefind/` in the site. */
export const PAGEFIND_FOLDER = 'pagefind';

const INDEX_FOLDER = new RegExp(`^${PAGEFIND_FOLDER}(-[\\w-]+)?$`, 'u');
/** Whether a folder of the site is a language's index (`pagefind`, `pagefind-zh`): Pagefind's runtime and index, no page. */
export const isIndexFolder = (name: string): boolean => INDEX_FOLDER.test(name);

/**
 * Where each language's passages are indexed: English (or, without English,
 * the first language) in `/pagefind/`, the loaded one; every other language
 * in `/pagefind-<lang>/`, merged into searches with Pagefind's `mergeIndex`.
 */
export function languageIndexes(languages: Iterable<string>): LanguageIndex[] {
  const langs = [...new Set(languages)].sort();
  const primary = langs.includes('en') ? 'en' : langs[0];
  if (!primary) return [];
  return [primary, ...langs.filter((l) => l !== primary)].map((language, i) => ({
    language,
    path: i === 0 ? `/${PAGEFIND_FOLDER}/` : `/${PAGEFIND_FOLDER}-${language}/`,
  }));
}
