/** How many readings to check a build shows by name. */
const SHOWN_DOUBTS = 3;

/**
 * The Astro content loader for `seeds/`: lists the folder, hands each
 * changed seed to the pure modules in `src/lib/` (through
 * `seeds-folder.ts`), and records one entry per seed with its notes and
 * traced quotes. A build with problems stops: the loader throws them all
 * as one ProblemError (src/lib/common/problem.ts), which Astro prints, one
 * line each naming the file and line, and exits with code 1. In `astro dev`
 * it logs them through Astro instead, and the pages show them (Astro's
 * error overlay) until they are fixed.
 *
 * The entries themselves go to a file beside Astro's content store,
 * `entries.jsonl` in its cache folder (one compact entry a line, after a
 * header line); the store keeps, for each document, only the file's path
 * and a digest of its seed and notes. Astro bundles its whole store into the build's
 * JavaScript, which at 10,000 documents costs a gigabyte of memory and tens
 * of seconds; the file is read once by the pages (src/build-data/documents.ts) and
 * by the build worker, and a changed seed still changes its store digest, so
 * `astro dev` reloads what depends on it.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { problemLine, ProblemError, type Problem } from '../lib/common/problem.ts';
import { decodeSeed, fileRole } from '../lib/corpus/folder.ts';
import { compactEntry, type SeedEntry } from '../lib/notes/entry.ts';
import { inShard, type Shard } from '../lib/corpus/shard.ts';
import { ENTRIES_FILE, entryLinesBySlug, type EntriesHeader } from './entries-file.ts';
import { entryOf, listSeeds, readSeedOr, type SeedFile } from './seeds-folder.ts';
import { readFolderHistory, seedRevisions } from './git-history.ts';

/** Folders whose missing history was already said (once per process). */
const saidMissing = new Set<string>();

/**
 * In `astro dev`, the entry that holds the last load's problems while there
 * are any: the pages show them (src/build-data/documents.ts). Slugs never start
 * with `!`.
 */
export const PROBLEMS_ID = '!problems';

/** The data of the {@link PROBLEMS_ID} entry. */
export interface ProblemsEntry {
  problems: Problem[];
}

/** Changes when the kept form of an entry changes, so a cache of an older form is not reused. */
const ENTRY_FORMAT = 'compact-entry-4';

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
  /** Stop the build when the seeds have no git history, instead of building each text as one version (`HISTORY=required`). */
  historyRequired?: boolean;
}

/** Whether a path names a file this loader reads from the folder `dir` (a seed, a notes file, the alias file). */
const isSeedPath = (path: string, dir: string) => dirname(path) === dir.replace(/\/+$/u, '') && fileRole(basename(path)) !== 'ignored';

/** Removes the file watcher's listeners of the loader made last (in `astro dev`). */
let stopWatching: (() => void) | undefined;

