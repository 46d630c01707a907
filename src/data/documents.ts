/**
 * The documents as pages read them: the content collection, typed and in
 * list order. Every page of a build asks for them (the header's search needs
 * the languages), so a build computes them once: without that, each of the
 * corpus's pages would sort the whole corpus again.
 */
import { getCollection } from 'astro:content';
import { compareDocuments } from '../lib/order.ts';
import { partOf } from '../lib/parse.ts';
import { indexBundles } from '../lib/passages.ts';
import type { SeedEntry } from '../lib/entry.ts';

let cached: Promise<SeedEntry[]> | undefined;

async function load(): Promise<SeedEntry[]> {
  const entries = await getCollection('documents');
  const docs = entries.map((e) => e.data as unknown as SeedEntry);
  return docs.sort((a, b) => compareDocuments({ file: a.file, date: a.meta.date }, { file: b.file, date: b.meta.date }));
}

/** All documents, newest first where a date is known, then by file name. */
export function getDocuments(): Promise<SeedEntry[]> {
  // In `astro dev` the collection changes as seeds are edited: read it afresh there.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

let extra: Promise<string[]> | undefined;

/**
 * Pagefind bundles a search merges besides `/pagefind/`: other languages'
 * bundles, and other shards' indexes named in `EXTRA_INDEXES` (space-separated).
 */
export function extraIndexes(): Promise<string[]> {
  const compute = async () => [
    ...indexBundles((await getDocuments()).map((d) => d.doc.lang))
      .slice(1)
      .map((b) => b.path),
    ...(process.env.EXTRA_INDEXES ?? '').split(/\s+/u).filter(Boolean),
  ];
  if (import.meta.env.DEV) return compute();
  extra ??= compute();
  return extra;
}

let passages: Promise<number> | undefined;

/** How many passages (paragraphs of the statement or the commentary) search holds. */
export function passageCount(): Promise<number> {
  const compute = async () => (await getDocuments()).reduce((n, e) => n + (partOf(e.doc, 'statement')?.paragraphs.length ?? 0) + (partOf(e.doc, 'commentary')?.paragraphs.length ?? 0), 0);
  if (import.meta.env.DEV) return compute();
  passages ??= compute();
  return passages;
}

/** The static paths of a focus view: every document that has that voice, with the document as props. */
export async function focusViewPaths(view: 'statement' | 'commentary') {
  return (await getDocuments()).filter((e) => partOf(e.doc, view)).map((entry) => ({ params: { slug: entry.slug }, props: { entry } }));
}
