/** The preview cards of the newest documents, `<slug>/card.png` (src/data/card-image.ts, cached by content). */
import { renderCard } from '../../data/card-image.ts';
import { cardInput, type CardInput } from '../../lib/publish/card.ts';
import type { Emitter } from './emitter.ts';

/** The cards emitter: one card at a time, yielding between them so that Pagefind's messages to the index emitter flow. */
export function cardsEmitter(): Emitter {
  const name = 'cards';
  const inputs = new Map<string, CardInput>();
  return {
    name,
    collect(entry) {
      inputs.set(entry.slug, cardInput(entry));
    },
    async emit({ documents, cards, write }) {
      let n = 0;
      for (const { slug } of documents) {
        const input = inputs.get(slug);
        if (!input || !cards.has(slug)) continue;
        await write(`${slug}/card.png`, await renderCard(input));
        n++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return { name, lines: [`made ${n} preview cards`] };
    },
  };
}
