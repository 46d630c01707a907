/**
 * Turning a folder's files into seeds, without touching the file system:
 * which files are seeds, how their bytes become text, and which slugs clash.
 * Problems are thrown as a {@link ProblemError} naming the file, for a person to act on.
 */
import { ProblemError } from '../common/problem.ts';
import { slugify } from '../common/slug.ts';
import { isPublishedFile } from '../history/published.ts';
import { ALIASES_FILE } from '../notes/speakers.ts';
import { lineAt } from '../seed/text.ts';

/** How the folder's files are used. */
export type FileRole = 'seed' | 'notes' | 'published' | 'aliases' | 'ignored';

/** The seed file a notes file belongs to: `x.notes.md` → `x.txt`. */
export function seedOfNotes(notesFile: string): string {
  return notesFile.replace(/\.notes\.md$/iu, '.txt');
}

/**
 * `x.txt` is a seed, `x.notes.md` its notes, `x.ids.jsonl` its record of
 * published ids, `speakers.aliases` the speakers' other spellings; anything
 * else is ignored (and reported).
 */
export function fileRole(fileName: string): FileRole {
  if (fileName.startsWith('.')) return 'ignored';
  if (fileName === ALIASES_FILE) return 'aliases';
  if (/\.notes\.md$/iu.test(fileName)) return 'notes';
  if (isPublishedFile(fileName)) return 'published';
  if (/\.txt$/iu.test(fileName)) return 'seed';
  return 'ignored';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode a seed's bytes as UTF-8 text, or throw a {@link ProblemError} saying
 * why the file cannot be a seed. `path` is how the message names the file.
 */
export function decodeSeed(path: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    throw new ProblemError({
      file: path,
      line: newlinesBefore(bytes, at) + 1,
      message: `not UTF-8 text (byte ${at + 1} cannot be decoded)`,
      hint: 'save the file as UTF-8',
    });
  }
  const nul = text.indexOf('\0');
  if (nul !== -1)
    throw new ProblemError({ file: path, line: lineAt(text, nul), message: 'contains a NUL byte', hint: 'this looks like a binary file, not text' });
  if (text.replace(/^\uFEFF/u, '').trim() === '')
    throw new ProblemError({ file: path, message: 'the file is empty (or only white space)', hint: "add the article's text or remove the file" });
  return text;
}

/** Throw a {@link ProblemError} naming both files when two seeds get one slug (from their names, or `slugs`). */
export function assertUniqueSlugs(dir: string, fileNames: readonly string[], slugs: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const bySlug = new Map<string, string>();
  for (const name of [...fileNames].sort()) {
    const slug = slugs.get(name) ?? slugify(name);
    const earlier = bySlug.get(slug);
    if (earlier) {
      throw new ProblemError({ file: `${dir}/${name}`, message: `has the same URL slug "${slug}" as ${dir}/${earlier}`, hint: 'rename one of them' });
    }
    bySlug.set(slug, name);
  }
  return bySlug;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

function newlinesBefore(bytes: Uint8Array, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) n++;
  return n;
}
