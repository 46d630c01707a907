/** The preview cards of the newest documents, one per voice: `<slug>/card.png`, `<slug>/commentary/card.png` (src/data/card-image.ts, cached by content). */
import { renderCard } from '../../data/card-image.ts';
import type { Emitter } from './emitter.ts';

/** The cards emitter: one card at a time, yielding between them so that Pagefind's messages to the index emitter flow. */
export function cardsEmitter(): Emitter {
  const name = 'cards';
  return {
    name,
    async emit({ documents, cards, addresses, write }) {
      let n = 0;
      for (const { slug } of documents) {
        for (const card of cards.get(slug) ?? []) {
          await write(addresses.fileOf(card.path), await renderCard(card.input));
          n++;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      return { name, lines: [`made ${n} preview cards`] };
    },
  };
}
