/**
 * Double quotation marks: which characters open a quotation, which close one,
 * and how to tell the two apart for the straight `"` that does both.
 * Single quotes are never delimiters here: they are apostrophes as often as
 * not (`Japan's`, `U.S.'s`) and nest inside double quotes.
 */

const OPENING = '“«「『';
const CLOSING = '”»」』';
const STRAIGHT = '"';

/** Characters after which a straight `"` reads as opening. */
const BEFORE_OPENING = /[\s([{\-–—/:：]/u;

/** How a quotation mark at some offset acts. */
export type QuoteRole = 'open' | 'close' | 'none';

/** Whether `ch` can open a quotation (straight or curly). */
export function isOpeningMark(ch: string | undefined): boolean {
  return ch !== undefined && (OPENING.includes(ch) || ch === STRAIGHT);
}

/**
 * The role of the character at `i` in `text`, looking only inside
 * `[from, to)` (a paragraph), so a mark at a paragraph's edge reads by the edge.
 */
export function quoteRole(text: string, i: number, from: number, to: number): QuoteRole {
  const ch = text[i]!;
  if (OPENING.includes(ch)) return 'open';
  if (CLOSING.includes(ch)) return 'close';
  if (ch !== STRAIGHT) return 'none';
  const prev = i > from ? text[i - 1]! : ' ';
  const next = i + 1 < to ? text[i + 1]! : ' ';
  const prevOpen = BEFORE_OPENING.test(prev);
  const nextSpace = /\s/u.test(next);
  if (prevOpen && !nextSpace) return 'open';
  if (!prevOpen && (nextSpace || /[\p{P}]/u.test(next))) return 'close';
  return 'none';
}

/** A quotation mark that can open a quotation, as a pattern to search for. */
export const OPENING_MARK = /["“«「『]/u;

/**
 * Every quotation that opens and closes inside `[p.start, p.end)` (a
 * paragraph): the span of its words, between the marks. A quotation runs from
 * an opening mark to the next closing one.
 */
export function quotedSpans(text: string, p: { start: number; end: number }): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let open = -1;
  for (let i = p.start; i < p.end; i++) {
    const role = quoteRole(text, i, p.start, p.end);
    if (role === 'open' && open < 0) open = i;
    else if (role === 'close' && open >= 0) {
      out.push({ start: open + 1, end: i });
      open = -1;
    }
  }
  return out;
}
