/**
 * The Astro content loader for `seeds/`: lists the folder, hands each
 * changed seed to the pure modules in `src/lib/` (through
 * `seeds-folder.ts`), and records one entry per seed with its notes and
 * traced quotes. A build with problems lists every one of them, each as one
 * line naming the file and line, then stops with exit code 1.
 *
 * The entries themselves go to a file beside Astro's content store,
 * `entries.jsonl` in its cache folder (one compact entry a line, after a
 * header line); the store keeps, for each document, only the file's path
 * and a digest of its seed and notes. Astro bundles its whole store into the build's
 * JavaScript, which at 10,000 documents costs a gigabyte of memory and tens
 * of seconds; the file is read once by the pages (src/data/documents.ts) and
 * by the build worker, and a changed seed still changes its store digest, so
 * `astro dev` reloads what depends on it.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { compactEntry, type SeedEntry } from '../lib/entry.ts';
import { inShard, type Shard } from '../lib/shard.ts';
import { entryOf, listSeeds, problemLine, readSeedText } from './seeds-folder.ts';

/** The file of entries, in Astro's cache folder. */
export const ENTRIES_FILE = 'entries.jsonl';

/** Changes when the kept form of an entry changes, so a cache of an older form is not reused. */
const ENTRY_FORMAT = 'compact-entry-1';

/** The first line of the entries file. */
export interface EntriesHeader {
  /** Documents in the whole corpus (all shards). */
  total: number;
}

/** What the content store keeps of a document: the file that holds its entry (found there by slug). */
export interface EntryRef {
  /** Absolute path of the entries file. */
  file: string;
}

/** Options of {@link seedLoader}. */
export interface SeedLoaderOptions {
  /** The seeds folder, relative to the project root, as messages should name it (default `seeds`). */
  base?: string;
  /** Only the documents of this shard (default: all). */
  shard?: Shard | undefined;
}

/**
 * Print every problem as the one line a person needs and stop the build,
 * without a stack trace: each message already names the file, line and reason.
 */
function fail(problems: string[]): never {
  for (const p of problems) process.stderr.write(`error: ${p}\n`);
  if (problems.length > 1) process.stderr.write(`error: ${problems.length} problems in the seeds; fix them and build again\n`);
  process.exit(1);
}

/** The compact entries of the last load, by slug, to reuse for unchanged seeds. */
async function previousEntries(path: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (!existsSync(path)) return map;
  const [, ...lines] = (await readFile(path, 'utf8')).split('\n');
  for (const line of lines) if (line) map.set((JSON.parse(line) as { slug: string }).slug, line);
  return map;
}

/** A loader for the `.txt` seeds (and their `.notes.md` notes) of one folder. */
export function seedLoader({ base = 'seeds', shard }: SeedLoaderOptions = {}): Loader {
  const name = base.replace(/\/+$/u, '');
  return {
    name: 'seed-loader',
    async load({ config, store, logger, generateDigest }) {
      const dir = new URL(`${name}/`, config.root);
      const path = fileURLToPath(new URL(ENTRIES_FILE, config.cacheDir));
      const listing = await listSeeds(dir, name);
      if (listing.ignored.length) {
        logger.info(`ignoring ${listing.ignored.length} file(s) in ${name}/ that are neither .txt seeds nor .notes.md notes: ${listing.ignored.join(', ')}`);
      }
      const problems = [...listing.problems];
      const previous = await previousEntries(path);
      const out = createWriteStream(`${path}.new`);
      const write = async (line: string) => {
        if (!out.write(`${line}\n`)) await once(out, 'drain');
      };
      await write(JSON.stringify({ total: listing.seeds.length } satisfies EntriesHeader));
      const stale = new Set(store.keys());
      for (const seed of listing.seeds) {
        if (shard && !inShard(seed.slug, shard)) continue;
        stale.delete(seed.slug);
        let text: string;
        try {
          text = await readSeedText(dir, name, seed);
        } catch (error) {
          problems.push(problemLine(`${name}/${seed.file}`, error));
          continue;
        }
        // The digest covers what the entry is made from, and where and in what form it is kept.
        const digest = generateDigest(`${ENTRY_FORMAT}\u0000${path}\u0000${text}\u0000${seed.notes?.raw ?? ''}`);
        let json = store.get(seed.slug)?.digest === digest ? previous.get(seed.slug) : undefined;
        if (!json) {
          const result = entryOf(name, seed, text);
          for (const w of result.warnings) logger.warn(w);
          if (result.problem) problems.push(result.problem);
          if (!result.entry) continue;
          json = JSON.stringify(compactEntry(result.entry) satisfies SeedEntry);
        }
        await write(json);
        const ref: EntryRef = { file: path };
        store.set({ id: seed.slug, data: ref as unknown as Record<string, unknown>, digest });
      }
      for (const slug of stale) store.delete(slug);
      out.end();
      await once(out, 'finish');
      if (problems.length) fail(problems);
      await rename(`${path}.new`, path);
    },
  };
}
