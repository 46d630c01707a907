/**
 * The search index: every document's passages (src/lib/search/bundles.ts)
 * indexed by Pagefind, in parts (../search-index/indexer.ts), into
 * `pagefind/` and one `pagefind-<lang>/` per other language.
 */
import { searchDocument, type SearchDocument } from '../../lib/search/bundles.ts';
import { buildSearchIndex } from '../search-index/indexer.ts';
import { settings } from '../../config/settings.ts';
import type { Emitter } from './emitter.ts';

/** The search index emitter: it keeps each document's passages, and indexes them in list order. */
export function searchIndexEmitter(): Emitter {
  const name = 'search index';
  const passages = new Map<string, SearchDocument>();
  return {
    name,
    collect(entry) {
      passages.set(entry.slug, searchDocument(entry));
    },
    async emit({ documents, total, outDir, workDir, prefix }) {
      // A shard's index is capped when the shards are assembled (a prefix: a shard's build).
      const capAbove = prefix ? Infinity : settings().searchCapBytes;
      const report = await buildSearchIndex({ documents: documents.map((d) => passages.get(d.slug)!), total, outDir, workDir, prefix, capAbove });
      const lines = report.languages.map((l) => {
        const pages = report.bundleTarget
          ? `${l.pages} Pagefind pages of about ${Math.round(report.bundleTarget / 1000)} KB of text`
          : `${l.pages} Pagefind pages, one per document and voice`;
        const merged = l.merge
          ? `${l.parts} parts merged, ${l.merge.capped} common words capped, ${l.merge.stops} words that extend them given empty aliases`
          : 'one part, served as Pagefind wrote it';
        return `indexed ${l.passages} ${l.language} passages into ${l.path} (${pages}; ${merged})`;
      });
      return { name, lines };
    },
  };
}
