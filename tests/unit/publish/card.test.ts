import { inflateSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { drawCard, setCard } from '../../../src/card-renderer/render.ts';
import { cardCovers, cardMissing } from '../../../src/card-renderer/coverage.ts';
import { baseFont } from '../../../src/card-renderer/fonts.ts';
import { cardDocuments, cardFor, cardLayout, CARD_COLORS, documentCards, wrap, type CardInput } from '../../../src/lib/publish/card.ts';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { truncateWords } from '../../../src/lib/seed/title.ts';
import { siteAddresses } from '../../../src/lib/publish/addresses.ts';

const at = siteAddresses('/');

/** A fixed-width measure: every character is `size / 2` wide. */
const mono = (text: string, size: number) => (text.length * size) / 2;

test('lines break at spaces within the width, a long word where it must, and a cut last line ends with …', () => {
  const fits = (t: string) => t.length <= 10;
  expect(wrap('one two three four', 5, fits)).toEqual(['one two', 'three four']);
  expect(wrap('abcdefghijklmnopqrstuvwxyz', 5, fits)).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz']);
  expect(wrap('one two three four five six', 2, fits)).toEqual(['one two', 'three fou…']);
});

test('the layout: heading, title, quoted first line, and a foot with who, when and the site’s name', () => {
  const lines = cardLayout(
    { siteName: 'Annotated Reader', heading: 'QUOTED STATEMENT', title: 'A title', who: 'Ana Silva · 9 April 2025', line: 'The first sentence.' },
    mono,
    truncateWords,
  );
  expect(lines.map((l) => l.text)).toEqual(['QUOTED STATEMENT', 'A title', '“The first sentence.”', 'Ana Silva · 9 April 2025', 'Annotated Reader']);
  const [heading, title, quote, who, site] = lines;
  expect(title!.top).toBeGreaterThan(heading!.top);
  expect(quote!.top).toBeGreaterThan(title!.top);
  expect(who!.top).toBe(site!.top);
  // The site's name ends at the right margin (1200 − 64).
  expect(site!.x + mono('Annotated Reader', 28)).toBe(1136);
  for (const l of lines) expect(l.x + mono(l.text, l.size)).toBeLessThanOrEqual(1136);
});

test('a card for each voice: the commentary’s never shows the statement’s words or the speaker’s name, and a paragraph previews with its own voice’s', () => {
  const doc = parseSeed('The minister, Ana Silva, said on April 9: "We will wait. Talks resume."\n\nShe left at noon.\n\nComment: Waiting is a policy too.\n');
  const cards = documentCards(
    { slug: 'x', title: 'A title', meta: { lang: 'en', speaker: 'Ana Silva', date: '2025-04-09', translated: ['pt', 'en'] }, doc },
    at,
  );
  expect(cards.map((c) => [c.voice, c.path])).toEqual([
    ['statement', '/x/card.png'],
    ['commentary', '/x/commentary/card.png'],
  ]);
  const [statement, commentary] = cards;
  expect(statement!.input).toMatchObject({ heading: 'STATEMENT, QUOTED IN TRANSLATION', line: 'We will wait.', who: 'Ana Silva · 9 April 2025' });
  expect(commentary!.input).toMatchObject({
    heading: 'COMMENTARY · OPINION',
    line: 'Waiting is a policy too.',
    who: 'Unnamed author, commentary · 9 April 2025',
  });
  expect(JSON.stringify(commentary!.input)).not.toMatch(/Ana Silva|We will wait/u);
  expect([cardFor(cards, 'statement'), cardFor(cards, 'commentary'), cardFor(cards, 'other')]).toEqual(['/x/card.png', '/x/commentary/card.png', undefined]);
  // A commentary alone: its card is the document's.
  const alone = documentCards({ slug: 'y', title: 'T', meta: { lang: 'en' }, doc: parseSeed('Comment: Waiting is a policy too.\n') }, at);
  expect(alone.map((c) => [c.voice, c.path])).toEqual([['commentary', '/y/card.png']]);
});

/** Decode the PNG a card is (8-bit palette, unfiltered rows): its size and a pixel's colour. */
function decode(png: Buffer) {
  const chunks = new Map<string, Buffer[]>();
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    chunks.set(type, [...(chunks.get(type) ?? []), png.subarray(at + 8, at + 8 + len)]);
    at += len + 12;
  }
  const header = chunks.get('IHDR')![0]!;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const palette = chunks.get('PLTE')![0]!;
  const raw = inflateSync(Buffer.concat(chunks.get('IDAT')!));
  const pixel = (x: number, y: number) => {
    const i = raw[y * (width + 1) + 1 + x]!;
    return `#${[0, 1, 2].map((c) => palette[i * 3 + c]!.toString(16).padStart(2, '0')).join('')}`;
  };
  return { width, height, type: header[9], pixel, raw };
}

