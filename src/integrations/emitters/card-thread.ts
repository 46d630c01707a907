/**
 * The thread of the build worker that draws the preview cards (cards.ts), so
 * that drawing them, the worker's largest piece of work, takes a core
 * whenever Astro's page rendering leaves one while the worker's own thread
 * writes files and talks to Pagefind. It is given every card's input, and
 * sends each PNG back, in order, as it is made.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderCard } from '../../card-renderer/render.ts';
import type { CardInput } from '../../lib/publish/card.ts';

for (const input of workerData as CardInput[]) {
  const png = new Uint8Array(renderCard(input));
  parentPort!.postMessage(png, [png.buffer]);
}
