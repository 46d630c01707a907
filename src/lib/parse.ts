/**
 * The seed parser: plain text in, a typed document out.
 *
 * A seed is a translated news item of a common shape: a lead-in naming who
 * said what ("X posted today (December 12):"), the quoted statement, the
 * editorial commentary ("Comment: …"), a source line and a disclaimer. The
 * parser finds those parts and keeps, for every piece of text it returns, its
 * offsets into the (normalized) text, so nothing can be lost or added
 * unnoticed: see {@link pieces}.
 */
import { describeLeadIn, type LeadIn } from './lead-in.ts';
import { isOpeningMark, quoteRole } from './quotes.ts';
import { splitSentences, type Span } from './sentences.ts';
import { lineAt, normalizeText } from './text.ts';

export type { Span } from './sentences.ts';

/** A run of text with its offsets. */
export interface TextSpan extends Span {
  text: string;
}

/** One sentence; `id` is `<paragraph id>.<n>` (`s1.4`). */
export interface Sentence extends TextSpan {
  id: string;
}

/** One paragraph of a voice; `id` is `s1`, `c2`, `o1`, … */
export interface Paragraph extends TextSpan {
  id: string;
  sentences: Sentence[];
}

/** The lead-in before the quotation. */
export interface AttributionPart extends TextSpan, LeadIn {
  kind: 'attribution';
}

/** The quoted statement, without its quotation marks. */
export interface StatementPart extends Span {
  kind: 'statement';
  /** The quotation marks: the opening one, one per reopened paragraph, the closing one (with punctuation after it). */
  marks: TextSpan[];
  paragraphs: Paragraph[];
  /** False when the quotation never closes (a warning says so). */
  closed: boolean;
}

/** The editorial commentary. */
export interface CommentaryPart extends Span {
  kind: 'commentary';
  /** "Comment:", "[Witty] Comment:", … when present. */
  label?: TextSpan;
  paragraphs: Paragraph[];
}

/** "Original article: …" */
export interface SourcePart extends Span {
  kind: 'source';
  label: TextSpan;
  value: TextSpan;
  /** An `http(s)://` address, only when the value is a web address. */
  url?: string;
}

/** "Statement: This article represents the views of the author." */
export interface DisclaimerPart extends Span {
  kind: 'disclaimer';
  label: TextSpan;
  value: TextSpan;
}

/** Anything else, kept in its place. */
export interface OtherPart extends Span {
  kind: 'other';
  paragraphs: Paragraph[];
}

export type Part = AttributionPart | StatementPart | CommentaryPart | SourcePart | DisclaimerPart | OtherPart;

/** Something a person should look at, with its 1-based line. */
export interface Warning {
  line: number;
  message: string;
}

/** A parsed seed. Offsets refer to `text`. */
export interface SeedDocument {
  /** The seed's text after {@link normalizeText}. */
  text: string;
  /** Parts in reading order. */
  parts: Part[];
  warnings: Warning[];
  /** BCP 47 tag guessed from the script: `zh`, `ja` or `en`. */
  lang: string;
}

