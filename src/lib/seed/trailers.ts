/**
 * What follows the statement: the editorial commentary (with its "Comment:"
 * label, when present), the source line and the disclaimer. The label
 * patterns live here because they also mark where a quotation must stop
 * (see quotation.ts).
 */
import { other, paragraph, slice, trim, type Block } from './blocks.ts';
import type { CommentaryPart, Part, Span } from './document.ts';

/** Labels of the source and disclaimer lines; they need a value after the colon. */
export const SOURCE_LABEL = /^(?:original(?:\s+(?:article|text|link|source|post))?|source|原文(?:链接|地址)?|来源|出处)\s*[:：](?=\s*\S)/iu;
export const DISCLAIMER_LABEL = /^(?:statement|disclaimer|声明|免责声明)\s*[:：](?=\s*\S)/iu;
export const COMMENT_LABEL = /^(?:(?:\[[^\]\n]{1,40}\]|【[^】\n]{1,40}】)\s*)?(?:comments?|commentary|editor['’]?s\s+note|评论|点评|短评|锐评|评)\s*[:：]/iu;

/**
 * After the statement (or from the top when there is none): commentary, then
 * the source line and the disclaimer. Paragraphs between the statement and a
 * commentary label, and after the source or disclaimer, stay as their own parts.
 */
export function afterStatement(text: string, blocks: Block[]): Part[] {
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
