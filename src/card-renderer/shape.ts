/**
 * Setting a line of a card: each character's glyph (from whichever subset
 * font has it, src/card-renderer/fonts.ts) and the pen's position before it,
 * with the font's kerning between neighbours of the same font. Text is
 * taken in NFC, so an accent typed as a combining mark is drawn as the
 * accented letter the font has.
 */
import { glyphFor, type FontGlyph, type Glyph } from './fonts.ts';

/** A glyph on a line: the pen's position before it, in pixels from the line's start. */
export interface PlacedGlyph extends FontGlyph {
  x: number;
}

const kerning = new Map<string, number>();

/** The kerning between two glyphs of one font, in font units (opentype.js looks it up slowly: keep it). */
function kern(a: FontGlyph, b: Glyph): number {
  const key = `${a.id}:${a.glyph.index}:${b.index}`;
  let k = kerning.get(key);
  if (k === undefined) kerning.set(key, (k = a.font.getKerningValue(a.glyph, b)));
  return k;
}

/** The glyphs of a run of text, placed. A character no font has stops here: a card never draws a box. */
export function shape(text: string, size: number, bold: boolean, letterSpacing: number): PlacedGlyph[] {
  const out: PlacedGlyph[] = [];
  let x = 0;
  let prev: FontGlyph | undefined;
  for (const ch of text.normalize('NFC')) {
    const g = glyphFor(ch, bold);
    if (g === null) continue;
    if (g === undefined) throw new Error(`no card font has a glyph for "${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
    const scale = size / g.font.unitsPerEm;
    if (prev?.id === g.id) x += kern(prev, g.glyph) * scale;
    out.push({ ...g, x });
    x += (g.glyph.advanceWidth ?? 0) * scale + letterSpacing;
    prev = g;
  }
  return out;
}

/** A run's width in pixels. */
export function measure(text: string, size: number, bold: boolean, letterSpacing: number): number {
  const glyphs = shape(text, size, bold, letterSpacing);
  const last = glyphs.at(-1);
  return last ? last.x + ((last.glyph.advanceWidth ?? 0) * size) / last.font.unitsPerEm : 0;
}
