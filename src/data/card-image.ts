/**
 * Document preview images (1200×630 PNG), made from text with no network:
 * satori lays out the card (src/lib/card.ts) with the Noto Sans font shipped
 * in @fontsource/noto-sans, resvg renders it, and the PNG is encoded here
 * with Node's zlib (three times faster than resvg's encoder, at the same
 * size). Cards are cached by content, so an unchanged document costs nothing
 * on the next build. In a build they are made by the build worker
 * (src/integrations/search-index/worker.ts) beside Astro; `astro dev` makes
 * them on request through the `/<slug>/card.png` route.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { cardTree, DEFAULT_CARDS, type CardInput } from '../lib/card.ts';
import { truncateWords } from '../lib/summary.ts';

const fontDir = join(process.cwd(), 'node_modules/@fontsource/noto-sans/files');
const cacheDir = process.env.CARD_CACHE_DIR ?? join(process.cwd(), 'node_modules/.cache/reader-cards');
let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;

function loadFonts() {
  fonts ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: 'Noto Sans',
      data: await readFile(join(fontDir, `noto-sans-latin-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

/** How many documents get a card: `CARDS` in the environment, a number or `all` (default 1,000). */
export function cardLimit(value = process.env.CARDS): number {
  if (value === undefined || value === '') return DEFAULT_CARDS;
  if (value === 'all') return Infinity;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`error: CARDS "${value}" is not a whole number or "all"\n`);
    process.exit(1);
  }
  return n;
}

/** An RGBA image as PNG: rows unfiltered, deflated by zlib at a fast level. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  const src = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  for (let y = 0; y < height; y++) src.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 3 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The PNG card for a document, from the cache when it was made before. */
export async function renderCard(input: CardInput): Promise<Buffer> {
  const key = createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 32);
  const cached = join(cacheDir, `${key}.png`);
  try {
    return await readFile(cached);
  } catch {
    /* not made yet */
  }
  const svg = await satori(cardTree(input, truncateWords) as unknown as Parameters<typeof satori>[0], { width: 1200, height: 630, fonts: await loadFonts() });
  // The card's text is paths already: no system fonts to load (they cost more than the drawing).
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 }, font: { loadSystemFonts: false } }).render();
  const png = encodePng(image.pixels, image.width, image.height);
  await mkdir(cacheDir, { recursive: true });
  await writeFile(cached, png);
  return png;
}
