/**
 * The entries file the seed loader writes in Astro's cache folder: a header
 * line, then each document's compact entry (src/lib/notes/entry.ts) as one line of
 * JSON. Pages (src/build-data/documents.ts), the build worker and the loader's next
 * load read it. In `astro dev`, an edited seed's new entry is appended: a
 * slug's last line is its entry.
 */
import { existsSync } from 'node:fs';
import { fileLineBytes, fileLines } from './json-lines.ts';

/** The file of entries, in Astro's cache folder. */
export const ENTRIES_FILE = 'entries.jsonl';

/** The first line of the entries file. */
export interface EntriesHeader {
  /** Documents in the whole corpus (all shards). */
  total: number;
  /** The version of the code that made the entries (src/loaders/code-version.ts). */
  code?: string;
}

/** The file's header, or undefined when there is no file or its first line is not one. */
export function entriesHeader(file: string): EntriesHeader | undefined {
  if (!existsSync(file)) return undefined;
  for (const line of fileLines(file)) {
    try {
      const header = JSON.parse(line) as EntriesHeader;
      return typeof header.total === 'number' ? header : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
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

/** How many bytes of a line's start hold its file name and slug. */
const HEAD = 1024;

/**
 * An entry line's slug, read from the line's start (`{"file":"…","slug":"…"`,
 * as entries are written), or undefined when the start is otherwise.
 */
export function headSlug(head: string): string | undefined {
  const match = /^\{"file":"(?:[^"\\]|\\.)*","slug":("(?:[^"\\]|\\.)*")/u.exec(head);
  return match ? (JSON.parse(match[1]!) as string) : undefined;
}

/**
 * Each entry's line by its slug (only those of `slugs`, when given), the
 * last line of a slug where it has more than one: the dev server appends an
 * edited seed's entry to the file (src/loaders/seeds.ts). Of the other lines
 * only the start is decoded: all of a 10,000-document file takes a second.
 */
export function entryLinesBySlug(file: string, slugs?: ReadonlySet<string>): Map<string, string> {
  const map = new Map<string, string>();
  if (!existsSync(file)) return map;
  let first = true;
  for (const bytes of fileLineBytes(file)) {
    if (first) {
      first = false;
      continue;
    }
    const slug = headSlug(bytes.toString('utf8', 0, Math.min(bytes.length, HEAD)));
    if (slug !== undefined && slugs && !slugs.has(slug)) continue;
    const line = bytes.toString('utf8');
    const known = slug ?? (JSON.parse(line) as { slug: string }).slug;
    if (!slugs || slugs.has(known)) map.set(known, line);
  }
  return map;
}
