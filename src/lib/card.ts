/**
 * The preview image of a document (1200×630), as the element tree satori
 * renders: the speaker, the date and the first sentence of the statement.
 * Plain data, so the layout is testable without rendering.
 */
import { formatDate } from './cite.ts';
import type { SeedEntry } from './entry.ts';
import { SITE_NAME } from './site.ts';
import { firstLine } from './summary.ts';

/** What a card shows. */
export interface CardInput {
  siteName: string;
  title: string;
  speaker?: string | undefined;
  date?: string | undefined;
  line?: string | undefined;
}

/** What a document's card shows. */
export function cardInput(entry: Pick<SeedEntry, 'title' | 'meta' | 'doc'>): CardInput {
  return {
    siteName: SITE_NAME,
    title: entry.title,
    speaker: entry.meta.speaker,
    date: entry.meta.date ? formatDate(entry.meta.date) : undefined,
    line: firstLine(entry.doc),
  };
}

/** How many documents get a card by default: the newest 1,000 (see {@link cardDocuments}). */
export const DEFAULT_CARDS = 1000;

/** Whether a card can show this language: the bundled font covers Latin script only. */
export function cardSupports(lang: string): boolean {
  return !/^(zh|ja|ko|ar|he|fa|th|hi|ru|uk|el)\b/u.test(lang);
}

/**
 * The documents that get a card: the first `max` in list order (newest
 * first) whose language the card's font can show. A card costs about 25 ms
 * to make, so a large archive makes them for the documents most likely to be
 * shared; the others' link previews show their text alone.
 */
export function cardDocuments<T extends { lang: string }>(docsInListOrder: readonly T[], max: number): T[] {
  return docsInListOrder.filter((d) => cardSupports(d.lang)).slice(0, max);
}

/** A satori element: `{ type, props: { style, children } }`. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | CardNode | string };
}

const el = (type: string, style: Record<string, string | number>, children: CardNode['props']['children']): CardNode => ({
  type,
  props: { style, children },
});

/** The card's element tree; texts are cut so they always fit. */
export function cardTree(c: CardInput, cut: (text: string, max: number) => string): CardNode {
  const who = [c.speaker, c.date].filter(Boolean).join(' · ');
  return el(
    'div',
    { width: 1200, height: 630, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 64, background: '#fbfaf7', color: '#1d1b18', fontFamily: 'Noto Sans', borderLeft: '24px solid #2a5599' },
    [
      el('div', { display: 'flex', flexDirection: 'column', width: 1048 }, [
        el('div', { display: 'flex', fontSize: 28, color: '#57524a', textTransform: 'uppercase', letterSpacing: 2, marginBottom: 24 }, 'Quoted statement and commentary'),
        el('div', { display: 'flex', fontSize: 52, fontWeight: 700, lineHeight: 1.2, marginBottom: 28 }, cut(c.title, 90)),
        ...(c.line ? [el('div', { display: 'flex', fontSize: 34, lineHeight: 1.35, color: '#1a2a44' }, `“${cut(c.line, 160)}”`)] : []),
      ]),
      el('div', { display: 'flex', justifyContent: 'space-between', width: 1048, fontSize: 28, color: '#57524a' }, [
        el('div', {}, who || ' '),
        el('div', { fontWeight: 700, color: '#1d1b18' }, c.siteName),
      ]),
    ],
  );
}
