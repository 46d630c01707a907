/**
 * Document preview images (1200×630 PNG), drawn from text with no network
 * and no browser, in a few milliseconds each:
 *
 * - the layout is src/lib/publish/card.ts (`cardLayout`), measured with the Noto
 *   Sans font shipped in @fontsource/noto-sans, read by opentype.js (advance
 *   widths and kerning);
 * - each glyph is drawn once per size, weight and quarter-pixel offset by
 *   resvg (anti-aliased), and its coverage kept; a card is those masks
 *   placed on the page, as palette indexes: the page, the rule and 64 shades
 *   of each text colour, so no RGBA image is ever made;
 * - the PNG is that palette image, deflated by Node's zlib.
 *
 * Drawing every card through satori and resvg took about 25 ms; this takes
 * about 4, which is what lets a 1,000-document site have a card for every
 * document within its build budget. Cards are cached by content, so an
 * unchanged document costs nothing on the next build. A build's worker
 * makes them (src/integrations/emitters/cards.ts); `astro dev` makes
 * them on request through the `/<slug>/card.png` route.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import * as opentypeModule from 'opentype.js';
import { CARD_COLORS, CARD_SIZE, cardLayout, type CardInput, type TextColor } from '../lib/publish/card.ts';
import { settings } from './settings.ts';
import { truncateWords } from '../lib/seed/title.ts';

const fontDir = join(process.cwd(), 'node_modules/@fontsource/noto-sans/files');
const cacheDir = () => resolve(process.cwd(), settings().cardCacheDir);

/** The parts of opentype.js used here (it ships no types of its own). */
interface Glyph {
  index: number;
  advanceWidth?: number;
  getPath(x: number, y: number, size: number): { commands: PathCommand[]; getBoundingBox(): { x1: number; y1: number; x2: number; y2: number } };
}
interface Font {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  charToGlyph(ch: string): Glyph;
  getKerningValue(left: Glyph, right: Glyph): number;
}
type PathCommand =
  | { type: 'M' | 'L'; x: number; y: number }
  | { type: 'Q'; x1: number; y1: number; x: number; y: number }
  | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { type: 'Z' };
// opentype.js is CommonJS under Node and an ES module under Vite: take its API from either.
const opentype = (opentypeModule.default ?? opentypeModule) as { parse(buffer: ArrayBuffer): Font };

let fonts: { regular: Font; bold: Font } | undefined;

function loadFonts(): { regular: Font; bold: Font } {
  const load = (weight: number) => {
    const data = readFileSync(join(fontDir, `noto-sans-latin-${weight}-normal.woff`));
    return opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  };
  fonts ??= { regular: load(400), bold: load(700) };
  return fonts;
}

const kerning = new Map<string, number>();

/** The kerning between two glyphs, in font units (opentype.js looks it up slowly: keep it). */
function kern(font: Font, bold: boolean, left: Glyph, right: Glyph): number {
  const key = `${bold ? 'b' : 'r'}${left.index}:${right.index}`;
  let k = kerning.get(key);
  if (k === undefined) kerning.set(key, (k = font.getKerningValue(left, right)));
  return k;
}

/** The glyphs of a run of text with the pen's position before each, in pixels. */
function shape(font: Font, text: string, size: number, letterSpacing: number): { glyph: Glyph; x: number }[] {
  const scale = size / font.unitsPerEm;
  const bold = font === loadFonts().bold;
  const out: { glyph: Glyph; x: number }[] = [];
  let x = 0;
  let prev: Glyph | undefined;
  for (const ch of text) {
    const glyph = font.charToGlyph(ch);
    if (prev) x += kern(font, bold, prev, glyph) * scale;
    out.push({ glyph, x });
    x += (glyph.advanceWidth ?? 0) * scale + letterSpacing;
    prev = glyph;
  }
  return out;
}

/** A run's width in pixels. */
function measure(text: string, size: number, bold: boolean, letterSpacing: number): number {
  const font = bold ? loadFonts().bold : loadFonts().regular;
  const glyphs = shape(font, text, size, letterSpacing);
  const last = glyphs.at(-1);
  return last ? last.x + ((last.glyph.advanceWidth ?? 0) * size) / font.unitsPerEm : 0;
}

