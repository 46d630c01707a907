/**
 * Reading JSON Lines files (the loader's `entries.jsonl`, the shards'
 * `shard-phrases.jsonl`) a piece at a time: a 100,000-document file is never
 * in memory whole. Synchronously, so that a pass that must be synchronous
 * (the phrase finder's, src/lib/corpus/phrases.ts) can read one too.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** How much of a file is read at once. */
const PIECE = 1 << 20;

/** The lines of a file that are not empty (split at `\n`), in order. */
export function* fileLines(file: string): Generator<string> {
  for (const bytes of fileLineBytes(file)) yield bytes.toString('utf8');
}

/**
 * The bytes of each line of a file that is not empty, in order: a view
 * that the next line may overwrite, for a reader that decodes only some
 * lines, or only the start of each.
 */
export function* fileLineBytes(file: string): Generator<Buffer> {
  const fd = openSync(file, 'r');
  try {
    const piece = Buffer.alloc(PIECE);
    let rest = Buffer.alloc(0);
    for (;;) {
      const read = readSync(fd, piece, 0, PIECE, null);
      // A line may end in a later piece, and a character may be cut between two: lines are cut from bytes.
      const bytes = read ? Buffer.concat([rest, piece.subarray(0, read)]) : rest;
      let from = 0;
      for (let end = bytes.indexOf(10, from); end >= 0; end = bytes.indexOf(10, from)) {
        if (end > from) yield bytes.subarray(from, end);
        from = end + 1;
      }
      if (!read) {
        if (from < bytes.length) yield bytes.subarray(from);
        return;
      }
      rest = bytes.subarray(from);
    }
  } finally {
    closeSync(fd);
  }
}

/** The values of a JSON Lines file, parsed one line at a time. */
export function* jsonLines<T>(file: string): Generator<T> {
  for (const line of fileLines(file)) yield JSON.parse(line) as T;
}
