/**
 * The Astro content loader for `seeds/`: reads the files, hands the text to
 * the pure parser in `src/lib/`, and stores one entry per seed. Problems that
 * stop the build are reported as one line naming the file (see `fail`).
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Loader } from 'astro/loaders';
import { assertUniqueSlugs, decodeSeed, fileRole, SeedError } from '../lib/corpus.ts';
import { parseSeed, type SeedDocument } from '../lib/parse.ts';
import { documentTitle } from '../lib/summary.ts';

/** What the loader stores for one seed. */
export interface SeedEntry {
  /** The file name inside the seeds folder. */
  file: string;
  slug: string;
  title: string;
  doc: SeedDocument;
}

/** Options of {@link seedLoader}. */
export interface SeedLoaderOptions {
  /** The seeds folder, relative to the project root, as messages should name it (default `seeds`). */
  base?: string;
}

/**
 * Print a seed problem as the one line a person needs and stop the build,
 * without a stack trace: the message already names the file, line and reason.
 */
function fail(error: SeedError): never {
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(1);
}

/** A loader for the `.txt` seeds of one folder. */
export function seedLoader({ base = 'seeds' }: SeedLoaderOptions = {}): Loader {
  const dirName = base.replace(/\/+$/u, '');
  return {
    name: 'seed-loader',
    async load({ config, store, logger, generateDigest }) {
      try {
        const dir = new URL(`${dirName}/`, config.root);
        const names = await readdir(dir).catch(() => {
          throw new SeedError(`${dirName}: the seeds folder does not exist; create it and add .txt seeds`);
        });
        const seeds = names.filter((n) => fileRole(n) === 'seed');
        const ignored = names.filter((n) => fileRole(n) === 'ignored' && !n.startsWith('.'));
        if (ignored.length) {
          logger.info(`ignoring ${ignored.length} file(s) in ${dirName}/ that are neither .txt seeds nor .notes.md notes: ${ignored.join(', ')}`);
        }
        if (seeds.length === 0) throw new SeedError(`${dirName}: no .txt seeds found`);
        const bySlug = assertUniqueSlugs(dirName, seeds);
        const stale = new Set(store.keys());
        for (const [slug, file] of bySlug) {
          stale.delete(slug);
          const path = `${dirName}/${file}`;
          const text = decodeSeed(path, await readFile(new URL(encodeURIComponent(file), dir)));
          const digest = generateDigest(text);
          if (store.get(slug)?.digest === digest) continue;
          const doc = parseSeed(text);
          for (const w of doc.warnings) logger.warn(`${path}:${w.line}: ${w.message}`);
          const data: SeedEntry = { file, slug, title: documentTitle(doc, file), doc };
          store.set({ id: slug, data: data as unknown as Record<string, unknown>, digest });
        }
        for (const slug of stale) store.delete(slug);
      } catch (error) {
        if (error instanceof SeedError) fail(error);
        throw error;
      }
    },
  };
}
