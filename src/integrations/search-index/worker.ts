/**
 * The build worker. The site's build starts it when the build starts, so
 * its work runs on the second core while Astro renders pages, and its
 * memory is not added to Astro's heap.
 *
 * `node worker.ts build <entries> <out> <work> [k/n]`, from the entries the
 * content loader wrote (src/loaders/seeds.ts), not parsing the corpus again:
 * - each document's open data (`<slug>/data.json`) and its paragraphs'
 *   share pages (`<slug>/c2/`), from the same functions as the dev routes;
 * - the search index (`indexer.ts`): Pagefind, in parts, merged;
 * - the preview cards of the newest documents (`<slug>/card.png`), made
 *   while Pagefind indexes.
 *
 * `node worker.ts merge <out> <shard dist>…` (an assemble build): the
 * shards' indexes merged into one, language by language.
 *
 * On success it prints its report as JSON.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderCard } from '../../data/card-image.ts';
import { cardCovers } from '../../data/card/coverage.ts';
import { settings } from '../../data/settings.ts';
import { cardDocuments, cardFor, documentCards, type DocumentCard } from '../../lib/publish/card.ts';
import { expandEntry, type SeedEntry } from '../../lib/notes/entry.ts';
import { openDataFile } from '../../lib/publish/open-data.ts';
import { sharedParagraphs, sharePage, type SharePageInput } from '../../lib/publish/share.ts';
import { goneShares } from '../../lib/publish/corrections.ts';
import { currentVersionRedirect, formerAddressPages, redirectRules } from '../../lib/publish/history-files.ts';
import { searchDocument, type SearchDocument } from '../../lib/search/bundles.ts';
import { entriesFileLines, type EntriesHeader } from '../../loaders/entries-file.ts';
import { compareDocuments, type Orderable } from '../../lib/corpus/order.ts';
import { parseShard } from '../../lib/corpus/shard.ts';
import { buildSearchIndex } from './indexer.ts';
import { mergeIndexes } from './merge.ts';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'merge') {
  const [outDir, ...shards] = args;
  if (!outDir || !shards.length) throw new Error('usage: node worker.ts merge <out folder> <shard dist>…');
  // Each language's bundle folder (`pagefind/`, `pagefind-zh/`), merged from every shard that has it.
  const bundles = [...new Set((await Promise.all(shards.map(async (d) => (await readdir(d)).filter((f) => /^pagefind(-[\w-]+)?$/u.test(f))))).flat())].sort();
  const languages = [];
  for (const bundle of bundles) {
    const parts = shards.map((d) => join(d, bundle)).filter((d) => existsSync(join(d, 'pagefind-entry.json')));
    const entry = JSON.parse(await readFile(join(parts[0]!, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    const language = Object.keys(entry.languages)[0]!;
    languages.push({
      language,
      path: `/${bundle}/`,
      passages: 0,
      pages: 0,
      parts: parts.length,
      merge: await mergeIndexes(parts, join(outDir, bundle), language),
    });
  }
  process.stdout.write(`${JSON.stringify({ documents: 0, cards: 0, bundleTarget: 0, languages: languages.map((l) => ({ ...l, pages: l.merge.pages })) })}\n`);
  process.exit(0);
}
const [entriesFile, outDir, workDir, site, shardText] = args;
if (mode !== 'build' || !entriesFile || !outDir || !workDir || !site) {
  process.stderr.write('usage: node worker.ts build <entries.jsonl> <out folder> <work folder> <site address> [k/n] | merge <out folder> <shard dist>…\n');
  process.exit(64);
}
const shard = parseShard(shardText);
const siteUrl = new URL(site);

/** The entries file's header, then each document's entry. */
async function* entriesOf(file: string): AsyncGenerator<{ header: EntriesHeader } | { entry: SeedEntry }> {
  for await (const item of entriesFileLines(file)) yield 'header' in item ? item : { entry: expandEntry(JSON.parse(item.line) as SeedEntry) };
}

/** Of each document, only what the worker needs: passages, card, share pages, list order. */
interface WorkerDocument {
  slug: string;
  order: Orderable;
  search: SearchDocument;
  /** One card per voice (src/lib/publish/card.ts). */
  cards: DocumentCard[];
  share: Omit<SharePageInput, 'site' | 'paragraph' | 'voice' | 'image'> & {
    paragraphs: { paragraph: { id: string; text: string }; voice: SharePageInput['voice'] }[];
  };
}

