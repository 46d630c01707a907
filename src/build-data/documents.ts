/**
 * The documents as pages read them: the content collection, typed and in
 * list order, computed once per build (without that, each of the corpus's
 * pages would sort the whole corpus again). Lists use their summaries
 * (summaries.ts).
 */
import { getCollection } from 'astro:content';
import { ProblemError } from '../lib/common/problem.ts';
import { compareDocuments } from '../lib/corpus/order.ts';
import { perBuild } from './per-build.ts';
import { assembleShards } from '../config/settings.ts';
import { expandEntry, type SeedEntry } from '../lib/notes/entry.ts';
import { entryLinesBySlug } from '../loaders/entries-file.ts';
import { PROBLEMS_ID, type EntryRef, type ProblemsEntry } from '../loaders/seeds.ts';

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
  const file = (all[0]?.data as EntryRef | undefined)?.file;
  if (!file) return [];
  // The entries are in the loader's file, compact (see compactEntry); the store knows which are current.
  const bySlug = entryLinesBySlug(file);
  const docs = all.map((r) => {
    const line = bySlug.get(r.id);
    if (!line) throw new Error(`${file}: no entry for ${r.id}; build again`);
    return expandEntry(JSON.parse(line) as SeedEntry);
  });
  return docs.sort((a, b) => compareDocuments({ file: a.file, date: a.meta.date }, { file: b.file, date: b.meta.date }));
}

/** All documents, newest first where a date is known, then by file name. */
export const getDocuments = perBuild(load);