test('a card is a 1200×630 palette PNG: the page, the rule at its left, and ink where the title is', () => {
  const png = drawCard({
    siteName: 'Annotated Reader',
    heading: 'QUOTED STATEMENT',
    title: 'Koizumi on his call with Hegseth',
    who: 'Koizumi Shinjiro · 12 December 2025',
    line: 'This morning I had a phone call.',
  });
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const card = decode(png);
  expect([card.width, card.height, card.type]).toEqual([1200, 630, 3]);
  expect(card.pixel(600, 5)).toBe(CARD_COLORS.page);
  expect(card.pixel(5, 300)).toBe(CARD_COLORS.rule);
  // The title's first line (bold, 52 px) holds ink of the title's colour.
  const row = Array.from({ length: 900 }, (_, x) => card.pixel(100 + x, 170));
  expect(row).toContain(CARD_COLORS.ink);
  expect(png.length).toBeLessThan(60 * 1024);
});

const card = (title: string, speaker?: string, line?: string): CardInput => ({
  siteName: 'Annotated Reader',
  heading: 'QUOTED STATEMENT',
  title,
  who: [speaker, '12 December 2025'].filter(Boolean).join(' · '),
  line,
});

test('letters beyond Latin are drawn from their own subsets (latin-ext, cyrillic, greek, vietnamese), never as .notdef', () => {
  // The Latin subset alone has no "ō": what the cards drew before was its .notdef box.
  expect(baseFont(true).charToGlyph('ō').index).toBe(0);
  const cards = [
    card('Shinjirō and Erdoğan on the strait', 'Koizumi Shinjirō', 'Ankara’s position is unchanged, Erdoğan said.'),
    // The same name typed with a combining macron (NFD): drawn as the font's "ō".
    card('Koizumi Shinjiro\u0304 speaks', 'Koizumi Shinjiro\u0304'),
    card('Лавров о переговорах', 'Сергей Лавров', 'Мы готовы к диалогу.'),
    card('Μητσοτάκης για την ενέργεια', 'Κυριάκος Μητσοτάκης', 'Ἡ ἀλήθεια.'),
    card('Phạm Minh Chính nói về hợp tác', 'Phạm Minh Chính'),
  ];
  const subsets = new Set<string>();
  for (const input of cards) {
    expect(cardMissing(input), input.title).toEqual([]);
    for (const line of setCard(input)) {
      for (const g of line.glyphs) {
        expect(g.glyph.index, `${input.title}: glyph of ${g.id}`).not.toBe(0);
        subsets.add(g.id.replace(/-\d+$/u, ''));
      }
    }
    expect(drawCard(input).subarray(1, 4).toString()).toBe('PNG');
  }
  expect([...subsets].sort()).toEqual(['cyrillic', 'greek', 'greek-ext', 'latin', 'latin-ext', 'vietnamese']);
});

test('every letter of a line is drawn, one glyph each (NFC), invisible characters none', () => {
  const [, title] = setCard(card('Erdog\u0306an\u200b met Shinjirō'));
  expect(title!.glyphs).toHaveLength([...'Erdoğan met Shinjirō'].length);
});

test('a text no installed font covers gets no card: Chinese, Japanese, Arabic, Hindi, emoji', () => {
  for (const [input, missing] of [
    [card('王毅谈中日关系'), ['王', '毅', '谈', '中', '日', '关', '系']],
    [card('Koizumi', '小泉進次郎'), ['小', '泉', '進', '次', '郎']],
    [card('A statement', undefined, 'قال الوزير'), ['ق', 'ا', 'ل', 'و', 'ز', 'ي', 'ر']],
    [card('मोदी का बयान'), ['म', 'ो', 'द', 'ी', 'क', 'ा', 'ब', 'य', 'न']],
    [card('A statement 🙂'), ['🙂']],
  ] as const) {
    expect(cardMissing(input)).toEqual(missing);
    expect(cardCovers(input)).toBe(false);
    expect(() => drawCard(input)).toThrow(/no card font has a glyph for/u);
  }
});

test('the documents with a card: the first `max` in list order that can be drawn', () => {
  const docs = ['a', 'B', 'c', 'D', 'e', 'f'];
  const lower = (d: string) => d === d.toLowerCase();
  expect(cardDocuments(docs, 3, lower)).toEqual(['a', 'c', 'e']);
  expect(cardDocuments(docs, 10, lower)).toEqual(['a', 'c', 'e', 'f']);
  expect(cardDocuments(docs, 0, lower)).toEqual([]);
});
