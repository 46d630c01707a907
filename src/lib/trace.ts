/**
 * Quote tracing: every phrase the commentary puts in quotation marks is
 * looked up in the statement and classed as
 * - `exact`: the same words occur in the statement (case and punctuation aside);
 * - `close`: all of its content words occur in order, up to inflection and
 *   small gaps ("exacerbating tension" ~ "exacerbated regional tensions");
 * - `absent`: not in the statement.
 * Function words ("the", "of") never make a match on their own.
 */
import { partOf, type Paragraph, type SeedDocument } from './parse.ts';
import { quoteRole } from './quotes.ts';

/** A quoted phrase of the commentary and what the statement has of it. */
export interface TracedQuote {
  /** The commentary paragraph (`c1`). */
  paragraphId: string;
  /** Offsets of the quoted words (inside the marks) in the document's text. */
  start: number;
  end: number;
  text: string;
  match: 'exact' | 'close' | 'absent';
  /** The statement sentence holding the match (`s1.5`), unless absent. */
  sentenceId?: string;
  /** Offsets of the matched words in the document's text, unless absent. */
  matchStart?: number;
  matchEnd?: number;
}

const STOPWORDS = new Set(
  'a an the of to in on at by for from with and or but nor so as is are was were be been being it its this that these those their there here has have had do does did not no than then too very can will would shall should may might must about into over under again further just own same such only our we you your they them he she his her i me my'.split(' '),
);
/** Words within which one content word may follow another in a close match. */
const MAX_GAP = 3;

interface Word {
  stem: string;
  lower: string;
  start: number;
  end: number;
}

/** Trace every quoted phrase of the commentary. */
export function traceQuotes(doc: SeedDocument): TracedQuote[] {
  const statement = partOf(doc, 'statement');
  const commentary = partOf(doc, 'commentary');
  if (!commentary) return [];
  const sentences = statement?.paragraphs.flatMap((p) => p.sentences) ?? [];
  const words = sentences.flatMap((s) => wordsOf(doc.text, s.start, s.end));
  const sentenceAt = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end)?.id;
  return commentary.paragraphs.flatMap((p) =>
    quotedPhrases(doc.text, p).map((q) => {
      const found = findMatch(wordsOf(doc.text, q.start, q.end), words);
      if (!found) return { paragraphId: p.id, ...q, match: 'absent' as const };
      return { paragraphId: p.id, ...q, ...found, sentenceId: sentenceAt(found.matchStart) };
    }),
  );
}

/** Phrases in double quotation marks inside one paragraph (offsets exclude the marks). */
export function quotedPhrases(text: string, p: Paragraph): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let open = -1;
  for (let i = p.start; i < p.end; i++) {
    const role = quoteRole(text, i, p.start, p.end);
    if (role === 'open' && open < 0) open = i;
    else if (role === 'close' && open >= 0) {
      let start = open + 1;
      let end = i;
      while (start < end && /\s/u.test(text[start]!)) start++;
      // Punctuation the commentary put inside the marks ("theory.") is not part of the phrase.
      while (end > start && /[\s.,;:!?。，；：！？]/u.test(text[end - 1]!)) end--;
      if (end > start) out.push({ start, end, text: text.slice(start, end) });
      open = -1;
    }
  }
  return out;
}

function findMatch(quote: Word[], statement: Word[]): { match: 'exact' | 'close'; matchStart: number; matchEnd: number } | undefined {
  // Function words alone ("of the") never make a match, exact or close.
  const content = quote.filter((w) => !STOPWORDS.has(w.lower));
  if (content.length === 0) return undefined;
  // Exact: the same word sequence.
  for (let i = 0; i + quote.length <= statement.length; i++) {
    if (quote.every((w, k) => statement[i + k]!.lower === w.lower)) {
      return { match: 'exact', matchStart: statement[i]!.start, matchEnd: statement[i + quote.length - 1]!.end };
    }
  }
  // Close: every content word, by stem, in order, with small gaps.
  for (let i = 0; i < statement.length; i++) {
    if (statement[i]!.stem !== content[0]!.stem) continue;
    let at = i;
    let ok = true;
    for (const w of content.slice(1)) {
      let next = -1;
      for (let j = at + 1; j <= at + 1 + MAX_GAP && j < statement.length; j++) {
        if (statement[j]!.stem === w.stem) {
          next = j;
          break;
        }
      }
      if (next < 0) {
        ok = false;
        break;
      }
      at = next;
    }
    if (ok) return { match: 'close', matchStart: statement[i]!.start, matchEnd: statement[at]!.end };
  }
  return undefined;
}

function wordsOf(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(re)) {
    const lower = m[0].toLowerCase().replace(/['’]s$/u, '');
    out.push({ lower, stem: stem(lower), start: start + m.index, end: start + m.index + m[0].length });
  }
  return out;
}

/** A light suffix stripper: enough to equate "concerns"/"concern" and "exacerbating"/"exacerbated". */
export function stem(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}
