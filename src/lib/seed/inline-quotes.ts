/**
 * Quotations inside a paragraph of the writer's own words that are a
 * speaker's: words in marks that a cue gives to someone ("X said: "…"",
 * ""…," X said", "according to X, "…"", "X stated that "…""). Marks around a
 * term inside the writer's sentence (a label, scare quotes: the so-called
 * "China threat theory") have no such cue, or are too short to be a
 * statement, and stay the writer's words.
 */
import type { Span, TextSpan } from './document.ts';
import { SPEECH_VERB } from './lead-in.ts';
import { quotedSpans } from './quotes.ts';
import { wordCount } from './text.ts';

/** A quotation given to a speaker has at least this many words: shorter ones are terms and labels. */
const MIN_WORDS = 4;
/** A cue right before the opening mark: "said:", "said that", "stated,", "according to X,". */
const CUE_BEFORE = new RegExp(
  `(?:${SPEECH_VERB.source}(?:\\s+\\p{L}+){0,5}?(?:\\s+that)?\\s*[:：,，]?|according\\s+to\\s+[^,.;:"“”]{2,60}[,，]|[:：])\\s*$`,
  'iu',
);
/** An attribution right after the closing mark: ", the ministry said", " said Name", "– Name". */
const CUE_AFTER = new RegExp(
  `^[,，]?\\s*(?:[–—]\\s*\\p{Lu}|(?:\\p{Lu}[\\p{L}'’.\\-]*|the|its|his|her|their)(?:\\s+[\\p{L}'’.\\-]+){0,6}?\\s+${SPEECH_VERB.source}|${SPEECH_VERB.source}\\s+\\p{Lu})`,
  'u',
);

/** The quotations in `p` that a cue gives to a speaker, as the spans of their words (without the marks). */
export function inlineQuotes(text: string, p: Span): TextSpan[] {
  const out: TextSpan[] = [];
  for (const q of quotedSpans(text, p)) {
    if (wordCount(text.slice(q.start, q.end)) < MIN_WORDS) continue;
    const before = text.slice(Math.max(p.start, q.start - 1 - 120), q.start - 1);
    const after = text.slice(q.end + 1, Math.min(p.end, q.end + 1 + 80));
    if (CUE_BEFORE.test(before) || CUE_AFTER.test(after)) out.push({ start: q.start, end: q.end, text: text.slice(q.start, q.end) });
  }
  return out;
}
