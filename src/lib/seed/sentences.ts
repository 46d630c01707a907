/**
 * Sentence splitting for English and CJK prose.
 *
 * Rule-based on purpose: the seeds are translated news text, and a reader's
 * link to `s1.4` must point at the same words on every build, so the rules
 * are few, explicit and tested rather than learned.
 */

/** A half-open range `[start, end)` of character offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Words that end in a period without ending a sentence (compared lowercased, without the period). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'cpl',
  'pvt',
  'gov',
  'sen',
  'rep',
  'pres',
  'amb',
  'sec',
  'hon',
  'rev',
  'fr',
  'vs',
  'etc',
  'cf',
  'al',
  'approx',
  'dept',
  'est',
  'fig',
  'no',
  'nos',
  'vol',
  'pp',
  'para',
  'inc',
  'ltd',
  'co',
  'corp',
  'bros',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

const CLOSERS = `"'”’」』）)]»`;
const OPENERS = `"'“‘「『（(\\[«`;
const CJK_TERMINATORS = '。！？';

/** Offsets where a sentence may end, just after its terminal punctuation and closing marks. */
function isSentenceStart(ch: string | undefined): boolean {
  if (ch === undefined) return true;
  if (OPENERS.includes(ch)) return true;
  return /[\p{Lu}\p{Nd}\p{Lo}]/u.test(ch);
}

/** The word (letters and inner periods) that ends just before `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, dot);
}

/** Whether the period at `dot` belongs to an abbreviation, an initial or a number. */
function isNonTerminalPeriod(text: string, dot: number): boolean {
  const word = wordBefore(text, dot);
  if (word === '') {
    // "3.5" never reaches here (no space after), but "No. 3." and ". ." do.
    return false;
  }
  // Dotted acronyms: U.S., U.K., e.g., i.e., a.m.
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  // A single capital letter: an initial ("J. Smith").
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Split `text` into sentences. Returns spans relative to `text`, trimmed of
 * surrounding white space, in order, never overlapping; every non-space
 * character of `text` is inside exactly one span.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    let end = -1;
    if (CJK_TERMINATORS.includes(ch)) {
      end = extendClosers(text, skipRun(text, i, CJK_TERMINATORS));
    } else if (ch === '…' || ch === '!' || ch === '?' || ch === '.') {
      const runEnd = skipRun(text, i, '.…!?');
      const run = text.slice(i, runEnd);
      const afterClosers = extendClosers(text, runEnd);
      const next = skipSpace(text, afterClosers);
      const hasSpace = next > afterClosers;
      const boundary = (hasSpace || next === text.length) && isSentenceStart(text[next]) && !(run === '.' && isNonTerminalPeriod(text, i));
      if (boundary) end = afterClosers;
      else i = runEnd - 1;
    }
    if (end > 0) {
      spans.push({ start, end });
      start = skipSpace(text, end);
      i = start;
      continue;
    }
    i++;
  }
  const last = trimEnd(text, start, text.length);
  if (last > start) spans.push({ start, end: last });
  return spans;
}

function skipRun(text: string, i: number, chars: string): number {
  while (i < text.length && chars.includes(text[i]!)) i++;
  return i;
}

function extendClosers(text: string, i: number): number {
  return skipRun(text, i, CLOSERS);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end;
}
