/**
 * The pages at the focus views' addresses, `<slug>/statement/` and
 * `<slug>/commentary/`: one voice alone is a state of the reading page, and
 * each of these addresses is a small page that leads there
 * (src/lib/publish/redirect.ts; the dev routes serve the same page, without
 * the preview image, which is the build's). A link to one previews with that
 * voice's card. On a host that reads redirect rules, the build can write
 * rules in their place (`HOST_REDIRECTS=rules`).
 */
import { focusViewPage, focusViewRules } from '../../lib/publish/redirect.ts';
import { settings } from '../../config/settings.ts';
import { voicesOf, type Voice } from '../../lib/seed/document.ts';
import type { Emitter } from './emitter.ts';

/** The focus views emitter: it keeps each document's voices. */
export function focusViewsEmitter(): Emitter {
  const name = 'focus views';
  const documents: { slug: string; title: string; voices: Voice[] }[] = [];
  return {
    name,
    collect(entry) {
      documents.push({ slug: entry.slug, title: entry.title, voices: voicesOf(entry.doc) });
    },
    async emit({ site, addresses, cards, write }) {
      // On a host that reads redirect rules (HOST_REDIRECTS=rules), four rules stand for every document's pages.
      if (settings().focusViewRules) return { name, lines: ["the focus views' addresses are redirect rules"], rules: focusViewRules(addresses) };
      let n = 0;
      for (const doc of documents) {
        for (const view of doc.voices) {
          // A link to one voice previews with that voice's card, as its share pages do.
          const card = cards.get(doc.slug)?.find((c) => c.voice === view);
          const image = card && new URL(card.path, site).href;
          await write(addresses.fileOf(addresses.viewPath(doc.slug, view)), focusViewPage(site, addresses, { ...doc, image }, view));
          n++;
        }
      }
      return { name, lines: [`wrote ${n} focus views' pages`] };
    },
  };
}
