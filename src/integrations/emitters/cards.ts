/** The preview cards of the newest documents, one per voice: `<slug>/card.png`, `<slug>/commentary/card.png` (src/card-renderer/render.ts, cached by content). */
import { Worker } from 'node:worker_threads';
import type { Emitter } from './emitter.ts';

/**
 * The cards emitter: a thread of its own (card-thread.ts) draws the cards,
 * and this writes each as it comes. One thread: at 1,000 documents a second
 * one made the build no faster, its two cores being shared with Astro,
 * Pagefind and the worker's writes.
 */
export function cardsEmitter(): Emitter {
  const name = 'cards';
  return {
    name,
    async emit({ documents, cards, addresses, write }) {
      const all = documents.flatMap(({ slug }) => cards.get(slug) ?? []);
      if (!all.length) return { name, lines: ['made 0 preview cards'] };
      const thread = new Worker(new URL('./card-thread.ts', import.meta.url), { workerData: all.map((card) => card.input) });
      const writes: Promise<void>[] = [];
      await new Promise<void>((resolve, reject) => {
        thread.on('message', (png: Uint8Array) => writes.push(write(addresses.fileOf(all[writes.length]!.path), png)));
        thread.on('error', reject);
        thread.on('exit', (code) =>
          writes.length === all.length ? resolve() : reject(new Error(`the card thread stopped (code ${code}) after ${writes.length} of ${all.length} cards`)),
        );
      });
      await Promise.all(writes);
      return { name, lines: [`made ${all.length} preview cards`] };
    },
  };
}
