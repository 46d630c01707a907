/**
 * Whether a document's card can be drawn: a font has a glyph for every
 * character of every text the card shows, in the weight it is set in. The
 * build's pages (for `og:image`) and its worker (which draws the cards) ask
 * the same question of the same texts, so they always agree.
 */
import { CARD_BOLD, cardTexts, type CardInput, type CardTexts, type DocumentCard } from '../lib/publish/card.ts';
import { truncateWords } from '../lib/seed/title.ts';
import { missingCharacters } from './fonts.ts';

/** The characters of a card that no installed font can draw (none: the card can be drawn). */
export function cardMissing(input: CardInput): string[] {
  const texts = cardTexts(input, truncateWords);
  const missing = (Object.keys(texts) as (keyof CardTexts)[]).flatMap((k) => missingCharacters(texts[k] ?? '', CARD_BOLD[k]));
  return [...new Set(missing)];
}

/** Whether a font has a glyph for every character the card shows. */
export function cardCovers(input: CardInput): boolean {
  return cardMissing(input).length === 0;
}

/** Whether a document's cards are made: only when every one of them can be drawn (a shared paragraph never previews with another voice's card). */
export function cardsDrawable(cards: readonly Pick<DocumentCard, 'input'>[]): boolean {
  return cards.length > 0 && cards.every((c) => cardCovers(c.input));
}
