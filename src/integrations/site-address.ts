/**
 * A build made without SITE_URL writes `http://localhost:4321` into every
 * canonical link, preview card, citation, sitemap and feed entry. Such a
 * site must not be published by mistake: the build says so once, loudly.
 */
import type { AstroIntegration } from 'astro';
import { DEFAULT_SITE_URL } from '../lib/corpus/environment.ts';
import { settings } from '../config/settings.ts';

/** The warning a build with the default address prints (one block, at the start of the build). */
export const DEFAULT_ADDRESS_WARNING = [
  '',
  '████ SITE_URL is not set: this build uses http://localhost:4321 as the site’s address. ████',
  '     Canonical links, preview cards, citations, the sitemap and the feed all carry it.',
  '     Do not publish this build: set SITE_URL=https://your.site/ and build again.',
  '',
].join('\n');

/** Warn once per build when the site's address is the default. */
export function siteAddressIntegration(): AstroIntegration {
  return {
    name: 'annotated-reader:site-address',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (settings().siteUrl === DEFAULT_SITE_URL) logger.warn(DEFAULT_ADDRESS_WARNING);
      },
    },
  };
}
