/**
 * One speaker, however translated news spells them. Spellings that differ
 * only in letter case, accents, punctuation or the order of the names
 * ("Koizumi Shinjirō", "Shinjiro Koizumi") are one speaker by themselves;
 * other spellings ("PM Takaichi", "高市早苗") are joined by the editors'
 * alias file, `seeds/speakers.aliases`:
 *
 * ```text
 * # The name the site uses = the other spellings, separated by |
 * Takaichi Sanae = PM Takaichi | 高市早苗
 * ```
 *
 * A speaker's address, `/speakers/<slug>/`, comes from the letters of the
 * name alone, in sorted order, so it does not change when another spelling
 * or an alias line is added.
 */
import { ProblemError } from '../common/problem.ts';
import { slugOf } from '../common/slug.ts';

/** The file of aliases, in the seeds folder. */
export const ALIASES_FILE = 'speakers.aliases';

/** The alias file, read: every spelling's key → the name the site uses, and each such name → its spellings' keys. */
export interface Aliases {
  byKey: Map<string, string>;
  keysOf: Map<string, string[]>;
}

/** No alias file. */
export const NO_ALIASES: Aliases = { byKey: new Map(), keysOf: new Map() };

/**
 * A spelling's key: accents, case and punctuation removed, the names sorted.
 * Names in scripts without spaces between words (Chinese) are kept whole.
 */
export function speakerKey(name: string): string {
  return nameWords(name).sort().join(' ');
}

/** A name's words, accents, case and punctuation removed, in order. */
function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Parse the alias file; throws a {@link ProblemError} with the line of the first problem. */
export function parseAliases(raw: string): Aliases {
  const byKey = new Map<string, string>();
  const lineOf = new Map<string, number>();
  const lines = raw.replace(/^\uFEFF/u, '').split(/\r\n?|\n/u);
  lines.forEach((line, i) => {
    const n = i + 1;
    const text = line.replace(/#.*$/u, '').trim();
    if (text === '') return;
    const eq = text.indexOf('=');
    if (eq < 0) throw new ProblemError({ line: n, message: `expected "Name = other spelling | other spelling", found "${text}"` });
    const name = text.slice(0, eq).trim();
    const spellings = text
      .slice(eq + 1)
      .split('|')
      .map((s) => s.trim());
    if (name === '' || speakerKey(name) === '') throw new ProblemError({ line: n, message: 'the name before "=" is empty' });
    if (spellings.some((s) => s === '' || speakerKey(s) === ''))
      throw new ProblemError({ line: n, message: `an empty spelling after "=" (spellings are separated by |)` });
    for (const spelling of [name, ...spellings]) {
      const key = speakerKey(spelling);
      const earlier = byKey.get(key);
      if (earlier !== undefined && earlier !== name) {
        throw new ProblemError({ line: n, message: `"${spelling}" is already a spelling of "${earlier}" (line ${lineOf.get(key)})` });
      }
      if (earlier === undefined) {
        byKey.set(key, name);
        lineOf.set(key, n);
      }
    }
  });
  const keysOf = new Map<string, string[]>();
  for (const [key, name] of byKey) keysOf.set(name, [...(keysOf.get(name) ?? []), key]);
  return { byKey, keysOf };
}

/** A speaker: the name the site uses and their page's slug. */
export interface Speaker {
  name: string;
  slug: string;
  /** For a speaker of the alias file: the keys of every spelling it lists (search finds them under each). */
  keys?: string[];
  /** A body's address before bodies were told from people, when it differs: it leads to the current one. */
  formerSlug?: string;
}

/**
 * The speaker a spelling names. Without an alias, the spelling itself is the
 * name. `kind`: a body's name is not a person's, whose parts translations put
 * in either order: its address keeps its words in order.
 */
export function resolveSpeaker(spelling: string, aliases: Aliases, kind: 'person' | 'body' = 'person'): Speaker | undefined {
  const key = speakerKey(spelling);
  if (key === '') return undefined;
  const name = aliases.byKey.get(key) ?? spelling.trim();
  const keys = aliases.byKey.has(key) ? aliases.keysOf.get(name) : undefined;
  const slug = speakerSlug(name, kind);
  // Before bodies were told from people, a body's address was a person's (`/speakers/house-the-white/`).
  const former = speakerSlug(name, 'person');
  return { name, slug, ...(keys ? { keys } : {}), ...(former !== slug ? { formerSlug: former } : {}) };
}

/**
 * The slug of a speaker's page: the key of their name, as a slug (or
 * `speaker-<hash>` for names without Latin letters); a body's in the order of
 * its words (`white-house`, not `house-white`).
 */
export function speakerSlug(name: string, kind: 'person' | 'body' = 'person'): string {
  return slugOf(kind === 'body' ? bodyKey(name) : speakerKey(name), 'speaker');
}

/** A body's key: as a person's, but in the order of its words, without a leading "the". */
function bodyKey(name: string): string {
  const words = nameWords(name);
  return (words[0] === 'the' ? words.slice(1) : words).join(' ');
}
