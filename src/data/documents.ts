/**
 * The documents as pages read them: the content collection, typed and in
 * list order.
 */
import { getCollection } from 'astro:content';
import { compareDocuments } from '../lib/order.ts';
import type { SeedEntry } from '../loaders/seeds.ts';

/** All documents, newest first where a date is known, then by file name. */
export async function getDocuments(): Promise<SeedEntry[]> {
  const entries = await getCollection('documents');
  const docs = entries.map((e) => e.data as unknown as SeedEntry);
  return docs.sort((a, b) => compareDocuments(orderKey(a), orderKey(b)));
}

function orderKey(entry: SeedEntry) {
  return { file: entry.file, date: entry.meta.date };
}
