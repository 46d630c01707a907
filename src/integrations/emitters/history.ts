/**
 * The files a document's history adds (src/lib/publish/history-files.ts):
 * the current version's own address (`<slug>/v3/`), leading to the reading
 * page; a page at each old address of a renamed document, leading to the
 * new one; and those addresses' redirect rules, for `_redirects`.
 */
import { sharedParagraphs } from '../../lib/publish/share.ts';
import { currentVersionRedirect, formerAddressPages, redirectRules, type Renamed } from '../../lib/publish/history-files.ts';
import type { Emitter } from './emitter.ts';

/** The history emitter: it keeps the history of the documents that were corrected or renamed, and only theirs. */
export function historyEmitter(): Emitter {
  const name = 'history';
  const changed: Renamed[] = [];
  return {
    name,
    collect(entry) {
      const history = entry.history;
      if (!history || (history.versions.length < 2 && !history.formerNames.length)) return;
      // Not the earlier versions' texts: only what the addresses need.
      const { formerNames, versions, gone } = history;
      changed.push({
        slug: entry.slug,
        file: entry.file,
        history: { formerNames, versions, gone },
        paragraphIds: sharedParagraphs(entry.doc).map((p) => p.paragraph.id),
      });
    },
    async emit({ write, site, addresses, documents }) {
      const slugs = new Set(documents.map((d) => d.slug));
      const rules: string[] = [];
      let versions = 0;
      let moved = 0;
      for (const d of changed) {
        const n = d.history.versions.length;
        if (n > 1) {
          await write(addresses.fileOf(addresses.versionPath(d.slug, n)), currentVersionRedirect(d.slug, n, site, addresses));
          versions++;
        }
        for (const f of formerAddressPages(d, site, slugs, addresses)) {
          await write(f.path, f.content);
          moved++;
        }
        rules.push(...redirectRules(d, slugs, addresses));
      }
      const lines = [];
      if (versions) lines.push(`wrote the current version's address of ${versions} corrected documents`);
      if (moved) lines.push(`wrote ${moved} pages at renamed documents' old addresses, and their redirect rules`);
      return { name, lines, rules };
    },
  };
}
