/**
 * Builds the Pagefind index after the pages (`astro:build:done`), from the
 * passages the site wrote to `search/passages.json`: one custom record per
 * paragraph of one voice. Any error Pagefind reports fails the build with
 * its message.
 */
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { indexBundles, type PassageRecord } from '../lib/passages.ts';

/** Where the site writes its passages, relative to the output folder. */
export const PASSAGES_FILE = 'search/passages.json';

/** Options of {@link pagefindIntegration}. */
export interface PagefindOptions {
  /** Fragment files per language before Pagefind bundles them (keeps file counts bounded for large corpora). Default 2,000. */
  maxFragments?: number;
}

class PagefindFailure extends Error {}

function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length) throw new PagefindFailure(`Pagefind ${what}: ${response.errors.join('; ')}`);
  return response;
}

/** The Astro integration that writes `dist/pagefind/`. */
export function pagefindIntegration({ maxFragments = 2000 }: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'annotated-reader:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const passagesPath = fileURLToPath(new URL(PASSAGES_FILE, dir));
        const records = JSON.parse(await readFile(passagesPath, 'utf8')) as PassageRecord[];
        const started = performance.now();
        try {
          for (const bundle of indexBundles(records.map((r) => r.language))) {
            const { index } = check('createIndex', await pagefind.createIndex({ maxFragments }));
            if (!index) throw new PagefindFailure('Pagefind createIndex returned no index');
            const own = records.filter((r) => r.language === bundle.language);
            for (const r of own) check(`record ${r.url}`, await index.addCustomRecord(r));
            const outputPath = fileURLToPath(new URL(`.${bundle.path}`, dir));
            check('writeFiles', await index.writeFiles({ outputPath }));
            logger.info(`indexed ${own.length} ${bundle.language} passages into ${bundle.path}`);
          }
          logger.info(`search index built in ${Math.round(performance.now() - started)} ms`);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          logger.error(message);
          throw new Error(message);
        } finally {
          await pagefind.close();
          await rm(passagesPath);
        }
      },
    },
  };
}
