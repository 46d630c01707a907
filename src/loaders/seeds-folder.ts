/**
 * Reading a folder of seeds (and their notes) into entries, for the content
 * loader and `npm run check:seeds` alike: the file system here, every
 * decision in `src/lib/`. Problems (src/lib/common/problem.ts) are
 * collected, not thrown, so a build can list every one of them at once,
 * each as the one line a person needs (`seeds/x.notes.md:12: quote "…" not
 * found`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { problemsIn, type Problem } from '../lib/common/problem.ts';
import { assertUniqueSlugs, decodeSeed, fileRole, seedOfNotes } from '../lib/corpus/folder.ts';
import { annotate, type SeedEntry } from '../lib/notes/entry.ts';
import { readingDoubts } from '../lib/notes/doubts.ts';
import { parseNotes, type NotesMeta } from '../lib/notes/notes.ts';
import { parseSeed, type ReadingSettled, type SeedDocument } from '../lib/seed/parse.ts';
import { documentHistory, parseVersions, type DocumentHistory, type Revision } from '../lib/history/versions.ts';
import { parsePublished, seedOfPublished, type PublishedParagraph } from '../lib/history/published.ts';
import { ALIASES_FILE, NO_ALIASES, parseAliases, type Aliases } from '../lib/notes/speakers.ts';

/** A seed file of the folder, with its slug, its notes file and its record of published ids, if any. */
export interface SeedFile {
  file: string;
  slug: string;
  notes?: { file: string; raw: string };
  published?: { file: string; raw: string };
}

/** What a folder holds, before any seed is parsed. */
export interface SeedListing {
  seeds: SeedFile[];
  /** Files that are neither seeds nor notes (hidden files aside). */
  ignored: string[];
  /** The seeds they concern are left out of `seeds`. */
  problems: Problem[];
  /** How many seed and notes files the folder has. */
  files: { seeds: number; notes: number };
  /** The speakers' other spellings (`speakers.aliases`), and its text (part of every entry's digest). */
  aliases: Aliases;
  aliasesRaw: string;
}

/** The folder `name` (as messages name it, e.g. `seeds`) at `dir`. */
export async function listSeeds(dir: URL, name: string): Promise<SeedListing> {
  if (!existsSync(dir))
    return {
      seeds: [],
      ignored: [],
      files: { seeds: 0, notes: 0 },
      aliases: NO_ALIASES,
      aliasesRaw: '',
      problems: [{ file: name, message: 'the seeds folder does not exist', hint: 'create it and add .txt seeds' }],
    };
  const names = (await readdir(dir)).sort();
  const seedNames = names.filter((n) => fileRole(n) === 'seed');
  const problems: Problem[] = [];
  if (seedNames.length === 0) problems.push({ file: name, message: 'no .txt seeds found' });
  const notesNames = names.filter((f) => fileRole(f) === 'notes');
  let aliases = NO_ALIASES;
  let aliasesRaw = '';
  if (names.includes(ALIASES_FILE)) {
    try {
      const bytes = await readFile(new URL(ALIASES_FILE, dir));
      // An empty alias file is no aliases (a seed may not be empty; this file may).
      aliasesRaw = bytes.toString('utf8').trim() === '' ? '' : decodeSeed(`${name}/${ALIASES_FILE}`, bytes);
      aliases = parseAliases(aliasesRaw);
    } catch (error) {
      problems.push(...problemsIn(`${name}/${ALIASES_FILE}`, error));
    }
  }
  const notesOf = new Map<string, { file: string; raw: string }>();
  const slugs = new Map<string, string>();
  /** Seeds whose notes file has a problem: listed once, here, and left out. */
  const broken = new Set<string>();
  for (const n of notesNames) {
    const seed = seedOfNotes(n);
    if (!seedNames.includes(seed)) {
      problems.push({ file: `${name}/${n}`, message: `has no seed ${seed} beside it`, hint: 'rename or remove it' });
      continue;
    }
    try {
      const raw = decodeSeed(`${name}/${n}`, await readFile(new URL(encodeURIComponent(n), dir)));
      notesOf.set(seed, { file: n, raw });
      const slug = parseNotes(raw).meta.slug;
      if (slug !== undefined) {
        if (/^[a-z0-9_-]+$/u.test(slug)) slugs.set(seed, slug);
        else problems.push({ file: `${name}/${n}`, message: `slug "${slug}" may use only a-z, 0-9, _ and -` });
      }
    } catch (error) {
      problems.push(...problemsIn(`${name}/${n}`, error));
      broken.add(seed);
    }
  }
  let bySlug: Map<string, string>;
  try {
    bySlug = assertUniqueSlugs(name, seedNames, slugs);
  } catch (error) {
    problems.push(...problemsIn(name, error));
    bySlug = new Map();
  }
  const recordOf = new Map<string, { file: string; raw: string }>();
  for (const n of names.filter((f) => fileRole(f) === 'published')) {
    const seed = seedOfPublished(n);
    if (!seedNames.includes(seed)) {
      problems.push({
        file: `${name}/${n}`,
        message: `has no seed ${seed} beside it`,
        hint: 'a record of published ids stays with its seed: rename or remove it',
      });
      continue;
    }
    recordOf.set(seed, { file: n, raw: (await readFile(new URL(encodeURIComponent(n), dir))).toString('utf8') });
  }
  const seeds = [...bySlug]
    .filter(([, file]) => !broken.has(file))
    .map(([slug, file]) => ({
      file,
      slug,
      ...(notesOf.has(file) ? { notes: notesOf.get(file)! } : {}),
      ...(recordOf.has(file) ? { published: recordOf.get(file)! } : {}),
    }));
  seeds.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const ignored = names.filter((n) => fileRole(n) === 'ignored' && !n.startsWith('.'));
  return { seeds, ignored, problems, files: { seeds: seedNames.length, notes: notesNames.length }, aliases, aliasesRaw };
}

