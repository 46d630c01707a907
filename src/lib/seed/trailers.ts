/**
 * The labels of the original's own lines around the voices: the commentary's
 * label ("Comment:", "[Witty] Comment:", "[Sarcastic] Comment a bit:", or a
 * bracketed word alone, "[Clever]"), the source line and the disclaimer. They
 * also mark where a quotation must stop (see body.ts).
 */
import { wordCount } from './text.ts';

/** Labels of the source and disclaimer lines; they need a value after the colon. */
export const SOURCE_LABEL = /^(?:original(?:\s+(?:article|text|link|source|post))?|source|原文(?:链接|地址)?|来源|出处)\s*[:：](?=\s*\S)/iu;
export const DISCLAIMER_LABEL = /^(?:statement|disclaimer|声明|免责声明)\s*[:：](?=\s*\S)/iu;
export const COMMENT_LABEL =
  /^(?:(?:\[[^\]\n]{1,40}\]|【[^】\n]{1,40}】)\s*)?(?:(?:sharp\s+|short\s+|brief\s+)?(?:comments?|commentary)(?:\s+a\s+bit|\s+briefly)?|editor['’]?s\s+note|评论|点评|短评|锐评|评)\s*[:：]|^(?:\[[\p{L} ]{1,24}\]|【[^】\n]{1,12}】)(?=\s*\S)/iu;

/** A source line or a disclaimer: the original's closing lines. */
export function isClosingLine(t: string): boolean {
  return SOURCE_LABEL.test(t) || DISCLAIMER_LABEL.test(t);
}

/** A line the original labels (commentary, source, disclaimer): where a quotation must stop. */
export function isLabelLine(t: string): boolean {
  return COMMENT_LABEL.test(t) || isClosingLine(t);
}

/**
 * Page furniture a stored page keeps among its lines, by its form: a date or
 * time, a photo credit, a byline, an editor's line, a copyright notice, a
 * breadcrumb trail.
 */
export function isMarkedFurniture(t: string): boolean {
  // A credit or a label, not a title that begins with the word ("Photo Op Diplomacy", "By the Numbers").
  if (
    /^(?:\(?(?:web\s+)?editors?\s*[:：]|\[?copyright\b|©|(?:file\s+)?(?:photo|image|picture)s?\s*(?:[:：(/|]|by\b|credit)|source\s*[:：]|published\s*[:：])/iu.test(
      t,
    )
  )
    return true;
  if (/^[Bb]y\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3}(?:$|\s*[|,]|\s+(?:source|published|updated)\s*[:：])/iu.test(t) && /^[Bb]y\s+\p{Lu}/u.test(t))
    return true;
  // A breadcrumb trail ("Home / World / Asia-Pacific"), or a section's name cut off by a separator ("Press Releases|").
  if (/^(?:home|homepage|首页)\s*(?:[/>»›|]\s*[^/>»›|.!?]{1,40}){1,6}$/iu.test(t) || /^\p{Lu}[\p{L} &-]{1,30}\|$/u.test(t)) return true;
  return /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/u.test(t) || /^(?:\p{L}+\s+)?\d{1,2}\s+\p{L}+\s+\d{4}\s*[-–—]\s*\d{1,2}:\d{2}$/u.test(t);
}

/** Page furniture among the paragraphs: marked as such, or a short line with no sentence in it. */
export function isFurniture(t: string): boolean {
  return isMarkedFurniture(t) || (wordCount(t) <= 5 && !/[.!?。！？:：]["”’)）]*$/u.test(t) && !/["“”«»「」]/u.test(t));
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