/** Labels of the source and disclaimer lines; they need a value after the colon. */
const SOURCE_LABEL = /^(?:original(?:\s+(?:article|text|link|source|post))?|source|原文(?:链接|地址)?|来源|出处)\s*[:：](?=\s*\S)/iu;
const DISCLAIMER_LABEL = /^(?:statement|disclaimer|声明|免责声明)\s*[:：](?=\s*\S)/iu;
const COMMENT_LABEL =
  /^(?:(?:\[[^\]\n]{1,40}\]|【[^】\n]{1,40}】)\s*)?(?:comments?|commentary|editor['’]?s\s+note|评论|点评|短评|锐评|评)\s*[:：]/iu;
/** A lead-in ends with a colon, right before the quotation. */
const LEAD_IN_END = /[:：]$/u;
const MAX_LEAD_IN = 400;

interface Block extends Span {}

/** Parse a seed's raw text (BOM and CRLF allowed). */
export function parseSeed(raw: string): SeedDocument {
  const { text } = normalizeText(raw);
  const blocks = paragraphBlocks(text);
  const warnings: Warning[] = [];
  const parts: Part[] = [];

  const found = findStatement(text, blocks, warnings);
  let rest = blocks;
  if (found) {
    if (found.attribution) parts.push(found.attribution);
    parts.push(found.statement);
    if (found.remainder) parts.push(other(text, [found.remainder]));
    rest = blocks.slice(found.nextBlock);
  }
  parts.push(...afterStatement(text, rest));
  numberParagraphs(parts);
  return { text, parts, warnings, lang: guessLanguage(text) };
}

/** Every piece of text the document shows, in order: labels, marks, paragraphs, values. */
export function pieces(doc: SeedDocument): TextSpan[] {
  const out: TextSpan[] = [];
  for (const part of doc.parts) {
    switch (part.kind) {
      case 'attribution':
        out.push(part);
        break;
      case 'statement':
        out.push(...part.marks, ...part.paragraphs);
        break;
      case 'commentary':
        if (part.label) out.push(part.label);
        out.push(...part.paragraphs);
        break;
      case 'source':
      case 'disclaimer':
        out.push(part.label, part.value);
        break;
      case 'other':
        out.push(...part.paragraphs);
        break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The part of a given kind, if any. */
export function partOf<K extends Part['kind']>(doc: SeedDocument, kind: K): Extract<Part, { kind: K }> | undefined {
  return doc.parts.find((p): p is Extract<Part, { kind: K }> => p.kind === kind);
}

// ---------------------------------------------------------------------------

/**
 * Paragraphs: every non-blank line, except that a line that stops mid-sentence
 * and is followed (in the same block) by a line starting in lower case is
 * joined to it (hard-wrapped text).
 */
function paragraphBlocks(text: string): Block[] {
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

function trim(text: string, start: number, end: number): Span {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

function slice(text: string, span: Span): TextSpan {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

function paragraph(text: string, span: Span): Paragraph {
  const p = trim(text, span.start, span.end);
  return { ...slice(text, p), id: '', sentences: [] };
}

function other(text: string, spans: Span[]): OtherPart {
  const paragraphs = spans.map((s) => paragraph(text, s));
  return { kind: 'other', start: paragraphs[0]!.start, end: paragraphs.at(-1)!.end, paragraphs };
}

interface FoundStatement {
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
function findStatement(text: string, blocks: Block[], warnings: Warning[]): FoundStatement | undefined {
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
  return { attribution, statement, remainder: scan.remainder, nextBlock: scan.nextBlock };
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
          remainder: punctuationOnly ? undefined : tail,
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

/**
 * After the statement (or from the top when there is none): commentary, then
 * the source line and the disclaimer. Paragraphs between the statement and a
 * commentary label, and after the source or disclaimer, stay as their own parts.
 */
function afterStatement(text: string, blocks: Block[]): Part[] {
  const parts: Part[] = [];
  const labelAt = blocks.findIndex((b) => COMMENT_LABEL.test(text.slice(b.start, b.end)));
  const firstTrailer = blocks.findIndex((b) => isTrailer(text, b));
  const commentaryFrom = labelAt >= 0 && (firstTrailer < 0 || labelAt < firstTrailer) ? labelAt : 0;
  let pendingOther: Span[] = [];
  let commentary: CommentaryPart | undefined;
  let trailerSeen = false;
  const flushOther = () => {
    if (pendingOther.length) parts.push(other(text, pendingOther));
    pendingOther = [];
  };
  blocks.forEach((block, i) => {
    const t = text.slice(block.start, block.end);
    const source = SOURCE_LABEL.exec(t);
    const disclaimer = source ? null : DISCLAIMER_LABEL.exec(t);
    if (source || disclaimer) {
      flushOther();
      trailerSeen = true;
      commentary = undefined;
      const labelEnd = block.start + (source ?? disclaimer)![0].length;
      const label = slice(text, { start: block.start, end: labelEnd });
      const value = slice(text, trim(text, labelEnd, block.end));
      if (source) {
        const url = webAddress(value.text);
        parts.push({ kind: 'source', start: block.start, end: block.end, label, value, ...(url ? { url } : {}) });
      } else {
        parts.push({ kind: 'disclaimer', start: block.start, end: block.end, label, value });
      }
      return;
    }
    if (trailerSeen || i < commentaryFrom) {
      pendingOther.push(block);
      return;
    }
    flushOther();
    if (!commentary) {
      commentary = { kind: 'commentary', start: block.start, end: block.end, paragraphs: [] };
      parts.push(commentary);
      const label = i === labelAt ? COMMENT_LABEL.exec(t) : null;
      if (label) {
        commentary.label = slice(text, { start: block.start, end: block.start + label[0].length });
        const restSpan = trim(text, commentary.label.end, block.end);
        if (restSpan.end > restSpan.start) commentary.paragraphs.push(paragraph(text, restSpan));
        return;
      }
    }
    commentary.paragraphs.push(paragraph(text, block));
    commentary.end = block.end;
  });
  flushOther();
  return parts;
}

function isTrailer(text: string, block: Block): boolean {
  const t = text.slice(block.start, block.end);
  return SOURCE_LABEL.test(t) || DISCLAIMER_LABEL.test(t);
}

/** `https://…` for a value that is a web address (with or without scheme); nothing otherwise. */
export function webAddress(value: string): string | undefined {
  const v = value.trim();
  if (/\s/u.test(v)) return undefined;
  const withScheme = /^https?:\/\//iu.test(v) ? v : /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/iu.test(v) ? `https://${v}` : '';
  if (!withScheme) return undefined;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Give paragraphs and sentences their public ids: `s1`, `s1.1`, `c1`, `o1`. */
function numberParagraphs(parts: Part[]): void {
  const counters = { s: 0, c: 0, o: 0 };
  for (const part of parts) {
    if (part.kind !== 'statement' && part.kind !== 'commentary' && part.kind !== 'other') continue;
    const prefix = part.kind === 'statement' ? 's' : part.kind === 'commentary' ? 'c' : 'o';
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

function guessLanguage(text: string): string {
  const kana = (text.match(/[\u3040-\u30ff]/gu) ?? []).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  if (kana > 0 && kana + han > latin) return 'ja';
  if (han > latin) return 'zh';
  return 'en';
}

/** A statement paragraph with the quotation marks that stand just before and after it. */
export interface MarkedParagraph {
  paragraph: Paragraph;
  before: string;
  after: string;
}

/**
 * Pair each statement paragraph with its marks, so a page can show the text
 * exactly as written: opening and reopening marks stand before a paragraph,
 * the closing mark (and the punctuation after it) after the last one.
 */
export function markedParagraphs(part: StatementPart): MarkedParagraph[] {
  const text = (marks: TextSpan[]) => marks.map((m) => m.text).join('');
  return part.paragraphs.map((paragraph, i, all) => {
    const prevEnd = i === 0 ? -Infinity : all[i - 1]!.end;
    const isLast = i === all.length - 1;
    return {
      paragraph,
      before: text(part.marks.filter((m) => m.start >= prevEnd && m.end <= paragraph.start)),
      after: isLast ? text(part.marks.filter((m) => m.start >= paragraph.end)) : '',
    };
  });
}
