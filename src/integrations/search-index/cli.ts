/**
 * The search indexer as its own process: `node cli.ts <seeds> <out> [shard]`.
 * The Pagefind integration starts it when the build starts, so the index is
 * built on another core while Astro renders the pages, and Pagefind's memory
 * never adds to Astro's process. It reads the seeds folder with the same code
 * as the content loader, so both see the same documents. Problems in the
 * seeds are the loader's to report: here they only make the exit code 2.
 * On success it prints its report as JSON.
 */
import { pathToFileURL } from 'node:url';
import { compareDocuments } from '../../lib/order.ts';
import { searchDocument } from '../../lib/search-index.ts';
import { inShard, parseShard } from '../../lib/shard.ts';
import { readSeedsFolder } from '../../loaders/seeds-folder.ts';
import { buildSearchIndex } from './indexer.ts';

const [seedsName, outDir, workDir, shardText] = process.argv.slice(2);
if (!seedsName || !outDir || !workDir) {
  process.stderr.write('usage: node cli.ts <seeds folder> <out folder> <work folder> [k/n]\n');
  process.exit(64);
}
const shard = parseShard(shardText);
const root = pathToFileURL(`${process.cwd()}/`);
const folder = await readSeedsFolder(
  new URL(`${seedsName.replace(/\/+$/u, '')}/`, root),
  seedsName,
  (s) => !shard || inShard(s.slug, shard),
  // Only what search needs of each document (its passages), with what orders the list.
  (e) => ({ order: { file: e.file, date: e.meta.date }, search: searchDocument(e) }),
);
if (folder.problems.length) process.exit(2);
const entries = folder.entries.sort((a, b) => compareDocuments(a.order, b.order));
const report = await buildSearchIndex({
  documents: entries.map((e) => e.search),
  total: folder.seeds.length,
  outDir,
  workDir,
  prefix: shard ? `${shard.index}-` : '',
});
process.stdout.write(`${JSON.stringify({ documents: entries.length, ...report })}\n`);