/**
 * A seed's text, decoded, or undefined with the reason added to `problems`.
 * Read synchronously: ten thousand small files take a fifth of the time
 * they take read through the event loop.
 */
export function readSeedOr(dir: URL, name: string, seed: SeedFile, problems: Problem[]): string | undefined {
  const file = `${name}/${seed.file}`;
  try {
    return decodeSeed(file, readFileSync(new URL(encodeURIComponent(seed.file), dir)));
  } catch (error) {
    problems.push(...problemsIn(file, error));
    return undefined;
  }
}

/**
 * What a seed's notes settle of its reading (`statement:`, `headline:`), with
 * the notes' front matter; a notes file that cannot be read settles nothing
 * (its problem is reported where the entry is made).
 */
export function settledOf(seed: SeedFile): { fm: NotesMeta; settled: ReadingSettled } {
  let fm: NotesMeta;
  try {
    fm = seed.notes ? parseNotes(seed.notes.raw).meta : {};
  } catch {
    fm = {};
  }
  const settled: ReadingSettled = {
    ...(fm.statement ? { statement: fm.statement === 'none' ? 'none' : fm.statement.map((s) => s.words) } : {}),
    ...(fm.headline ? { headline: fm.headline } : {}),
  };
  return { fm, settled };
}

/**
 * A seed's entry, or the problems that say why it has none; warnings say
 * what the parser let through. With its `history` (src/loaders/git-history.ts:
 * every version, the working text last), the entry's text has lasting ids
 * and its history.
 */
export function entryOf(
  name: string,
  seed: SeedFile,
  text: string,
  aliases: Aliases = NO_ALIASES,
  history?: { revisions: Revision[]; formerNames: string[] },
): { entry?: SeedEntry; problems: Problem[]; warnings: Problem[]; doubts: Problem[] } {
  let published: PublishedParagraph[] = [];
  if (seed.published) {
    try {
      published = parsePublished(seed.published.raw);
    } catch (error) {
      return { problems: problemsIn(`${name}/${seed.published.file}`, error), warnings: [], doubts: [] };
    }
  }
  const { fm, settled } = settledOf(seed);
  let doc: SeedDocument;
  let versions: DocumentHistory | undefined;
  // A recorded document is read as a history of one version when it has none: its ids are given from the record.
  const revisions = history?.revisions.length ? history.revisions : published.length ? [{ note: '', file: seed.file, text }] : [];
  if (revisions.length) {
    const parsed = parseVersions(revisions, published, settled);
    doc = parsed.docs.at(-1)!;
    versions = documentHistory(parsed.revisions, parsed.docs, history?.formerNames, published, settled);
  } else doc = parseSeed(text, settled);
  const warnings: Problem[] = doc.warnings.map((w) => ({ file: `${name}/${seed.file}`, ...w }));
  if (versions?.lost?.length)
    warnings.push({
      file: `${name}/${seed.published!.file}`,
      message: `recorded id(s) ${versions.lost.join(', ')} name words the text no longer has, and no version of its history removed them; their addresses lead to the top of the page`,
    });
  try {
    const entry = annotate(seed.file, seed.slug, doc, seed.notes?.raw, aliases, versions);
    const notesFile = `${name}/${seed.notes?.file ?? seed.file.replace(/\.txt$/u, '.notes.md')}`;
    const doubts = readingDoubts(entry, notesFile, fm.statement !== undefined).map((d) => ({ file: `${name}/${seed.file}`, ...d }));
    return { entry, problems: [], warnings, doubts };
  } catch (error) {
    return { problems: problemsIn(`${name}/${seed.notes?.file ?? seed.file}`, error), warnings, doubts: [] };
  }
}

/** Everything in a folder: its entries (in file order), every problem, every warning, every doubt of a reading. */
export interface SeedsFolder<T = SeedEntry> extends SeedListing {
  entries: T[];
  warnings: Problem[];
  /** Where a text's reading is uncertain (src/lib/notes/doubts.ts). */
  doubts: Problem[];
}

/**
 * Read and parse every seed of the folder (or those `select` keeps), keeping
 * of each entry what `keep` returns (by default the entry): a caller that
 * needs little of each document holds little of the corpus in memory.
 */
export async function readSeedsFolder<T = SeedEntry>(
  dir: URL,
  name: string,
  select: (seed: SeedFile) => boolean = () => true,
  keep: (entry: SeedEntry) => T = (entry) => entry as T,
): Promise<SeedsFolder<T>> {
  const listing = await listSeeds(dir, name);
  const entries: T[] = [];
  const warnings: Problem[] = [];
  const doubts: Problem[] = [];
  const problems = [...listing.problems];
  for (const seed of listing.seeds.filter(select)) {
    const text = readSeedOr(dir, name, seed, problems);
    if (text === undefined) continue;
    const result = entryOf(name, seed, text, listing.aliases);
    warnings.push(...result.warnings);
    doubts.push(...result.doubts);
    if (result.entry) entries.push(keep(result.entry));
    problems.push(...result.problems);
  }
  return { ...listing, entries, warnings, doubts, problems };
}
