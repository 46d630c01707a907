/**
 * The preview images of a document (1200×630), one for each voice it has, so
 * that a shared paragraph previews its own voice and says whose words they
 * are, never another voice's: what each shows (which voice, the title, the
 * voice's first sentence, whose words and the date) and where each line
 * goes. Plain data, measured by a function the renderer passes in
 * (src/card-renderer/render.ts), so the layout is testable without drawing.
 */
import { formatDate } from '../common/dates.ts';
import type { SeedEntry } from '../notes/entry.ts';
import { SITE_NAME } from '../common/site.ts';
import type { ParagraphVoice } from '../seed/document.ts';
import type { Addresses } from './addresses.ts';

/** What a card shows. */
export interface CardInput {
  siteName: string;
  /** Which voice, in capitals at the top: "QUOTED STATEMENT", "COMMENTARY · OPINION". */
  heading: string;
  title: string;
  /** The voice's first sentence, shown in quotation marks. */
  line?: string | undefined;
  /** Whose words and when, at the foot: "Koizumi Shinjiro · 12 December 2025". */
  who?: string | undefined;
}

/** A card of a document: the voice it shows, its address, what it shows. */
export interface DocumentCard {
  voice: ParagraphVoice;
  path: string;
  input: CardInput;
}

/**
 * The cards of a document, one per voice it has, in reading order. The first
 * is the document's own card (`/<slug>/card.png`, the reading page's
 * preview); another voice's is `/<slug>/<voice>/card.png`, each under the
 * site's base path (`addresses`).
 */
export function documentCards(
  entry: Pick<SeedEntry, 'slug' | 'title' | 'meta' | 'doc'>,
  { cardPath, voiceCardPath }: Pick<Addresses, 'cardPath' | 'voiceCardPath'>,
): DocumentCard[] {
  const date = entry.meta.date ? formatDate(entry.meta.date) : undefined;
  const who = (name: string | undefined) => [name, date].filter(Boolean).join(' · ') || undefined;
  const first = (voice: ParagraphVoice) => entry.doc.parts.find((p) => p.kind === voice && 'paragraphs' in p);
  const voices: { voice: ParagraphVoice; heading: string; who: string | undefined }[] = [
    {
      voice: 'statement',
      heading: entry.meta.translated ? 'STATEMENT, QUOTED IN TRANSLATION' : 'QUOTED STATEMENT',
      who: who(entry.meta.speaker ?? entry.meta.role),
    },
    // The commentary's author is not named in the seeds: never the speaker's name on its card.
    { voice: 'commentary', heading: 'COMMENTARY · OPINION', who: who('Unnamed author, commentary') },
    { voice: 'other', heading: 'FROM THE ORIGINAL', who: who(undefined) },
  ];
  const present = voices.filter((v) => first(v.voice));
  // A document with a statement or a commentary has a card for each; text outside both gets one only when it is all there is.
  const shown = present.some((v) => v.voice !== 'other') ? present.filter((v) => v.voice !== 'other') : present;
  return shown.map((v, i) => {
    const part = first(v.voice);
    const line = part && 'paragraphs' in part ? part.paragraphs[0]?.sentences[0]?.text : undefined;
    return {
      voice: v.voice,
      path: i === 0 ? cardPath(entry.slug) : voiceCardPath(entry.slug, v.voice),
      input: { siteName: SITE_NAME, heading: v.heading, title: entry.title, line, who: v.who },
    };
  });
}

/** The card a paragraph of `voice` previews with: its own voice's, or none. */
export function cardFor(cards: readonly Pick<DocumentCard, 'voice' | 'path'>[], voice: ParagraphVoice): string | undefined {
  return cards.find((c) => c.voice === voice)?.path;
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
  return {
    heading: c.heading,
    title: cut(c.title, 90),
    line: c.line ? `“${cut(c.line, 160)}”` : undefined,
    who: c.who,
    site: c.siteName,
  };
}

/** Which of a card's texts are set in bold (the others are regular). */
export const CARD_BOLD: Record<keyof CardTexts, boolean> = { heading: false, title: true, line: false, who: false, site: true };

/**
 * Where every line of a card goes: a small heading (the voice), the title
 * (up to three lines), the voice's first sentence in quotation marks (up to
 * three), and at the foot whose words they are and the date on the left,
 * the site's name on the right. Texts are cut at a word so they always fit.
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
