/**
 * The Astro content loader for `seeds/`: lists the folder, hands each
 * changed seed to the pure modules in `src/lib/` (through
 * `seeds-folder.ts`), and stores one entry per seed with its notes and
 * traced quotes. A build with problems lists every one of them, each as one
 * line naming the file and line, then stops with exit code 1.
 */
import type { Loader } from 'astro/loaders';
import type { SeedEntry } from '../lib/entry.ts';
import { inShard, type Shard } from '../lib/shard.ts';
import { entryOf, listSeeds, problemLine, readSeedText } from './seeds-folder.ts';

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

/** A loader for the `.txt` seeds (and their `.notes.md` notes) of one folder. */
export function seedLoader({ base = 'seeds', shard }: SeedLoaderOptions = {}): Loader {
  const name = base.replace(/\/+$/u, '');
  return {
    name: 'seed-loader',
    async load({ config, store, logger, generateDigest }) {
      const dir = new URL(`${name}/`, config.root);
      const listing = await listSeeds(dir, name);
      if (listing.ignored.length) {
        logger.info(`ignoring ${listing.ignored.length} file(s) in ${name}/ that are neither .txt seeds nor .notes.md notes: ${listing.ignored.join(', ')}`);
      }
      const problems = [...listing.problems];
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
        const digest = generateDigest(`${text}\u0000${seed.notes?.raw ?? ''}`);
        if (store.get(seed.slug)?.digest === digest) continue;
        const result = entryOf(name, seed, text);
        for (const w of result.warnings) logger.warn(w);
        if (result.problem) problems.push(result.problem);
        if (result.entry) store.set({ id: seed.slug, data: result.entry satisfies SeedEntry as unknown as Record<string, unknown>, digest });
      }
      for (const slug of stale) store.delete(slug);
      if (problems.length) fail(problems);
    },
  };
}
