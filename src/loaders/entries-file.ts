/**
 * The entries file the seed loader writes in Astro's cache folder: a header
 * line, then each document's compact entry (src/lib/notes/entry.ts) as one line of
 * JSON. Pages (src/build-data/documents.ts), the build worker and the loader's next
 * load read it.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** The file of entries, in Astro's cache folder. */
export const ENTRIES_FILE = 'entries.jsonl';

/** The first line of the entries file. */
export interface EntriesHeader {
  /** Documents in the whole corpus (all shards). */
  total: number;
}

/** The file's header, then each entry's line, read a line at a time (a 100,000-document file is never in memory whole). */
export async function* entriesFileLines(file: string): AsyncGenerator<{ header: EntriesHeader } | { line: string }> {
  if (!existsSync(file)) return;
  let first = true;
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line) continue;
    yield first ? { header: JSON.parse(line) as EntriesHeader } : { line };
    first = false;
  }
}

/** Each entry's line by its slug. */
export async function entryLinesBySlug(file: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for await (const item of entriesFileLines(file)) if ('line' in item) map.set((JSON.parse(item.line) as { slug: string }).slug, item.line);
  return map;
}
