/**
 * The original's headline: many texts of the genre open with a title line
 * ("Japan's government tries to get by: … careful in the future!",
 * "【…】"). It is short, stands on its own line, and does not end as a
 * sentence of prose or a lead-in does (with a full stop, a colon, a comma).
 * Such a line is the document's title, not a paragraph of commentary.
 */
import type { Block } from './blocks.ts';
import type { HeadlinePart } from './document.ts';
import { isOpeningMark } from './quotes.ts';
import { wordCount } from './text.ts';
import { isLabelLine } from './trailers.ts';

/** A headline has at most this many words. */
const MAX_WORDS = 30;

/** The headline at the top of `blocks`, if the first one is one. */
export function findHeadline(text: string, blocks: Block[]): HeadlinePart | undefined {
  const first = blocks[0];
  // A text of one or two paragraphs has no room for a title above its body.
  if (!first || blocks.length < 3) return undefined;
  const t = text.slice(first.start, first.end);
  if (isLabelLine(t) || isOpeningMark(t[0])) return undefined;
  const words = wordCount(t);
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t);
  if (cjk ? t.length > 60 : words > MAX_WORDS) return undefined;
  // A sentence ends with a full stop (or a colon, a comma, …), perhaps inside its closing quotation mark; a title in 【】 ends
  // with its bracket.
  if (/[.。:：,，;；…]["”’』」)）]*$/u.test(t)) return undefined;
  return { kind: 'headline', start: first.start, end: first.end, text: t };
}

/** A section label has at most this many words. */
const LABEL_WORDS = 3;

/**
 * A stored page's section label above its headline ("Foreign Affairs", then
 * "Kim Yo Jong Gives Statement to Media"): a line of a few capitalized words
 * and no punctuation, followed by a longer line that is a headline. It is
 * page furniture, and the line after it is the headline.
 */
export function isSectionLabel(text: string, blocks: Block[]): boolean {
  const [label, next] = blocks;
  if (!label || !next) return false;
  const t = text.slice(label.start, label.end);
  const words = t.split(/\s+/u);
  if (words.length > LABEL_WORDS || !words.every((w) => /^(?:\p{Lu}[\p{L}'’-]*|&|and|of)$/u.test(w))) return false;
  const headline = findHeadline(text, blocks.slice(1));
  return headline !== undefined && wordCount(headline.text) > words.length;
}

/** A deck has at most this many words. */
const DECK_WORDS = 15;

/**
 * A deck under a headline: a second title line, short and not ending as a
 * sentence does ("Chinese Foreign Ministry: US behaviour is extremely
 * hypocritical"). It is the page's, neither voice: words before its colon
 * are no lead-in.
 */
export function isDeck(line: string): boolean {
  return wordCount(line) <= DECK_WORDS && !/[.!?:：。！？…"”’」』)）]$/u.test(line.trim()) && !isLabelLine(line) && !isOpeningMark(line[0]);
}
