/**
 * The build worker. The site's build starts it when the build starts, so
 * its work runs on the second core while Astro renders pages, and its
 * memory is not added to Astro's heap.
 *
 * `node worker.ts build <seeds> <out> <work> [k/n]`:
 * - the search index (`indexer.ts`): Pagefind, in parts, merged;
 * - the preview cards of the newest documents (`<slug>/card.png`), made
 *   while Pagefind indexes.
 *
 * `node worker.ts merge <out> <shard dist>…` (an assemble build): the
 * shards' indexes merged into one, language by language.
 *
 * It reads the seeds folder with the same code as the content loader, so
 * both see the same documents. Problems in the seeds are the loader's to
 * report: here they only make the exit code 2. On success it prints its
 * report as JSON.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cardInput, cardLimit, renderCard } from '../../data/card-image.ts';
import { cardDocuments, type CardInput } from '../../lib/card.ts';
import { compareDocuments } from '../../lib/order.ts';
import { searchDocument } from '../../lib/search-index.ts';
import { inShard, parseShard } from '../../lib/shard.ts';
import { readSeedsFolder } from '../../loaders/seeds-folder.ts';
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
    languages.push({ language, path: `/${bundle}/`, passages: 0, pages: 0, parts: parts.length, merge: await mergeIndexes(parts, join(outDir, bundle), language) });
  }
  process.stdout.write(`${JSON.stringify({ documents: 0, cards: 0, bundleTarget: 0, languages: languages.map((l) => ({ ...l, pages: l.merge.pages })) })}\n`);
  process.exit(0);
}
const [seedsName, outDir, workDir, shardText] = args;
if (mode !== 'build' || !seedsName || !outDir || !workDir) {
  process.stderr.write('usage: node worker.ts build <seeds folder> <out folder> <work folder> [k/n] | merge <out folder> <shard dist>…\n');
  process.exit(64);
}
const shard = parseShard(shardText);
const root = pathToFileURL(`${process.cwd()}/`);
const folder = await readSeedsFolder(
  new URL(`${seedsName.replace(/\/+$/u, '')}/`, root),
  seedsName,
  (s) => !shard || inShard(s.slug, shard),
  // Only what the worker needs of each document: its passages, its card, what orders the list.
  (e) => ({ slug: e.slug, lang: e.doc.lang, order: { file: e.file, date: e.meta.date }, search: searchDocument(e), card: cardInput(e) }),
);
if (folder.problems.length) process.exit(2);
const docs = folder.entries.sort((a, b) => compareDocuments(a.order, b.order));

/** Make the cards one at a time, yielding between them so Pagefind's messages keep flowing. */
async function cards(list: readonly { slug: string; card: CardInput }[]): Promise<number> {
  for (const d of list) {
    const png = await renderCard(d.card);
    await mkdir(join(outDir!, d.slug), { recursive: true });
    await writeFile(join(outDir!, d.slug, 'card.png'), png);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return list.length;
}

const [report, made] = await Promise.all([
  buildSearchIndex({ documents: docs.map((d) => d.search), total: folder.seeds.length, outDir, workDir, prefix: shard ? `${shard.index}-` : '' }),
  cards(cardDocuments(docs, cardLimit())),
]);
process.stdout.write(`${JSON.stringify({ documents: docs.length, cards: made, ...report })}\n`);
