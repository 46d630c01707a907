/**
 * Document preview images (1200×630 PNG), made at build time from text with
 * no network: satori lays out the card (src/lib/card.ts) with the Noto Sans
 * font shipped in @fontsource/noto-sans, resvg renders it. Cards are cached
 * by content in node_modules/.cache, so an unchanged document costs nothing
 * on the next build.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { cardTree, type CardInput } from '../lib/card.ts';
import { truncateWords } from '../lib/summary.ts';

const fontDir = join(process.cwd(), 'node_modules/@fontsource/noto-sans/files');
const cacheDir = join(process.cwd(), 'node_modules/.cache/reader-cards');
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

/** Whether a card can show this language: the bundled font covers Latin script only. */
export function cardSupports(lang: string): boolean {
  return !/^(zh|ja|ko|ar|he|fa|th|hi|ru|uk|el)\b/u.test(lang);
}

/** The PNG card for a document. */
export async function renderCard(input: CardInput): Promise<Buffer> {
  const key = createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 32);
  const cached = join(cacheDir, `${key}.png`);
  try {
    return await readFile(cached);
  } catch {
    /* not made yet */
  }
  const svg = await satori(cardTree(input, truncateWords) as unknown as Parameters<typeof satori>[0], {
    width: 1200,
    height: 630,
    fonts: await loadFonts(),
  });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
  await mkdir(cacheDir, { recursive: true });
  await writeFile(cached, png);
  return png;
}
