/**
 * The files a document's history adds (src/lib/publish/history-files.ts):
 * the current version's own address (`<slug>/v3/`), leading to the reading
 * page; a page at each old address of a renamed document, leading to the
 * new one; and those addresses' redirect rules, `_redirects`.
 */
import { sharedParagraphs } from '../../lib/publish/share.ts';
import { currentVersionRedirect, formerAddressPages, redirectRules } from '../../lib/publish/history-files.ts';
import type { Emitter } from './emitter.ts';

/** The history emitter: it reads each entry again, for its whole history. */
export function historyEmitter(): Emitter {
  const name = 'history';
  return {
    name,
    async emit({ entries, write, site, addresses, documents }) {
      const slugs = new Set(documents.map((d) => d.slug));
      const rules: string[] = [];
      let versions = 0;
      let moved = 0;
      for await (const e of entries()) {
        const n = e.history?.versions.length ?? 0;
        if (n > 1) {
          await write(addresses.fileOf(addresses.versionPath(e.slug, n)), currentVersionRedirect(e.slug, n, site, addresses));
          versions++;
        }
        const renamed = {
          slug: e.slug,
          history: e.history ?? { formerNames: [], versions: [], gone: [] },
          paragraphIds: sharedParagraphs(e.doc).map((p) => p.paragraph.id),
        };
        for (const f of formerAddressPages(renamed, site, slugs, addresses)) {
          await write(f.path, f.content);
          moved++;
        }
        rules.push(...redirectRules(e.slug, e.history, slugs, addresses));
      }
      if (rules.length) await write('_redirects', `${rules.join('\n')}\n`);
      const lines = [];
      if (versions) lines.push(`wrote the current version's address of ${versions} corrected documents`);
      if (moved) lines.push(`wrote ${moved} pages at renamed documents' old addresses, and their redirect rules`);
      return { name, lines };
    },
  };
}
