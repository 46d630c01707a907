/**
 * Sharing a paragraph: the text a link preview shows (cut at a word near
 * 200 characters). Share pages live at `/<slug>/<paragraph id>/`.
 */
import { truncateWords } from './summary.ts';

/** The preview text of a paragraph: whole when short, else cut at a word near `max` characters. */
export function previewText(text: string, max = 200): string {
  return truncateWords(text.replace(/\s+/gu, ' ').trim(), max);
}
