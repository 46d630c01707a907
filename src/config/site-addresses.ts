/**
 * This site's addresses (src/lib/publish/addresses.ts), under its base path
 * (`BASE_PATH`, which astro.config.mjs also gives Astro as `base`).
 */
import { siteAddresses } from '../lib/publish/addresses.ts';
import { settings } from './settings.ts';

/** The site's addresses, every one under its base path. */
export const addresses = siteAddresses(settings().basePath);

/** Each of them by name, for pages and components to import. */
export const {
  documentPath,
  viewPath,
  passagePath,
  sharePath,
  cardPath,
  voiceCardPath,
  dataPath,
  historyPath,
  versionPath,
  listPath,
  speakersPath,
  speakerPath,
  sourcesPath,
  sourcePath,
  archivePath,
  monthPath,
  phrasesPath,
  phrasePath,
  searchPath,
  aboutPath,
  feedPath,
  sitemapPath,
  inSite,
} = addresses;
