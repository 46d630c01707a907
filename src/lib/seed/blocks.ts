/**
 * Splitting a seed's text into blocks (its paragraphs, with hard-wrapped
 * lines joined back together), and the small span helpers the parser builds
 * parts with: trimming a span, cutting its text out, making a paragraph or an
 * `other` part from spans. Offsets always refer to the normalized text.
 */
import type { OtherPart, Paragraph, Span, TextSpan } from './document.ts';

/** A paragraph of the text, as offsets. */
export type Block = Span;

/**
 * Paragraphs: every non-blank line, except that a line that stops mid-sentence
 * and is followed (in the same block) by a line starting in lower case is
 * joined to it (hard-wrapped text).
 */
export function paragraphBlocks(text: string): Block[] {
  const lines: Block[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const span = trim(text, lineStart, i);
      if (span.end > span.start) lines.push(span);
      else lines.push({ start: -1, end: -1 }); // blank line marker
      lineStart = i + 1;
    }
  }
  const blocks: Block[] = [];
  let prevBlank = true;
  for (const line of lines) {
    if (line.start < 0) {
      prevBlank = true;
      continue;
    }
    const last = blocks.at(-1);
    if (last && !prevBlank && isSoftWrap(text, last, line)) last.end = line.end;
    else blocks.push({ ...line });
    prevBlank = false;
  }
  return blocks;
}

function isSoftWrap(text: string, prev: Block, next: Block): boolean {
  const lastChar = text[prev.end - 1]!;
  return !/[.!?:;。！？：；…"”’'」』)）\]]/u.test(lastChar) && /\p{Ll}/u.test(text[next.start]!);
}

export function trim(text: string, start: number, end: number): Span {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

export function slice(text: string, span: Span): TextSpan {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

export function paragraph(text: string, span: Span): Paragraph {
  const p = trim(text, span.start, span.end);
  return { ...slice(text, p), id: '', sentences: [] };
}

export function other(text: string, spans: Span[]): OtherPart {
  const paragraphs = spans.map((s) => paragraph(text, s));
  return { kind: 'other', start: paragraphs[0]!.start, end: paragraphs.at(-1)!.end, paragraphs };
}