let total = 0;
const docs: WorkerDocument[] = [];
for await (const item of entriesOf(entriesFile)) {
  if ('header' in item) {
    total = item.header.total;
    continue;
  }
  const e = item.entry;
  docs.push({
    slug: e.slug,
    order: { file: e.file, date: e.meta.date },
    search: searchDocument(e),
    cards: documentCards(e),
    share: {
      slug: e.slug,
      title: e.title,
      lang: e.doc.lang,
      speaker: e.meta.speaker,
      translated: Boolean(e.meta.translated),
      published: e.meta.date,
      paragraphs: sharedParagraphs(e.doc).map(({ paragraph, voice }) => ({ paragraph: { id: paragraph.id, text: paragraph.text }, voice })),
    },
  });
}
docs.sort((a, b) => compareDocuments(a.order, b.order));
const withCards = cardDocuments(docs, settings().cards, (d) => d.cards.every((c) => cardCovers(c.input)));
const carded = new Set(withCards.map((d) => d.slug));

/** Write a file of a document's folder. */
async function write(slug: string, path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(join(outDir!, slug, path, '..'), { recursive: true });
  await writeFile(join(outDir!, slug, path), content);
}

/** Run `task` over `items`, `width` at a time (file writes wait on the disk, not the processor). */
async function each<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/**
 * While Pagefind indexes (in its own process): each document's open data and
 * share pages (about half of a site's files, from src/lib/publish/share.ts), then the
 * cards, one at a time, yielding between them so Pagefind's messages flow.
 */
async function files(): Promise<{ shared: number; cards: number }> {
  let shared = 0;
  const slugs = new Set(docs.map((d) => d.slug));
  const shares = new Map(docs.map((d) => [d.slug, d.share]));
  const rules: string[] = [];
  // Open data and what a document's history adds need the whole entry: read each again rather than keep them all in memory.
  for await (const item of entriesOf(entriesFile!)) {
    if (!('entry' in item)) continue;
    const e = item.entry;
    await write(e.slug, 'data.json', openDataFile(e, siteUrl));
    const versions = e.history?.versions ?? [];
    if (versions.length > 1) {
      // The current version's own address leads to the reading page; the paragraphs it no longer has keep their share pages.
      await write(e.slug, `v${versions.length}/index.html`, currentVersionRedirect(e.slug, versions.length, siteUrl));
      const base = shares.get(e.slug)!;
      for (const { paragraph, voice, gone } of goneShares(e.slug, e.history)) {
        await write(e.slug, `${paragraph.id}/index.html`, sharePage({ site: siteUrl, ...base, paragraph, voice, gone }));
        shared++;
      }
    }
    // A renamed seed's old addresses lead to its new ones.
    const renamed = {
      slug: e.slug,
      file: e.file,
      history: e.history ?? { formerNames: [], versions: [], gone: [] },
      paragraphIds: sharedParagraphs(e.doc).map((p) => p.paragraph.id),
    };
    for (const f of formerAddressPages(renamed, siteUrl, slugs)) {
      await mkdir(join(outDir!, f.path, '..'), { recursive: true });
      await writeFile(join(outDir!, f.path), f.content);
    }
    rules.push(...redirectRules(renamed, slugs));
  }
  if (rules.length) await writeFile(join(outDir!, '_redirects'), `${rules.join('\n')}\n`);
  await each(docs, 16, async (d) => {
    for (const { paragraph, voice } of d.share.paragraphs) {
      // A paragraph previews with its own voice's card, never another's.
      const card = carded.has(d.slug) ? cardFor(d.cards, voice) : undefined;
      const image = card && new URL(card, siteUrl).href;
      await write(d.slug, `${paragraph.id}/index.html`, sharePage({ site: siteUrl, ...d.share, paragraph, voice, image }));
      shared++;
    }
  });
  let cards = 0;
  for (const d of withCards) {
    for (const card of d.cards) {
      await write(d.slug, card.path.slice(d.slug.length + 2), await renderCard(card.input));
      cards++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { shared, cards };
}

const [report, made] = await Promise.all([
  buildSearchIndex({ documents: docs.map((d) => d.search), total, outDir, workDir, prefix: shard ? `${shard.index}-` : '' }),
  files(),
]);
process.stdout.write(`${JSON.stringify({ documents: docs.length, ...made, ...report })}\n`);
