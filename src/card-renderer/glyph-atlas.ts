/**
 * The glyph atlas of preview cards: each glyph drawn once per font, size
 * and quarter-pixel offset by resvg (anti-aliased), and its coverage kept
 * for every card after. A card is these masks placed on the page.
 */
import { Resvg } from '@resvg/resvg-js';
import type { FontGlyph, PathCommand } from './fonts.ts';

/** A glyph's coverage: 0–255 per pixel, and where its top left lies from the pen (baseline at y 0). */
export interface Mask {
  width: number;
  height: number;
  dx: number;
  dy: number;
  alpha: Uint8Array;
}

const masks = new Map<string, Mask | null>();

/** SVG path data of a glyph's outline (opentype.js's own `toPathData` writes NaN for some coordinates). */
function pathData(commands: readonly PathCommand[]): string {
  const n = (v: number) => v.toFixed(3);
  return commands
    .map((c) => {
      switch (c.type) {
        case 'M':
        case 'L':
          return `${c.type}${n(c.x)} ${n(c.y)}`;
        case 'Q':
          return `Q${n(c.x1)} ${n(c.y1)} ${n(c.x)} ${n(c.y)}`;
        case 'C':
          return `C${n(c.x1)} ${n(c.y1)} ${n(c.x2)} ${n(c.y2)} ${n(c.x)} ${n(c.y)}`;
        default:
          return 'Z';
      }
    })
    .join('');
}

/** A glyph drawn at a size and a quarter-pixel offset (0–3); null for a glyph with no ink (a space). */
export function glyphMask({ id, glyph }: FontGlyph, size: number, quarter: number): Mask | null {
  const key = `${id}:${glyph.index}:${size}:${quarter}`;
  let m = masks.get(key);
  if (m !== undefined) return m;
  const path = glyph.getPath(quarter / 4, 0, size);
  const box = path.getBoundingBox();
  if (!(box.x2 > box.x1 && box.y2 > box.y1)) {
    masks.set(key, null);
    return null;
  }
  const dx = Math.floor(box.x1) - 1;
  const dy = Math.floor(box.y1) - 1;
  const width = Math.ceil(box.x2) - dx + 1;
  const height = Math.ceil(box.y2) - dy + 1;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${dx} ${dy} ${width} ${height}"><path d="${pathData(path.commands)}" fill="#000"/></svg>`;
  const rgba = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
  const alpha = new Uint8Array(width * height);
  for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3]!;
  m = { width, height, dx, dy, alpha };
  masks.set(key, m);
  return m;
}
