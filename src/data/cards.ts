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
import type { SeedEntry } from '../lib/entry.ts';
import { getDocuments } from './documents.ts';

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

/** Whether a card can show this language: the bundled font covers Latin script only. */
export function cardSupports(lang: string): boolean {
  return !/^(zh|ja|ko|ar|he|fa|th|hi|ru|uk|el)\b/u.test(lang);
}

/**
 * How many documents get a card, newest first: `CARDS` in the environment, a
 * number or `all` (default 1,000). A card costs about 40 ms of CPU the first
 * time (then it is cached), so a large corpus's first build would otherwise be
 * dominated by images that few links ever show.
 */
const CARDS_MAX = (process.env.CARDS ?? '1000') === 'all' ? Infinity : Number(process.env.CARDS ?? 1000);

let withCards: Promise<Set<string>> | undefined;

/** The slugs of the documents that have a card. */
export function cardSlugs(): Promise<Set<string>> {
  withCards ??= getDocuments().then(
    (docs) => new Set(docs.filter((e) => cardSupports(e.doc.lang)).slice(0, CARDS_MAX).map((e) => e.slug)),
  );
  return withCards;
}

/** Whether a document has a card. */
export async function hasCard(entry: SeedEntry): Promise<boolean> {
  return (await cardSlugs()).has(entry.slug);
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
