/**
 * Finding the statement: the quotation that opens a seed, with the lead-in
 * before it ("X posted today (December 12):"). The quotation is followed mark
 * by mark across paragraphs until it closes, so its text and its marks keep
 * their exact offsets; one that never closes is kept with a warning.
 */
import { paragraph, slice, trim, type Block } from './blocks.ts';
import type { AttributionPart, Span, StatementPart, Warning } from './document.ts';
import { describeLeadIn } from './lead-in.ts';
import { isOpeningMark, quoteRole } from './quotes.ts';
import { lineAt } from './text.ts';
import { COMMENT_LABEL, DISCLAIMER_LABEL, SOURCE_LABEL } from './trailers.ts';

/** A lead-in ends with a colon, right before the quotation. */
const LEAD_IN_END = /[:：]$/u;
const MAX_LEAD_IN = 400;

export interface FoundStatement {
  attribution?: AttributionPart;
  statement: StatementPart;
  /** Text after the closing mark in its paragraph that is more than punctuation. */
  remainder?: Span;
  /** Index of the first block after the statement. */
  nextBlock: number;
}

/**
 * The statement is a quotation that opens the document: at the start of the
 * first paragraph, right after a lead-in ending with a colon, or at the start
 * of the second paragraph when the first is such a lead-in. A quotation
 * anywhere else is part of the prose around it and is never promoted.
 */
export function findStatement(text: string, blocks: Block[], warnings: Warning[]): FoundStatement | undefined {
  const first = blocks[0];
  if (!first) return undefined;
  let leadIn: Span | undefined;
  let openAt: number;
  let openBlock = 0;
  const firstText = text.slice(first.start, first.end);
  const q = firstText.search(/["“«「『]/u);
  if (q === 0) {
    openAt = first.start;
  } else if (q > 0) {
    leadIn = trim(text, first.start, first.start + q);
    if (!LEAD_IN_END.test(text.slice(leadIn.start, leadIn.end))) return undefined;
    openAt = first.start + q;
  } else if (LEAD_IN_END.test(firstText) && blocks[1] && isOpeningMark(text[blocks[1].start])) {
    leadIn = first;
    openBlock = 1;
    openAt = blocks[1].start;
  } else {
    return undefined;
  }
  const openBlockSpan = blocks[openBlock]!;
  if (quoteRole(text, openAt, openBlockSpan.start, openBlockSpan.end) !== 'open') return undefined;
  if (leadIn && leadIn.end - leadIn.start > MAX_LEAD_IN) return undefined;

  const scan = scanQuotation(text, blocks, openBlock, openAt);
  if (!scan) return undefined;
  const attribution = leadIn ? attributionPart(text, leadIn) : undefined;
  if (!scan.closed) {
    warnings.push({
      line: lineAt(text, openAt),
      message: `the quotation opened here never closes; it is shown up to line ${lineAt(text, scan.paragraphs.at(-1)!.end)}`,
    });
  }
  const paragraphs = scan.paragraphs.map((s) => paragraph(text, s));
  const marks = scan.marks.map((m) => slice(text, m));
  const statement: StatementPart = {
    kind: 'statement',
    start: marks[0]!.start,
    end: Math.max(marks.at(-1)!.end, paragraphs.at(-1)?.end ?? 0),
    marks,
    paragraphs: paragraphs.filter((p) => p.end > p.start),
    closed: scan.closed,
  };
  return { ...(attribution && { attribution }), statement, ...(scan.remainder && { remainder: scan.remainder }), nextBlock: scan.nextBlock };
}

interface QuotationScan {
  closed: boolean;
  marks: Span[];
  paragraphs: Span[];
  remainder?: Span;
  nextBlock: number;
}

/**
 * Follow a quotation from its opening mark to the mark that closes it, across
 * paragraphs (a paragraph that starts with an opening mark while the quotation
 * is open reopens it, as English does for a quotation of several paragraphs).
 * Never crosses a commentary label, source line or disclaimer.
 */
function scanQuotation(text: string, blocks: Block[], openBlock: number, openAt: number): QuotationScan | undefined {
  const marks: Span[] = [{ start: openAt, end: openAt + 1 }];
  const paragraphs: Span[] = [];
  let depth = 1;
  for (let b = openBlock; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (b > openBlock && isStructural(text, block)) break;
    let from = b === openBlock ? openAt + 1 : block.start;
    if (b > openBlock && quoteRole(text, block.start, block.start, block.end) === 'open') {
      marks.push({ start: block.start, end: block.start + 1 });
      from = block.start + 1;
    }
    for (let i = from; i < block.end; i++) {
      const role = quoteRole(text, i, block.start, block.end);
      if (role === 'open') depth++;
      else if (role === 'close' && --depth === 0) {
        paragraphs.push({ start: from, end: i });
        const tail = trim(text, i + 1, block.end);
        const punctuationOnly = /^[\p{P}\s]*$/u.test(text.slice(tail.start, tail.end));
        marks.push({ start: i, end: punctuationOnly ? Math.max(i + 1, tail.end) : i + 1 });
        return {
          closed: true,
          marks,
          paragraphs,
          ...(punctuationOnly ? {} : { remainder: tail }),
          nextBlock: b + 1,
        };
      }
    }
    paragraphs.push({ start: from, end: block.end });
  }
  // Never closed: keep the opening paragraph and the paragraphs that reopen it.
  let end = openBlock + 1;
  while (end < blocks.length && marks.some((m) => m.start === blocks[end]!.start)) end++;
  const kept = end - openBlock;
  return {
    closed: false,
    marks: marks.filter((m) => m.start < blocks[end - 1]!.end),
    paragraphs: paragraphs.slice(0, kept),
    nextBlock: end,
  };
}

function isStructural(text: string, block: Block): boolean {
  const t = text.slice(block.start, block.end);
  return COMMENT_LABEL.test(t) || SOURCE_LABEL.test(t) || DISCLAIMER_LABEL.test(t);
}

function attributionPart(text: string, span: Span): AttributionPart {
  const t = slice(text, span);
  return { kind: 'attribution', ...t, ...describeLeadIn(t.text) };
}
