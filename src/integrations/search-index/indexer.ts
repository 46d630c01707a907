/**
 * Building the site's search index with Pagefind: the documents' bundle pages
 * (src/lib/search/bundles.ts) go to Pagefind in parts of a few thousand
 * documents, each part written and its memory freed (`deleteIndex`) before
 * the next, and the parts are merged into one index per language
 * (`merge.ts`). Pagefind's memory is bounded by the part, not the corpus.
 * A language indexed in one part is served as Pagefind wrote it: the
 * merger, which reads Pagefind's private format, runs only where there is
 * something to merge.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { languageIndexes } from '../../lib/search/passages.ts';
import { CAPPED_FILE, type CappedList } from '../../lib/search/capped-words.ts';
import { bundlePages, bundleTarget, type BundlePage, type SearchDocument } from '../../lib/search/bundles.ts';
import { isServedFile, mergeIndexes, minifyRuntime, type MergeStats } from './merge.ts';

/** Pages sent to Pagefind's process before waiting for its answers. */
const ADD_BATCH = 64;

/** Passages per Pagefind run: about 1,100 documents (Pagefind then needs under 300 MB). */
const PART_PASSAGES = 5000;

/** Options of {@link buildSearchIndex}. */
export interface IndexOptions {
  /** The documents to index, in list order. */
  documents: readonly SearchDocument[];
  /** Documents in the whole corpus (all shards): with their mean length, sets the bundle size. */
  total: number;
  /** The site folder; each language's index goes to its own folder in it (`pagefind/`, `pagefind-zh/`). */
  outDir: string;
  /** A scratch folder for the parts (removed afterwards). */
  workDir: string;
  /** Keeps bundle URLs of separately built shards apart. */
  prefix?: string;
  /**
   * Cap each word of a merged index whose entry is larger than this (see merge.ts; undefined: the merger's
   * default). A shard's build caps nothing (`Infinity`): the assemble step merges its index with the others'
   * and caps then, from the whole corpus's entries.
   */
  capAbove?: number | undefined;
}

/** What was indexed, language by language. */
export interface IndexReport {
  /** Characters of passage text a bundle gathers (0: one document each). */
  bundleTarget: number;
  /** `merge`: what the merger did, when there was more than one part. */
  languages: { language: string; path: string; documents: number; passages: number; pages: number; parts: number; merge?: MergeStats }[];
}

class PagefindFailure extends Error {}

function check<T extends { errors: string[] }>(what: string, response: T): T {
  if (response.errors.length) throw new PagefindFailure(`Pagefind ${what}: ${response.errors.join('; ')}`);
  return response;
}

/** Split a language's pages into parts of about {@link PART_PASSAGES} passages. */
function parts(pages: readonly BundlePage[]): BundlePage[][] {
  const out: BundlePage[][] = [[]];
  let n = 0;
  for (const page of pages) {
    if (n >= PART_PASSAGES && out.at(-1)!.length) {
      out.push([]);
      n = 0;
    }
    out.at(-1)!.push(page);
    n += page.passages;
  }
  return out;
}

/** Put Pagefind's own output of a one-part index in place: its runtime and index files, not its UI files. */
async function usePart(dir: string, out: string): Promise<void> {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const name of await readdir(dir)) if (isServedFile(name)) await rename(join(dir, name), join(out, name));
  await minifyRuntime(out);
  // No word is capped: the search code reads the list from every index.
  await writeFile(join(out, CAPPED_FILE), JSON.stringify({ ranges: 1, words: [] } satisfies CappedList));
}

/** Index `documents` into `outDir`; errors Pagefind reports are thrown with its message. */
export async function buildSearchIndex({ documents, total, outDir, workDir, prefix = '', capAbove }: IndexOptions): Promise<IndexReport> {
  const text = documents.reduce((n, d) => n + d.passages.reduce((m, p) => m + p.text.length, 0), 0);
  const target = bundleTarget(total, documents.length ? text / documents.length : 0);
  const pages = bundlePages(documents, target, prefix);
  const report: IndexReport = { bundleTarget: target, languages: [] };
  try {
    for (const { language, path } of languageIndexes(documents.map((d) => d.lang))) {
      const own = pages.filter((p) => p.language === language);
      const dirs: string[] = [];
      for (const [i, part] of parts(own).entries()) {
        const { index } = check('createIndex', await pagefind.createIndex({}));
        if (!index) throw new PagefindFailure('Pagefind createIndex returned no index');
        // Sent in batches, not one round trip to Pagefind's process at a time (it answers each in turn), nor all at
        // once (each waiting page would be held in both processes' memory).
        for (let k = 0; k < part.length; k += ADD_BATCH) {
          const batch = part.slice(k, k + ADD_BATCH);
          const added = await Promise.all(batch.map((page) => index.addHTMLFile({ url: page.url, content: page.html })));
          added.forEach((response, j) => check(`page ${batch[j]!.url}`, response));
        }
        const dir = join(workDir, language, `part-${i}`);
        await rm(dir, { recursive: true, force: true });
        check('writeFiles', await index.writeFiles({ outputPath: dir }));
        await index.deleteIndex();
        dirs.push(dir);
      }
      const out = join(outDir, `.${path}`);
      await mkdir(out, { recursive: true });
      const merge = dirs.length > 1 ? await mergeIndexes(dirs, out, language, { capAbove }) : (await usePart(dirs[0]!, out), undefined);
      report.languages.push({
        language,
        path,
        documents: documents.filter((d) => d.lang === language).length,
        passages: own.reduce((n, p) => n + p.passages, 0),
        pages: own.length,
        parts: dirs.length,
        ...(merge ? { merge } : {}),
      });
    }
  } finally {
    await pagefind.close();
    await rm(workDir, { recursive: true, force: true });
  }
  return report;
}
