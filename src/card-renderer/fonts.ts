/**
 * The fonts of preview cards: Noto Sans as @fontsource/noto-sans ships it,
 * one file per subset of Unicode (latin, latin-ext, cyrillic, greek, …) and
 * weight. A character is looked up only in the subsets whose range (the
 * package's unicode.json) holds it, and a subset's file is read the first
 * time a text needs it, so a Latin corpus reads the Latin files alone. A
 * character no subset has a glyph for is reported as missing, never drawn
 * as a box. Files are found with `import.meta.resolve`, wherever the
 * package is installed, not from the working directory.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as opentypeModule from 'opentype.js';

/** The parts of an opentype.js glyph used here (it ships no types of its own). */
export interface Glyph {
  index: number;
  advanceWidth?: number;
  getPath(x: number, y: number, size: number): { commands: PathCommand[]; getBoundingBox(): { x1: number; y1: number; x2: number; y2: number } };
}
/** The parts of an opentype.js font used here. */
export interface Font {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  charToGlyph(ch: string): Glyph;
  getKerningValue(left: Glyph, right: Glyph): number;
}
/** One command of a glyph's outline. */
export type PathCommand =
  | { type: 'M' | 'L'; x: number; y: number }
  | { type: 'Q'; x1: number; y1: number; x: number; y: number }
  | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { type: 'Z' };
// opentype.js is CommonJS under Node and an ES module under Vite: take its API from either.
const opentype = (opentypeModule.default ?? opentypeModule) as { parse(buffer: ArrayBuffer): Font };

/**
 * The subsets a card may use, in the order they are tried. Devanagari is
 * left out although the package ships it: its letters need shaping
 * (reordering, conjuncts) that drawing glyph by glyph cannot do, so such a
 * text gets no card rather than a wrong one.
 */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const;
type Subset = (typeof SUBSETS)[number];

const resolve = (file: string) => fileURLToPath(import.meta.resolve(`@fontsource/noto-sans/${file}`));

/** Each subset's code point ranges, from "U+0000-00FF,U+0131,…". */
const ranges: { subset: Subset; from: number; to: number }[] = (() => {
  const declared = JSON.parse(readFileSync(resolve('unicode.json'), 'utf8')) as Record<string, string>;
  return SUBSETS.flatMap((subset) =>
    (declared[subset] ?? '').split(',').map((range) => {
      const [from = '', to = from] = range.replace('U+', '').split('-');
      return { subset, from: Number.parseInt(from, 16), to: Number.parseInt(to, 16) };
    }),
  );
})();

/** A subset's font in one weight. */
export interface SubsetFont {
  /** `latin-700`: names the font in caches of glyphs and kerning. */
  id: string;
  font: Font;
}

const loaded = new Map<string, SubsetFont>();

function subsetFont(subset: Subset, bold: boolean): SubsetFont {
  const id = `${subset}-${bold ? 700 : 400}`;
  let f = loaded.get(id);
  if (!f) {
    const data = readFileSync(resolve(`files/noto-sans-${id}-normal.woff`));
    f = { id, font: opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)) };
    loaded.set(id, f);
  }
  return f;
}

/** The font whose metrics set a card's lines (ascender, descender): the Latin one, as every subset shares them. */
export function baseFont(bold: boolean): Font {
  return subsetFont('latin', bold).font;
}

/** Characters that show nothing and change nothing on a card: soft hyphen, zero-width space and joiners, word joiner, BOM. */
const INVISIBLE = /^[\u00ad\u200b-\u200d\u2060\ufeff]$/u;

/** A character's glyph and the font it comes from. */
export interface FontGlyph extends SubsetFont {
  glyph: Glyph;
}

const glyphs = new Map<string, FontGlyph | null | undefined>();

/**
 * The glyph that draws a character (one code point) in a weight: from the
 * first subset whose range holds it and whose font has a glyph for it (not
 * `.notdef`, glyph 0). Null for a character that shows nothing; undefined
 * when no subset has it.
 */
export function glyphFor(ch: string, bold: boolean): FontGlyph | null | undefined {
  const key = `${bold ? 'b' : 'r'}${ch}`;
  if (glyphs.has(key)) return glyphs.get(key);
  let found: FontGlyph | null | undefined;
  if (INVISIBLE.test(ch)) found = null;
  else {
    const cp = ch.codePointAt(0)!;
    for (const { subset, from, to } of ranges) {
      if (cp < from || cp > to) continue;
      const f = subsetFont(subset, bold);
      const glyph = f.font.charToGlyph(ch);
      if (glyph.index !== 0) {
        found = { ...f, glyph };
        break;
      }
    }
  }
  glyphs.set(key, found);
  return found;
}

/** The characters of `text` that no font has a glyph for, in a weight (the text is taken in NFC, as it is drawn). */
export function missingCharacters(text: string, bold: boolean): string[] {
  return [...text.normalize('NFC')].filter((ch) => glyphFor(ch, bold) === undefined);
}
