/**
 * Document preview images (1200×630 PNG), drawn from text with no network
 * and no browser, in a few milliseconds each:
 *
 * - the layout is src/lib/publish/card.ts (`cardLayout`), measured with the
 *   Noto Sans fonts of @fontsource/noto-sans (card/fonts.ts: the subsets a
 *   text needs; card/shape.ts: glyphs, advances and kerning);
 * - each glyph is drawn once per size and quarter-pixel offset by resvg
 *   (card/glyph-atlas.ts); a card is those masks placed on the page, as
 *   palette indexes: the page, the rule and 64 shades of each text colour;
 * - the PNG is that palette image, deflated by zlib (card/png.ts).
 *
 * A card is drawn only when a font has a glyph for every character it
 * shows (card/coverage.ts); the others get none, never boxes. Drawing every card
 * through satori and resvg took about 25 ms; this takes a few, which lets a
 * 1,000-document site have a card for every document within its build
 * budget. Cards are cached by content, so an unchanged document costs
 * nothing on the next build. A build's worker makes them
 * (src/integrations/emitters/cards.ts); `astro dev` makes them on
 * request through the `/<slug>/card.png` route.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CARD_COLORS, CARD_SIZE, cardLayout, type CardInput, type TextColor } from '../lib/publish/card.ts';
import { truncateWords } from '../lib/seed/title.ts';
import { baseFont } from './fonts.ts';
import { glyphMask } from './glyph-atlas.ts';
import { encodePalettePng } from './png.ts';
import { measure, shape, type PlacedGlyph } from './shape.ts';
import { settings } from '../config/settings.ts';

const cacheDir = () => resolve(process.cwd(), settings().cardCacheDir);

/** A line of a card, set: its baseline, colour and glyphs. */
export interface SetLine {
  baseline: number;
  size: number;
  color: TextColor;
  glyphs: PlacedGlyph[];
}

/** Every line of a card with its glyphs placed: what `drawCard` draws. */
export function setCard(input: CardInput): SetLine[] {
  return cardLayout(input, measure, truncateWords).map((line) => {
    const font = baseFont(line.bold);
    const scale = line.size / font.unitsPerEm;
    const glyphHeight = (font.ascender - font.descender) * scale;
    return {
      baseline: Math.round(line.top + (line.lineHeight - glyphHeight) / 2 + font.ascender * scale),
      size: line.size,
      color: line.color,
      glyphs: shape(line.text, line.size, line.bold, line.letterSpacing).map((g) => ({ ...g, x: line.x + g.x })),
    };
  });
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

/** Draw a card (no cache). */
export function drawCard(input: CardInput): Buffer {
  const { width, height, rule } = CARD_SIZE;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) pixels.fill(1, y * width, y * width + rule);
  for (const line of setCard(input)) {
    const base = 2 + FAMILIES.indexOf(line.color) * SHADES;
    for (const g of line.glyphs) {
      let whole = Math.floor(g.x);
      let quarter = Math.round((g.x - whole) * 4);
      if (quarter === 4) [whole, quarter] = [whole + 1, 0];
      const m = glyphMask(g, line.size, quarter);
      if (!m) continue;
      for (let gy = 0; gy < m.height; gy++) {
        const py = line.baseline + m.dy + gy;
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
  return encodePalettePng(pixels, width, height, PALETTE);
}

/** The cache folders made so far (one `mkdir` each, not one a card). */
const cacheFolders = new Set<string>();

/**
 * The PNG card for a document, from the cache when it was made before. Its
 * file reads and writes are synchronous: the build draws cards on a thread
 * of their own (src/integrations/emitters/card-thread.ts), which would
 * otherwise wait for the thread pool behind the worker's thousands of writes.
 */
export function renderCard(input: CardInput): Buffer {
  // card-3: letters beyond Latin are drawn from their own subsets (card-2 drew them as boxes).
  const key = createHash('sha256')
    .update(`card-3\u0000${JSON.stringify(input)}`)
    .digest('hex')
    .slice(0, 32);
  const dir = cacheDir();
  const cached = join(dir, `${key}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  const png = drawCard(input);
  if (!cacheFolders.has(dir)) {
    mkdirSync(dir, { recursive: true });
    cacheFolders.add(dir);
  }
  writeFileSync(cached, png);
  return png;
}
