/**
 * The entries file the seed loader writes in Astro's cache folder: a header
 * line, then each document's compact entry (src/lib/notes/entry.ts) as one line of
 * JSON. Pages (src/build-data/documents.ts), the build worker and the loader's next
 * load read it.
 */
import { existsSync } from 'node:fs';
import { fileLines } from './json-lines.ts';

/** The file of entries, in Astro's cache folder. */
export const ENTRIES_FILE = 'entries.jsonl';

/** The first line of the entries file. */
export interface EntriesHeader {
  /** Documents in the whole corpus (all shards). */
  total: number;
}

/** The file's header, then each entry's line, read a line at a time (see fileLines); nothing when there is no file. */
export function* entriesFileLines(file: string): Generator<{ header: EntriesHeader } | { line: string }> {
  if (!existsSync(file)) return;
  let first = true;
  for (const line of fileLines(file)) {
    yield first ? { header: JSON.parse(line) as EntriesHeader } : { line };
    first = false;
  }
}

/** Each entry's line by its slug. */
export function entryLinesBySlug(file: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of entriesFileLines(file)) if ('line' in item) map.set((JSON.parse(item.line) as { slug: string }).slug, item.line);
  return map;
}
