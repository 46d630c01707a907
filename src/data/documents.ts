/**
 * The documents as pages read them: the content collection, typed and in
 * list order, computed once per build (without that, each of the corpus's
 * pages would sort the whole corpus again). Lists use their summaries
 * (summaries.ts).
 */
import { readFile } from 'node:fs/promises';
import { getCollection } from 'astro:content';
import { compareDocuments } from '../lib/order.ts';
import { assembleShards } from './settings.ts';
import { partOf } from '../lib/parse.ts';
import { expandEntry, type SeedEntry } from '../lib/entry.ts';
import { PROBLEMS_ID, type EntryRef, type ProblemsEntry } from '../loaders/seeds.ts';
import type { Voice } from '../lib/addresses.ts';

/** The problems of the seeds folder, as `astro dev` shows them: one line each. */
class SeedProblems extends Error {
  /** Astro's error overlay shows these. */
  title = 'A seed or notes file has a problem';
  hint = 'Fix the file and save it: the page reloads by itself.';
  constructor(lines: string[]) {
    super(lines.length === 1 ? lines[0] : `${lines.length} problems in the seeds:\n${lines.join('\n')}`);
    this.name = 'SeedProblems';
  }
}

let cached: Promise<SeedEntry[]> | undefined;

async function load(): Promise<SeedEntry[]> {
  // An assemble build has no documents of its own: its pages list the shards' summaries.
  if (assembleShards().length) return [];
  const all = await getCollection('documents');
  // In `astro dev`, a problem in a seed or notes file is shown by every page until it is fixed.
  const problems = all.find((r) => r.id === PROBLEMS_ID)?.data as ProblemsEntry | undefined;
  if (problems) throw new SeedProblems(problems.problems);
  const refs = all;
  const file = (refs[0]?.data as EntryRef | undefined)?.file;
  if (!file) return [];
  // The entries are in the loader's file, compact (see compactEntry); the store knows which are current.
  const [, ...lines] = (await readFile(file, 'utf8')).split('\n');
  const bySlug = new Map<string, SeedEntry>();
  for (const line of lines) {
    if (!line) continue;
    const entry = JSON.parse(line) as SeedEntry;
    bySlug.set(entry.slug, entry);
  }
  const docs = refs.map((r) => {
    const entry = bySlug.get(r.id);
    if (!entry) throw new Error(`${file}: no entry for ${r.id}; build again`);
    return expandEntry(entry);
  });
  return docs.sort((a, b) => compareDocuments({ file: a.file, date: a.meta.date }, { file: b.file, date: b.meta.date }));
}

/** All documents, newest first where a date is known, then by file name. */
export function getDocuments(): Promise<SeedEntry[]> {
  // In `astro dev` the collection changes as seeds are edited: read it afresh there.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

/** The static paths of a focus view: every document that has that voice, with the document as props. */
export async function focusViewPaths(view: Voice) {
  return (await getDocuments()).filter((e) => partOf(e.doc, view)).map((entry) => ({ params: { slug: entry.slug }, props: { entry } }));
}
