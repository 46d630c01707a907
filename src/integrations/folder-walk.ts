/**
 * Walking a folder (a built site, most often): the one walk the build's
 * measures and headers, the benchmark and the tests share. Synchronously, one
 * folder's entries in memory at a time: a site of 100,000 documents has a
 * million files, and a file's size is one system call, which the
 * asynchronous API would make five times slower.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** A folder met on a walk, with its entries, or a file (anything not a folder). */
export type WalkItem = { folder: string; depth: number; entries: Dirent[] } | { file: string; depth: number };

/**
 * Every folder below `root` (itself first, at depth 0) and every file, in the order the folder lists them (each
 * folder before what it holds, a folder's contents where it stands among its siblings). `enter` says which folders
 * (by name) to walk into: the others, and all below them, are left out.
 */
export function* walkFolder(root: string, enter: (name: string) => boolean = () => true, depth = 0): Generator<WalkItem> {
  const entries = readdirSync(root, { withFileTypes: true });
  yield { folder: root, depth, entries };
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (!entry.isDirectory()) yield { file: path, depth: depth + 1 };
    else if (enter(entry.name)) yield* walkFolder(path, enter, depth + 1);
  }
}

/** Every file below `root`, in the folders `enter` walks into (see walkFolder). */
export function* filesUnder(root: string, enter?: (name: string) => boolean): Generator<string> {
  for (const item of walkFolder(root, enter)) if ('file' in item) yield item.file;
}
