/**
 * Text normalization and line arithmetic shared by the parser and its callers.
 */

/** The result of {@link normalizeText}. */
export interface NormalizedText {
  /** The text without a leading BOM and with every line ending as `\n`. */
  text: string;
  /** Whether a byte order mark was removed. */
  hadBom: boolean;
  /** Whether any `\r\n` or lone `\r` line ending was rewritten. */
  hadCr: boolean;
}

/**
 * Remove a leading byte order mark and turn `\r\n` and `\r` into `\n`.
 * These are the only changes the site ever makes to a seed's characters.
 */
export function normalizeText(raw: string): NormalizedText {
  const hadBom = raw.charCodeAt(0) === 0xfeff;
  const body = hadBom ? raw.slice(1) : raw;
  const hadCr = body.includes('\r');
  return { text: hadCr ? body.replace(/\r\n?/g, '\n') : body, hadBom, hadCr };
}

/** The 1-based line number of `offset` in `text` (normalized line endings). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** How many words `s` has: runs between white space with a letter or a digit in them. */
export function wordCount(s: string): number {
  return s.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Whether paragraph text `t` begins with `words` (an opening quotation mark
 * and runs of white space aside), ending where a word ends: "China" names
 * "China and …", not "Chinese …".
 */
export function beginsWith(t: string, words: string): boolean {
  const norm = (s: string) => s.replace(/^[\s"“”'‘’「『«»]+/u, '').replace(/\s+/gu, ' ');
  const w = norm(words).trimEnd();
  const text = norm(t);
  return w !== '' && text.startsWith(w) && !(/[\p{L}\p{N}]$/u.test(w) && /^[\p{L}\p{N}]/u.test(text.slice(w.length)));
}
