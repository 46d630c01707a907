/** How many readings to check a build shows by name. */
const SHOWN_DOUBTS = 3;
/** Up to how many seeds read again after an edit the dev server names. */
const NAMED_CHANGES = 3;

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
 *
 * In `astro dev`, an edit loads the folder again, but reads again only the
 * seeds whose files changed, makes only their entries, and reads the git
 * history again only when the commit checked out changes; it says in the
 * terminal how many seeds it read again. Pages then parse only the changed
 * entries (src/build-data/documents.ts).
 */
import { once } from 'node:events';
import { appendFileSync, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { problemLine, ProblemError, type Problem } from '../lib/common/problem.ts';
import { decodeSeed, fileRole } from '../lib/corpus/folder.ts';
import { compactEntry, type SeedEntry } from '../lib/notes/entry.ts';
import { inShard, type Shard } from '../lib/corpus/shard.ts';
import { codeVersion } from './code-version.ts';
import { ENTRIES_FILE, entriesHeader, entryLinesBySlug, type EntriesHeader } from './entries-file.ts';
import { entryOf, listSeeds, readSeedOr, type SeedFile } from './seeds-folder.ts';
import { historyStamp, readFolderHistory, seedRevisions, type FolderHistory } from './git-history.ts';

/** Folders whose missing history was already said (once per process). */
const saidMissing = new Set<string>();

/**
 * In `astro dev`, the entry that holds the last load's problems while there
 * are any: the pages show them (src/build-data/documents.ts). Slugs never start
 * with `!`.
 */
export const PROBLEMS_ID = '!problems';

/**
 * The entry whose digest changes whenever a document's does (or one comes or
 * goes), or the problems do: what pages compute from the whole corpus is computed again when it
 * changes (src/build-data/per-build.ts). Its data is an {@link EntryRef}.
 */
export const CORPUS_ID = '!corpus';

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

/**
 * What a load in `astro dev` keeps for the next one, which an edit starts:
 * each seed's text with the file's size and time (a seed is read again only
 * when they change, or when the watcher says it changed) and its digest with
 * what else it was made from, each entry's line with its digest, and the
 * folder's git history with the state of the repository it was read at.
 */
interface Kept {
  texts: Map<string, KnownText>;
  lines: Map<string, { digest: string; line: string }>;
  history?: { head: string; value: FolderHistory };
}

/** A seed's text as a load read it, with its digest and what else the digest was made from. */
interface KnownText {
  stamp: string;
  text: string;
  inputs?: string;
  digest?: string;
}

/**
 * Where `astro dev` shares the entries' lines of the last load with the
 * pages, which run in the same process: a page after an edit takes the
 * changed entry from here rather than from the file (src/build-data/documents.ts).
 */
export const DEV_ENTRY_LINES = Symbol.for('annotated-reader/entry-lines');

/**
 * A seed's text: the one read before when the file is not among those the
 * watcher says were `touched` (file names; all are, when undefined), or its
 * size and time are unchanged; else what `read` reads.
 */
function knownText(
  dir: URL,
  seed: SeedFile,
  before: ReadonlyMap<string, KnownText>,
  touched: ReadonlySet<string> | undefined,
  read: () => string | undefined,
): KnownText | undefined {
  const known = before.get(seed.file);
  if (known && touched && !touched.has(seed.file)) return known;
  let stamp: string;
  try {
    const stat = statSync(new URL(encodeURIComponent(seed.file), dir));
    stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    stamp = '';
  }
  if (known && stamp && known.stamp === stamp) return known;
  return unstamped(read(), stamp);
}

/** A text just read (none when it could not be). */
const unstamped = (text: string | undefined, stamp = ''): KnownText | undefined => (text === undefined ? undefined : { stamp, text });

/**
 * Writes the entries file: the whole file, put in place by `done(true)`
 * (`done(false)` leaves the last one); or, when `append`ing, only the lines
 * written `made` (made again by this load) added to the end of it.
 */
function entriesWriter(path: string, append: boolean) {
  const made: string[] = [];
  const out = append ? undefined : createWriteStream(`${path}.new`);
  return {
    /** The first line: the file's header (left as it was when appending). */
    async header(line: string): Promise<void> {
      if (out && !out.write(`${line}\n`)) await once(out, 'drain');
    },
    async write(line: string, isMade: boolean): Promise<void> {
      if (out) {
        if (!out.write(`${line}\n`)) await once(out, 'drain');
      } else if (isMade) made.push(line);
    },
    async done(keep: boolean): Promise<void> {
      if (!out) {
        if (made.length && keep) appendFileSync(path, made.map((line) => `${line}\n`).join(''));
        return;
      }
      out.end();
      await once(out, 'finish');
      if (keep) await rename(`${path}.new`, path);
      else await rm(`${path}.new`, { force: true });
    },
  };
}

/** Removes the file watcher's listeners of the loader made last (in `astro dev`). */
let stopWatching: (() => void) | undefined;

/** A loader for the `.txt` seeds (and their `.notes.md` notes) of one folder. */
export function seedLoader({ base = 'seeds', shard, historyRequired = false }: SeedLoaderOptions = {}): Loader {
  const name = base.replace(/\/+$/u, '');
  let watching = false;
  /** Loads run one after the other; an edit during a load queues one more. */
  let queue: Promise<void> = Promise.resolve();

  // In `astro dev`, what the last load read, so that an edit reads again only what it touched (see {@link Kept}).
  const kept: Kept = { texts: new Map(), lines: new Map() };
  let loads = 0;

  async function sync(context: LoaderContext, touched?: ReadonlySet<string>): Promise<void> {
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
    // The compact entries of the last load, to reuse for unchanged seeds: in `astro dev` kept in memory from it.
    // A cache that another version of the code made, or that is damaged, is not reused, and the build says so.
    const code = codeVersion();
    const cached = kept.lines.size ? undefined : entriesHeader(path);
    const cacheName = relative(fileURLToPath(config.root), path);
    if (cached && cached.code !== code) logger.info(`${cacheName}: made by another version of the reader; every seed is read again`);
    const fromFile = kept.lines.size ? undefined : cached?.code === code ? entryLinesBySlug(path) : new Map<string, string>();
    let damaged = 0;
    /** The entry the last load made for this seed (whose digest the store still has), if it can be read. */
    const previous = (slug: string, digest: string) => {
      if (!fromFile) return kept.lines.get(slug)?.digest === digest ? kept.lines.get(slug)!.line : undefined;
      const line = fromFile.get(slug);
      try {
        if (line !== undefined && (JSON.parse(line) as { slug?: unknown }).slug === slug) return line;
      } catch {
        // Cut short or garbled: made again below.
      }
      if (cached?.code === code) damaged++;
      return undefined;
    };
    // Synchronously, as the dev server's other small file work here: each wait lets pages render first.
    mkdirSync(dirname(path), { recursive: true });
    // In `astro dev` after the first load, only the entries made again are appended (see entryLinesBySlug), to the file
    // the first load wrote whole (if it is gone, it is written whole again).
    const writer = entriesWriter(path, dev && kept.lines.size > 0 && existsSync(path));
    await writer.header(JSON.stringify({ total: listing.seeds.length, code } satisfies EntriesHeader));
    // The folder's git history, in one pass: each seed's versions (src/loaders/git-history.ts); in `astro dev`, read again when the commit checked out changes.
    const head = dev ? historyStamp(fileURLToPath(dir)) : '';
    const history = kept.history?.head === head && dev ? kept.history.value : await readFolderHistory(fileURLToPath(dir));
    if (dev) kept.history = { head, value: history };
    if (history.missing && historyRequired) problems.push({ file: `${name}/`, message: `${history.missing} (HISTORY=required)` });
    else if (history.missing && !saidMissing.has(name)) {
      saidMissing.add(name);
      logger.warn(`${name}/: ${history.missing}`);
    }
    const seeds: { seed: SeedFile; text: string; digest: string; json?: string | undefined }[] = [];
    const texts = new Map<string, KnownText>();
    for (const seed of listing.seeds) {
      if (shard && !inShard(seed.slug, shard)) continue;
      const read = () => readSeedOr(dir, name, seed, problems);
      const known = dev ? knownText(dir, seed, kept.texts, touched, read) : unstamped(read());
      if (!known) continue;
      const { text } = known;
      // The digest covers what the entry is made from (the seed's commits too), and where and in what form it is kept.
      const commits = history.files.get(seed.file)?.revisions.map((r) => `${r.commit}:${r.blob}:${r.file}`) ?? [];
      const inputs = `${seed.notes?.raw ?? ''}\u0000${seed.published?.raw ?? ''}\u0000${listing.aliasesRaw}\u0000${commits.join(' ')}`;
      const digest =
        known.digest !== undefined && known.inputs === inputs
          ? known.digest
          : generateDigest(`${ENTRY_FORMAT}\u0000${code}\u0000${path}\u0000${text}\u0000${inputs}`);
      if (dev) texts.set(seed.file, { stamp: known.stamp, text, inputs, digest });
      seeds.push({ seed, text, digest, json: store.get(seed.slug)?.digest === digest ? previous(seed.slug, digest) : undefined });
    }
    if (dev) kept.texts = texts;
    if (damaged)
      logger.warn(
        `${cacheName}: ${damaged} cached entr${damaged === 1 ? 'y' : 'ies'} could not be read (the file is damaged or cut short); made again from the seeds`,
      );
    const changed = seeds.filter((s) => !s.json);
    const versions = await seedRevisions(
      fileURLToPath(dir),
      history,
      changed.map(({ seed, text }) => ({ file: seed.file, text })),
      decodeSeed,
    );
    for (const w of versions.warnings) logger.warn(`${name}/${w}`);
    const keptLines = new Map<string, { digest: string; line: string }>();
    const refs: { slug: string; digest: string }[] = [];
    for (const { seed, text, digest, json: reused } of seeds) {
      let json = reused;
      if (!json) {
        const revisions = versions.revisions.get(seed.file) ?? [];
        const result = entryOf(name, seed, text, listing.aliases, { revisions, formerNames: history.files.get(seed.file)?.formerNames ?? [] });
        for (const w of result.warnings) logger.warn(problemLine(w));
        doubts.push(...result.doubts);
        problems.push(...result.problems);
        if (!result.entry) continue;
        json = JSON.stringify(compactEntry(result.entry) satisfies SeedEntry);
      }
      await writer.write(json, json !== reused);
      if (dev) keptLines.set(seed.slug, { digest, line: json });
      refs.push({ slug: seed.slug, digest });
    }
    if (dev) {
      kept.lines = keptLines;
      (globalThis as Record<symbol, unknown>)[DEV_ENTRY_LINES] = keptLines;
    }
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
    // The file first, then the store: a page that a changed entry reloads reads the entries of this load.
    await writer.done(!problems.length || dev);
    if (problems.length && !dev) throw new ProblemError(problems, { summary: `${problems.length} problems in the seeds; fix them and build again` });
    const stale = new Set(store.keys());
    const ref: EntryRef = { file: path };
    for (const { slug, digest } of refs) {
      stale.delete(slug);
      store.set({ id: slug, data: ref as unknown as Record<string, unknown>, digest });
    }
    // After the first load, each says how much of the folder it read again.
    if (dev && loads > 0) {
      logger.info(
        `${name}/: ${changed.length} of ${seeds.length} seeds read again${changed.length && changed.length <= NAMED_CHANGES ? ` (${changed.map((c) => c.seed.file).join(', ')})` : ''}`,
      );
    }
    loads++;
    // A seed that no longer loads leaves the store too, so that the pages reload and show why.
    stale.delete(PROBLEMS_ID);
    stale.delete(CORPUS_ID);
    for (const slug of stale) store.delete(slug);
    // What the pages computed from the whole corpus is computed again when this changes (src/build-data/per-build.ts).
    const problemLines = problems.map(problemLine);
    store.set({
      id: CORPUS_ID,
      data: ref as unknown as Record<string, unknown>,
      digest: generateDigest(`${refs.map((r) => r.digest).join(' ')}\u0000${problemLines.join('\n')}`),
    });
    if (dev) {
      // The pages show the problems (in Astro's error overlay) until they are fixed; the entry's change reloads them.
      for (const line of problemLines) logger.error(line);
      const had = store.has(PROBLEMS_ID);
      if (problems.length) {
        store.set({ id: PROBLEMS_ID, data: { problems } satisfies ProblemsEntry, digest: generateDigest(problemLines.join('\n')) });
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
      // Changes that come while a load waits its turn are read by it: a save of many files is one more load, not one each.
      let touched: Set<string> | undefined;
      const onChange = (changed: string) => {
        if (!isSeedPath(changed, dir)) return;
        if (touched) {
          touched.add(basename(changed));
          return;
        }
        touched = new Set([basename(changed)]);
        queue = queue
          .then(() => {
            const files = touched;
            touched = undefined;
            return sync(context, files);
          })
          .catch((error: unknown) => logger.error(String(error)));
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
