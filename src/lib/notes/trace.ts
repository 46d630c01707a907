/**
 * Quote tracing: every phrase the commentary puts in quotation marks is
 * looked up in the statement and classed as
 * - `exact`: the same words occur in the statement (case and punctuation aside);
 * - `close`: all of its content words occur in order, up to inflection and
 *   small gaps ("exacerbating tension" ~ "exacerbated regional tensions");
 * - `absent`: not in the statement.
 * Function words ("the", "of") never make a match on their own. A document
 * without a statement has nothing to trace against: it gets no traces.
 *
 * A class says only where the words are: a phrase in quotation marks may be
 * a scare quote or a term the commentary coins, and one shared word says
 * nothing of whether its sense is shared. {@link traceLabel} words each class
 * so.
 */
import type { Paragraph, SeedDocument } from '../seed/parse.ts';
import { idLabel, voiceParagraphs } from '../seed/document.ts';
import { quotedSpans } from '../seed/quotes.ts';

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

/** Function words: never a match on their own. */
export const STOPWORDS = new Set(
  'a an the of to in on at by for from with and or but nor so as is are was were be been being it its this that these those their there here has have had do does did not no than then too very can will would shall should may might must about into over under again further just own same such only our we you your they them he she his her i me my'.split(
    ' ',
  ),
);
/** Words within which one content word may follow another in a close match. */
export const MAX_GAP = 3;

/** A word of a text, with its offsets. */
export interface Word {
  stem: string;
  lower: string;
  start: number;
  end: number;
}

/** Trace every quoted phrase of the commentary. */
export function traceQuotes(doc: SeedDocument): TracedQuote[] {
  // Every block of each voice: a text may quote its statement in several places.
  const sentences = voiceParagraphs(doc, 'statement').flatMap((p) => p.sentences);
  const commentary = voiceParagraphs(doc, 'commentary');
  if (!sentences.length) return [];
  const words = sentences.flatMap((s) => wordsOf(doc.text, s.start, s.end));
  const sentenceAt = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end)?.id;
  return commentary.flatMap((p) =>
    quotedPhrases(doc.text, p).map((q) => {
      const found = findMatch(wordsOf(doc.text, q.start, q.end), words);
      if (!found) return { paragraphId: p.id, ...q, match: 'absent' as const };
      const sentenceId = sentenceAt(found.matchStart);
      return { paragraphId: p.id, ...q, ...found, ...(sentenceId && { sentenceId }) };
    }),
  );
}

/** Phrases in double quotation marks inside one paragraph (offsets exclude the marks). */
export function quotedPhrases(text: string, p: Paragraph): { start: number; end: number; text: string }[] {
  return quotedSpans(text, p).flatMap((q) => {
    let { start, end } = q;
    while (start < end && /\s/u.test(text[start]!)) start++;
    // Punctuation the commentary put inside the marks ("theory.") is not part of the phrase.
    while (end > start && /[\s.,;:!?。，；：！？]/u.test(text[end - 1]!)) end--;
    return end > start ? [{ start, end, text: text.slice(start, end) }] : [];
  });
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

/** The words of `text` between `start` and `end`, lowercased and stemmed. */
export function wordsOf(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(re)) {
    const lower = m[0].toLowerCase().replace(/['’]s$/u, '');
    out.push({ lower, stem: stem(lower), start: start + m.index, end: start + m.index + m[0].length });
  }
  return out;
}

/** A light suffix stripper: enough to equate "concerns"/"concern", "exacerbating"/"exacerbated" and "theories"/"theory". */
export function stem(word: string): string {
  if (word.endsWith('ies') && word.length >= 6) return `${word.slice(0, -3)}y`;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/** How many content words (not function words) a phrase has. */
export function contentWordCount(phrase: string): number {
  return wordsOf(phrase, 0, phrase.length).filter((w) => !STOPWORDS.has(w.lower)).length;
}

/** What a traced quote's marker says of it: where its words are, never whether they mean the same. */
export type TraceKind = 'exact' | 'close' | 'word' | 'absent';

/**
 * The words and marks for each kind of traced quote, in one place: the page's
 * markers, the About page and the summaries all read them from here.
 */
export const TRACE_TERMS: Record<TraceKind, { mark: string; term: string }> = {
  exact: { mark: '=', term: 'same words in the statement' },
  close: { mark: '≈', term: 'similar words in the statement' },
  word: { mark: '∈', term: 'word also in the statement' },
  absent: { mark: '∉', term: 'not in the statement' },
};

/** The kind of a traced quote: a one-word phrase that occurs says only that the word does. */
export function traceKind(t: Pick<TracedQuote, 'match' | 'text'>): TraceKind {
  if (t.match === 'absent') return 'absent';
  return contentWordCount(t.text) === 1 ? 'word' : t.match;
}

/** A sentence named in words, as the page labels paragraphs: `s1.5` → "S1, sentence 5", `c1a.2` → "C1a, sentence 2". */
export function sentenceName(sentenceId: string): string {
  const dot = sentenceId.lastIndexOf('.');
  return dot < 0 ? idLabel(sentenceId) : `${idLabel(sentenceId.slice(0, dot))}, sentence ${sentenceId.slice(dot + 1)}`;
}

/**
 * What a traced quote's marker says, neutrally: `mark` is the compact
 * marker, `short` its term, `long` the explanation shown on hover, focus or
 * tap (and its accessible name), naming the statement's sentence in words.
 */
export function traceLabel(t: Pick<TracedQuote, 'match' | 'text' | 'sentenceId'>): { kind: TraceKind; mark: string; short: string; long: string } {
  const kind = traceKind(t);
  const { mark, term } = TRACE_TERMS[kind];
  const where = t.sentenceId ? ` (${sentenceName(t.sentenceId)})` : '';
  const why = {
    exact: `The statement has these words${where}.`,
    close: `The statement has similar words${where}: the same content words, in order, up to inflection.`,
    word: `The statement also uses this word${where}; that says nothing of whether it means the same.`,
    absent: 'The commentary may be quoting someone else, or using quotation marks for its own term.',
  }[kind];
  return { kind, mark, short: term, long: `${term[0]!.toUpperCase()}${term.slice(1)}. ${why}` };
}

/**
 * Where a traced quote's marker goes: after its closing quotation mark (and
 * any punctuation inside it), so the phrase and its marks stay together.
 */
export function afterClosingMark(text: string, end: number): number {
  let at = end;
  while (at < text.length && /[\s.,;:!?。，；：！？]/u.test(text[at]!) && at - end < 4) at++;
  return /["”」』»]/u.test(text[at] ?? '') ? at + 1 : end;
}
