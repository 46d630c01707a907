/**
 * The documents as pages read them: the content collection, typed and in
 * list order, computed once per build (without that, each of the corpus's
 * pages would sort the whole corpus again). Lists use their summaries
 * (summaries.ts).
 */
import { getCollection } from 'astro:content';
import { ProblemError } from '../lib/common/problem.ts';
import { compareDocuments } from '../lib/corpus/order.ts';
import { keptAcrossEdits, perBuild } from './per-build.ts';
import { assembleShards } from '../config/settings.ts';
import { expandEntry, type SeedEntry } from '../lib/notes/entry.ts';
import { entryLinesBySlug } from '../loaders/entries-file.ts';
import { DEV_ENTRY_LINES, PROBLEMS_ID, type EntryRef, type ProblemsEntry } from '../loaders/seeds.ts';

/**
 * The entries parsed so far, by slug, with the digest of what each was made
 * from: in `astro dev`, the documents after an edit parse only the entries
 * that changed (all 10,000 take two seconds); a build parses each once.
 */
const parsed =
  keptAcrossEdits('parsed-entries', () => new Map<string, { digest: string; entry: SeedEntry }>()) ?? new Map<string, { digest: string; entry: SeedEntry }>();

async function load(): Promise<SeedEntry[]> {
  // An assemble build has no documents of its own: its pages list the shards' summaries.
  if (assembleShards().length) return [];
  const all = await getCollection('documents');
  // In `astro dev`, a problem in a seed or notes file is shown by every page until it is fixed.
  const problems = all.find((r) => r.id === PROBLEMS_ID)?.data as ProblemsEntry | undefined;
  if (problems) {
    throw new ProblemError(problems.problems, {
      summary: `${problems.problems.length} problems in the seeds`,
      title: 'A seed or notes file has a problem',
      hint: 'Fix the file and save it: the page reloads by itself.',
    });
  }
  // Slugs never start with `!`: those entries are the loader's own (src/loaders/seeds.ts).
  const records = all
    .filter((r) => !r.id.startsWith('!'))
    .map((r) => ({ id: r.id, file: (r.data as EntryRef).file, digest: (r as { digest?: string }).digest ?? '' }));
  const file = records[0]?.file;
  if (!file) return [];
  // The entries are in the loader's file, compact (see compactEntry); the store knows which are current.
  const stale = records.filter((r) => !r.digest || parsed.get(r.id)?.digest !== r.digest);
  if (stale.length) {
    // In `astro dev`, the loader's lines (src/loaders/seeds.ts) where they are the ones the store names.
    const shared = (globalThis as Record<symbol, unknown>)[DEV_ENTRY_LINES] as ReadonlyMap<string, { digest: string; line: string }> | undefined;
    const fromLoader = (r: (typeof records)[number]) => (shared?.get(r.id)?.digest === r.digest ? shared.get(r.id)!.line : undefined);
    const unshared = stale.filter((r) => fromLoader(r) === undefined);
    const lines = unshared.length ? entryLinesBySlug(file, new Set(unshared.map((r) => r.id))) : new Map<string, string>();
    for (const r of stale) {
      const line = fromLoader(r) ?? lines.get(r.id);
      if (!line) throw new Error(`${file}: no entry for ${r.id}; build again`);
      parsed.set(r.id, { digest: r.digest, entry: expandEntry(JSON.parse(line) as SeedEntry) });
    }
  }
  if (parsed.size > records.length) {
    const current = new Set(records.map((r) => r.id));
    for (const slug of parsed.keys()) if (!current.has(slug)) parsed.delete(slug);
  }
  const docs = records.map((r) => parsed.get(r.id)!.entry);
  return docs.sort((a, b) => compareDocuments({ file: a.file, date: a.meta.date }, { file: b.file, date: b.meta.date }));
}

/** All documents, newest first where a date is known, then by file name. */
export const getDocuments = perBuild(load);
