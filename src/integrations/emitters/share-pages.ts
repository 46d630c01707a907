/**
 * Every paragraph's share page, `<slug>/<paragraph id>/` (src/lib/publish/share.ts,
 * from the same input as the dev route), those of paragraphs that earlier
 * versions had included. About half of a site's files, so
 * they are plain strings written here, beside Astro's pages.
 */
import { sharedDocument, sharePage, sharePageInputs, type SharedDocument } from '../../lib/publish/share.ts';
import type { Emitter } from './emitter.ts';

/** Files written at once: the writes wait on the disk, not the processor. */
const WIDTH = 16;

/** The share pages emitter. */
export function sharePagesEmitter(): Emitter {
  const name = 'share pages';
  const documents: SharedDocument[] = [];
  return {
    name,
    collect(entry, { addresses }) {
      documents.push(sharedDocument(entry, addresses));
    },
    async emit({ site, addresses, cards, write }) {
      let n = 0;
      let next = 0;
      const one = async (doc: SharedDocument) => {
        for (const input of sharePageInputs(doc, { site, addresses }, cards.get(doc.slug))) {
          await write(`${doc.slug}/${input.paragraph.id}/index.html`, sharePage(input));
          n++;
        }
      };
      await Promise.all(
        Array.from({ length: WIDTH }, async () => {
          while (next < documents.length) await one(documents[next++]!);
        }),
      );
      return { name, lines: [`wrote ${n} share pages`] };
    },
  };
}
