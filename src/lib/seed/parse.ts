/**
 * The seed parser: plain text in, a typed document out.
 *
 * A seed is a translated news item of a common shape: a lead-in naming who
 * said what ("X posted today (December 12):"), the quoted statement, the
 * editorial commentary ("Comment: …"), a source line and a disclaimer. The
 * parser finds those parts and keeps, for every piece of text it returns, its
 * offsets into the (normalized) text, so nothing can be lost or added
 * unnoticed (tests/helpers/document.ts checks that they cover it).
 *
 * This file is the entry point and numbers the paragraphs and sentences; the
 * work itself is split by job: document.ts (the types and accessors),
 * blocks.ts (paragraphs and spans), headline.ts (a title line), body.ts (the
 * statement wherever it stands, the narration and the commentary, in order),
 * inline-quotes.ts (a speaker's quotations inside the writer's paragraphs),
 * trailers.ts (the labels) and language.ts. Everything the parser offers is
 * exported from here, so callers import this file only.
 */
import { other, paragraphBlocks } from './blocks.ts';
import { readBody } from './body.ts';
import { ID_LETTERS, type Part, type SeedDocument, type Warning } from './document.ts';
import { findHeadline, isDeck, isSectionLabel } from './headline.ts';
import { guessLanguage } from './language.ts';
import { splitSentences } from './sentences.ts';
import { isMarkedFurniture } from './trailers.ts';
import { beginsWith, normalizeText } from './text.ts';

export type { CommentaryPart, DisclaimerPart, OtherPart, Paragraph, Part, SeedDocument, SourcePart, StatementPart } from './document.ts';
export { markedParagraphs, partOf } from './document.ts';

/**
 * What an editor's notes settle of a text's reading (its front matter,
 * src/lib/notes/notes.ts), where the rules would guess: the paragraphs that
 * are the statement, named by their first words (ids depend on the reading,
 * so they cannot name them), or `none`; the headline, named by its first
 * words, or `none`.
 */
export interface ReadingSettled {
  statement?: readonly string[] | 'none' | undefined;
  /** The headline's first words, or `none`. */
  headline?: string | undefined;
}

/** Parse a seed's raw text (BOM and CRLF allowed), with what its notes settle of the reading. */
export function parseSeed(raw: string, settled: ReadingSettled = {}): SeedDocument {
  const { text } = normalizeText(raw);
  const blocks = paragraphBlocks(text);
  const warnings: Warning[] = [];
  const parts: Part[] = [];

  // A stored page's date line, photo credit or section label can stand above the headline: it is neither, and the headline follows.
  // A headline the notes name is the first of the top lines that begins with their words.
  const named = settled.headline !== undefined && settled.headline !== 'none' ? settled.headline : undefined;
  let above = 0;
  if (named !== undefined) {
    const at = blocks.slice(0, 3).findIndex((b) => beginsWith(text.slice(b.start, b.end), named));
    above = Math.max(0, at);
  } else
    while (
      above < 2 &&
      above < blocks.length - 1 &&
      (isMarkedFurniture(text.slice(blocks[above]!.start, blocks[above]!.end)) || isSectionLabel(text, blocks.slice(above)))
    )
      above++;
  const first = blocks[above];
  const headline =
    settled.headline === undefined
      ? findHeadline(text, blocks.slice(above))
      : named !== undefined && first && beginsWith(text.slice(first.start, first.end), named)
        ? { kind: 'headline' as const, start: first.start, end: first.end, text: text.slice(first.start, first.end) }
        : undefined;
  // A deck under the headline is the page's too.
  const deck =
    headline && settled.statement === undefined && blocks[above + 2] && isDeck(text.slice(blocks[above + 1]!.start, blocks[above + 1]!.end))
      ? blocks[above + 1]
      : undefined;
  if (headline) {
    if (above) parts.push(...readBody(text, blocks.slice(0, above), warnings, settled.statement));
    parts.push(headline);
    if (deck) parts.push(other(text, [deck]));
  }
  parts.push(...readBody(text, headline ? blocks.slice(above + 1 + (deck ? 1 : 0)) : blocks, warnings, settled.statement));
  numberParagraphs(parts);
  return { text, parts, warnings, lang: guessLanguage(text) };
}

/** Give paragraphs and sentences their public ids: `s1`, `s1.1`, `c1`, `o1`. */
function numberParagraphs(parts: Part[]): void {
  const counters = { s: 0, c: 0, o: 0 };
  for (const part of parts) {
    if (part.kind !== 'statement' && part.kind !== 'commentary' && part.kind !== 'other') continue;
    const prefix = ID_LETTERS[part.kind];
    for (const p of part.paragraphs) {
      p.id = `${prefix}${++counters[prefix]}`;
      p.sentences = splitSentences(p.text).map((s, n) => ({
        id: `${p.id}.${n + 1}`,
        start: p.start + s.start,
        end: p.start + s.end,
        text: p.text.slice(s.start, s.end),
      }));
    }
  }
}