/** A glyph's coverage: 0–255 per pixel, and where its top left lies from the pen (baseline at y 0). */
interface Mask {
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

/** A glyph drawn by resvg at a size and a quarter-pixel offset; null for a glyph with no ink (a space). */
function mask(glyph: Glyph, bold: boolean, size: number, quarter: number): Mask | null {
  const key = `${bold ? 'b' : 'r'}${glyph.index}:${size}:${quarter}`;
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
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  const rgba = image.pixels;
  const alpha = new Uint8Array(width * height);
  for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3]!;
  m = { width, height, dx, dy, alpha };
  masks.set(key, m);
  return m;
}

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const SHADES = 64;
const FAMILIES: TextColor[] = ['muted', 'ink', 'quote'];
/** Palette: 0 the page, 1 the rule, then 64 shades of each text colour over the page. */
const PALETTE = (() => {
  const page = rgb(CARD_COLORS.page);
  const entries: number[][] = [page, rgb(CARD_COLORS.rule)];
  for (const family of FAMILIES) {
    const c = rgb(CARD_COLORS[family]);
    for (let k = 0; k < SHADES; k++) {
      const a = k / (SHADES - 1);
      entries.push(page.map((p, i) => Math.round(p * (1 - a) + c[i]! * a)));
    }
  }
  return Buffer.from(entries.flat());
})();

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A palette image (one byte per pixel, indexes into PALETTE) as PNG. */
function encodePalettePng(indexes: Uint8Array, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(indexes.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // palette
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('PLTE', PALETTE),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Draw a card (no cache). */
export function drawCard(input: CardInput): Buffer {
  const { width, height, rule } = CARD_SIZE;
  const { regular, bold } = loadFonts();
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) pixels.fill(1, y * width, y * width + rule);
  for (const line of cardLayout(input, measure, truncateWords)) {
    const font = line.bold ? bold : regular;
    const scale = line.size / font.unitsPerEm;
    const ascent = font.ascender * scale;
    const glyphHeight = (font.ascender - font.descender) * scale;
    const baseline = Math.round(line.top + (line.lineHeight - glyphHeight) / 2 + ascent);
    const base = 2 + FAMILIES.indexOf(line.color) * SHADES;
    for (const { glyph, x } of shape(font, line.text, line.size, line.letterSpacing)) {
      const pen = line.x + x;
      let whole = Math.floor(pen);
      let quarter = Math.round((pen - whole) * 4);
      if (quarter === 4) [whole, quarter] = [whole + 1, 0];
      const m = mask(glyph, line.bold, line.size, quarter);
      if (!m) continue;
      for (let gy = 0; gy < m.height; gy++) {
        const py = baseline + m.dy + gy;
        if (py < 0 || py >= height) continue;
        for (let gx = 0; gx < m.width; gx++) {
          const a = m.alpha[gy * m.width + gx]!;
          if (!a) continue;
          const px = whole + m.dx + gx;
          if (px < rule || px >= width) continue;
          const at = py * width + px;
          const shade = base + (a >> 2);
          const old = pixels[at]!;
          // Overlapping glyphs of one colour keep the darker coverage.
          if (old < base || old >= base + SHADES || shade > old) pixels[at] = shade;
        }
      }
    }
  }
  return encodePalettePng(pixels, width, height);
}

/** The PNG card for a document, from the cache when it was made before. */
export async function renderCard(input: CardInput): Promise<Buffer> {
  const key = createHash('sha256')
    .update(`card-2\u0000${JSON.stringify(input)}`)
    .digest('hex')
    .slice(0, 32);
  const cached = join(cacheDir(), `${key}.png`);
  try {
    return await readFile(cached);
  } catch {
    /* not made yet */
  }
  const png = drawCard(input);
  await mkdir(cacheDir(), { recursive: true });
  await writeFile(cached, png);
  return png;
}