/** A loader for the `.txt` seeds (and their `.notes.md` notes) of one folder. */
export function seedLoader({ base = 'seeds', shard, historyRequired = false }: SeedLoaderOptions = {}): Loader {
  const name = base.replace(/\/+$/u, '');
  let watching = false;
  /** Loads run one after the other; an edit during a load queues one more. */
  let queue: Promise<void> = Promise.resolve();

  async function sync(context: LoaderContext): Promise<void> {
    const { config, store, logger, watcher } = context;
    const generateDigest = (data: string) => context.generateDigest(data);
    const dev = Boolean(watcher);
    const dir = new URL(`${name}/`, config.root);
    const path = fileURLToPath(new URL(ENTRIES_FILE, config.cacheDir));
    const listing = await listSeeds(dir, name);
    if (listing.ignored.length) {
      logger.info(`ignoring ${listing.ignored.length} file(s) in ${name}/ that are neither .txt seeds nor .notes.md notes: ${listing.ignored.join(', ')}`);
    }
    const problems = [...listing.problems];
    /** Readings to check (src/lib/notes/doubts.ts): counted, the first few shown, never a flood and never a stop. */
    const doubts: Problem[] = [];
    // The compact entries of the last load, to reuse for unchanged seeds.
    const previous = entryLinesBySlug(path);
    await mkdir(dirname(path), { recursive: true });
    const out = createWriteStream(`${path}.new`);
    const write = async (line: string) => {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    };
    await write(JSON.stringify({ total: listing.seeds.length } satisfies EntriesHeader));
    const stale = new Set(store.keys());
    // The folder's git history, in one pass: each seed's versions (src/loaders/git-history.ts).
    const history = await readFolderHistory(fileURLToPath(dir));
    if (history.missing && historyRequired) problems.push({ file: `${name}/`, message: `${history.missing} (HISTORY=required)` });
    else if (history.missing && !saidMissing.has(name)) {
      saidMissing.add(name);
      logger.warn(`${name}/: ${history.missing}`);
    }
    const seeds: { seed: SeedFile; text: string; digest: string; json?: string | undefined }[] = [];
    for (const seed of listing.seeds) {
      if (shard && !inShard(seed.slug, shard)) continue;
      const text = await readSeedOr(dir, name, seed, problems);
      if (text === undefined) continue;
      // The digest covers what the entry is made from (the seed's commits too), and where and in what form it is kept.
      const commits = history.files.get(seed.file)?.revisions.map((r) => `${r.commit}:${r.blob}:${r.file}`) ?? [];
      const digest = generateDigest(
        `${ENTRY_FORMAT}\u0000${path}\u0000${text}\u0000${seed.notes?.raw ?? ''}\u0000${seed.published?.raw ?? ''}\u0000${listing.aliasesRaw}\u0000${commits.join(' ')}`,
      );
      seeds.push({ seed, text, digest, json: store.get(seed.slug)?.digest === digest ? previous.get(seed.slug) : undefined });
    }
    const changed = seeds.filter((s) => !s.json);
    const versions = await seedRevisions(
      fileURLToPath(dir),
      history,
      changed.map(({ seed, text }) => ({ file: seed.file, text })),
      decodeSeed,
    );
    for (const w of versions.warnings) logger.warn(`${name}/${w}`);
    for (const { seed, text, digest, json: kept } of seeds) {
      let json = kept;
      if (!json) {
        const revisions = versions.revisions.get(seed.file) ?? [];
        const result = entryOf(name, seed, text, listing.aliases, { revisions, formerNames: history.files.get(seed.file)?.formerNames ?? [] });
        for (const w of result.warnings) logger.warn(problemLine(w));
        doubts.push(...result.doubts);
        problems.push(...result.problems);
        if (!result.entry) continue;
        json = JSON.stringify(compactEntry(result.entry) satisfies SeedEntry);
      }
      stale.delete(seed.slug);
      await write(json);
      const ref: EntryRef = { file: path };
      store.set({ id: seed.slug, data: ref as unknown as Record<string, unknown>, digest });
    }
    // A seed that no longer loads leaves the store too, so that the pages reload and show why.
    stale.delete(PROBLEMS_ID);
    for (const slug of stale) store.delete(slug);
    if (doubts.length) {
      const shown = doubts.slice(0, SHOWN_DOUBTS).map((d) => `  ${problemLine(d)}`);
      logger.warn(
        [
          `${doubts.length} reading(s) of the seeds read here to check; \`npm run check:seeds\` lists them all:`,
          ...shown,
          ...(doubts.length > SHOWN_DOUBTS ? ['  …'] : []),
        ].join('\n'),
      );
    }
    out.end();
    await once(out, 'finish');
    if (problems.length && !dev) throw new ProblemError(problems, { summary: `${problems.length} problems in the seeds; fix them and build again` });
    await rename(`${path}.new`, path);
    if (dev) {
      // The pages show the problems (in Astro's error overlay) until they are fixed; the entry's change reloads them.
      const lines = problems.map(problemLine);
      for (const line of lines) logger.error(line);
      const had = store.has(PROBLEMS_ID);
      if (problems.length) {
        store.set({ id: PROBLEMS_ID, data: { problems } satisfies ProblemsEntry, digest: generateDigest(lines.join('\n')) });
      } else if (had) {
        store.delete(PROBLEMS_ID);
        logger.info(`${name}/: every problem is fixed`);
      }
    }
  }

  return {
    name: 'seed-loader',
    async load(context) {
      // Through the queue, so a load and a watched edit never write the entries file at once.
      const loaded = queue.then(() => sync(context));
      queue = loaded.catch(() => undefined);
      await loaded;
      const { watcher, config, logger } = context;
      if (!watcher || watching) return;
      // In `astro dev`: an added, edited, renamed or deleted seed or notes file loads again (and the pages reload).
      watching = true;
      const dir = fileURLToPath(new URL(`${name}/`, config.root));
      watcher.add(dir);
      const onChange = (changed: string) => {
        if (!isSeedPath(changed, dir)) return;
        queue = queue.then(() => sync(context)).catch((error: unknown) => logger.error(String(error)));
      };
      // A loader made again (Astro reloads its config) replaces the previous one's listeners rather than adding to them.
      stopWatching?.();
      const events = ['add', 'change', 'unlink'] as const;
      for (const event of events) watcher.on(event, onChange);
      stopWatching = () => {
        for (const event of events) watcher.off(event, onChange);
      };
    },
  };
}
