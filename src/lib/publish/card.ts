/**
 * The preview image of a document (1200×630): what it shows (the title, the
 * statement's first sentence, the speaker and the date) and where each line
 * goes. Plain data, measured by a function the renderer passes in
 * (src/data/card-image.ts), so the layout is testable without drawing.
 */
import { formatDate } from '../common/dates.ts';
import type { SeedEntry } from '../notes/entry.ts';
import { SITE_NAME } from '../common/site.ts';
import { firstLine } from '../seed/title.ts';

/** What a card shows. */
export interface CardInput {
  siteName: string;
  title: string;
  speaker?: string | undefined;
  date?: string | undefined;
  line?: string | undefined;
}

/** What a document's card shows. */
export function cardInput(entry: Pick<SeedEntry, 'title' | 'meta' | 'doc'>): CardInput {
  return {
    siteName: SITE_NAME,
    title: entry.title,
    speaker: entry.meta.speaker,
    date: entry.meta.date ? formatDate(entry.meta.date) : undefined,
    line: firstLine(entry.doc),
  };
}

/**
 * The documents that get a card: the first `max` in list order (newest
 * first) whose card the renderer can draw (`drawable`: it has a glyph for
 * every letter). A large archive makes them for the documents most likely
 * to be shared; the others' link previews show their text alone.
 */
export function cardDocuments<T>(docsInListOrder: readonly T[], max: number, drawable: (doc: T) => boolean): T[] {
  const out: T[] = [];
  for (const d of docsInListOrder) {
    if (out.length >= max) break;
    if (drawable(d)) out.push(d);
  }
  return out;
}

/** A card's colours: the page, the rule on its left, and the three text colours. */
export const CARD_COLORS = { page: '#fbfaf7', rule: '#2a5599', muted: '#57524a', ink: '#1d1b18', quote: '#1a2a44' } as const;
export type TextColor = 'muted' | 'ink' | 'quote';

/** A card is 1200×630: Open Graph's and Twitter's large preview size. */
export const CARD_SIZE = { width: 1200, height: 630, rule: 24, padding: 64 } as const;

/** The width of a run of text in pixels, for a font size and weight (the renderer measures with the font). */
export type Measure = (text: string, size: number, bold: boolean, letterSpacing: number) => number;

/** One line of text placed on the card: its baseline's left end. */
export interface CardLine {
  text: string;
  x: number;
  /** The line box's top; the renderer puts the baseline in it by the font's metrics. */
  top: number;
  lineHeight: number;
  size: number;
  bold: boolean;
  color: TextColor;
  letterSpacing: number;
}

/**
 * Break `text` into lines that `fits`, at spaces (a word longer than a line
 * is broken where it must), at most `maxLines`; a cut last line ends with "…".
 */
export function wrap(text: string, maxLines: number, fits: (line: string) => boolean): string[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line) lines.push(line);
    line = '';
  };
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    push();
    let rest = word;
    while (!fits(rest) && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && !fits(rest.slice(0, n))) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  push();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (!fits(last) && last.length > 1) last = `${last.slice(0, -2).trimEnd()}…`;
  kept[maxLines - 1] = last;
  return kept;
}

/** The texts of a card, each in its weight, cut at a word as the card shows them (its lines may cut them further, never add to them). */
export interface CardTexts {
  heading: string;
  title: string;
  line?: string | undefined;
  who?: string | undefined;
  site: string;
}

/** What a card shows, before it is broken into lines. */
export function cardTexts(c: CardInput, cut: (text: string, max: number) => string): CardTexts {
  const who = [c.speaker, c.date].filter(Boolean).join(' · ');
  return {
    heading: 'QUOTED STATEMENT AND COMMENTARY',
    title: cut(c.title, 90),
    line: c.line ? `“${cut(c.line, 160)}”` : undefined,
    who: who || undefined,
    site: c.siteName,
  };
}

/** Which of a card's texts are set in bold (the others are regular). */
export const CARD_BOLD: Record<keyof CardTexts, boolean> = { heading: false, title: true, line: false, who: false, site: true };

/**
 * Where every line of a card goes: a small heading, the title (up to three
 * lines), the statement's first sentence in quotation marks (up to three),
 * and at the foot the speaker and date on the left, the site's name on the
 * right. Texts are cut at a word so they always fit.
 */
export function cardLayout(c: CardInput, measure: Measure, cut: (text: string, max: number) => string): CardLine[] {
  const { width, height, rule, padding } = CARD_SIZE;
  const texts = cardTexts(c, cut);
  const left = rule + padding;
  const inner = width - rule - 2 * padding;
  const lines: CardLine[] = [];
  let top = padding;
  const block = (text: string, size: number, lineHeight: number, bold: boolean, color: TextColor, maxLines: number, letterSpacing = 0, gap = 0) => {
    const fits = (t: string) => measure(t, size, bold, letterSpacing) <= inner;
    for (const t of wrap(text, maxLines, fits)) {
      lines.push({ text: t, x: left, top, lineHeight, size, bold, color, letterSpacing });
      top += lineHeight;
    }
    top += gap;
  };
  block(texts.heading, 28, 38, CARD_BOLD.heading, 'muted', 1, 2, 24);
  block(texts.title, 52, 62, CARD_BOLD.title, 'ink', 3, 0, 28);
  if (texts.line) block(texts.line, 34, 46, CARD_BOLD.line, 'quote', 3);
  const footTop = height - padding - 38;
  const siteWidth = measure(texts.site, 28, CARD_BOLD.site, 0);
  if (texts.who) {
    const fits = (t: string) => measure(t, 28, CARD_BOLD.who, 0) <= inner - siteWidth - 32;
    const [first] = wrap(texts.who, 1, fits);
    lines.push({ text: first!, x: left, top: footTop, lineHeight: 38, size: 28, bold: CARD_BOLD.who, color: 'muted', letterSpacing: 0 });
  }
  lines.push({ text: texts.site, x: left + inner - siteWidth, top: footTop, lineHeight: 38, size: 28, bold: CARD_BOLD.site, color: 'ink', letterSpacing: 0 });
  return lines;
}
