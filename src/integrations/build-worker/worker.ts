/**
 * The build worker: a process of its own that the site's build starts when
 * the build starts (../build-worker.ts), so its work runs on the second core
 * while Astro renders pages, and its memory (its heap is capped) is not
 * added to Astro's.
 *
 * Its one argument is the job (protocol.ts). A build's worker reads the
 * entries the content loader wrote (src/loaders/seeds.ts) rather than parse
 * the corpus again, and runs one emitter per output (../emitters/): the
 * search index, the open data, the share pages, the focus views' pages,
 * the preview cards and the files a document's history adds. An
 * assemble build's worker only merges the shards' search indexes. Every
 * output goes to the job's folder; the worker's one message tells the
 * integration what each emitter made, or why it failed.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { settings } from '../../config/settings.ts';
import { compareDocuments, type Orderable } from '../../lib/corpus/order.ts';
import { parseShard } from '../../lib/corpus/shard.ts';
import { expandEntry, type SeedEntry } from '../../lib/notes/entry.ts';
import { siteAddresses } from '../../lib/publish/addresses.ts';
import { redirectsFile, redirectsNote } from '../../lib/publish/redirect.ts';
import { cardDocuments, documentCards, type DocumentCard } from '../../lib/publish/card.ts';
import { cardsDrawable } from '../../card-renderer/coverage.ts';
import { entriesFileLines, type EntriesHeader } from '../../loaders/entries-file.ts';
import { cardsEmitter } from '../emitters/cards.ts';
import type { EmitContext, Emitter, EmitReport } from '../emitters/emitter.ts';
import { mergedIndexEmitter } from '../emitters/merged-index.ts';
import { focusViewsEmitter } from '../emitters/focus-views.ts';
import { historyEmitter } from '../emitters/history.ts';
import { openDataEmitter } from '../emitters/open-data.ts';
import { searchIndexEmitter } from '../emitters/search-index.ts';
import { sharePagesEmitter } from '../emitters/share-pages.ts';
import type { WorkerJob, WorkerMessage } from './protocol.ts';

/** Each entry of the entries file, expanded; `header` is given the file's header. */
function* entriesOf(file: string | undefined, header?: (h: EntriesHeader) => void): Generator<SeedEntry> {
  if (!file) return;
  for (const item of entriesFileLines(file)) {
    if ('header' in item) header?.(item.header);
    else yield expandEntry(JSON.parse(item.line) as SeedEntry);
  }
}

/** Run the job's emitters; resolves to what each made. */
async function run(job: WorkerJob): Promise<EmitReport[]> {
  const emitters: Emitter[] = job.assemble
    ? [mergedIndexEmitter(job.assemble)]
    : [searchIndexEmitter(), openDataEmitter(), sharePagesEmitter(), focusViewsEmitter(), cardsEmitter(), historyEmitter()];
  const site = { site: new URL(job.site), addresses: siteAddresses(job.base) };
  // One reading of the entries: the documents' order, and what each emitter keeps of them.
  let total = 0;
  const documents: (Orderable & { slug: string; lang: string; cards: DocumentCard[] })[] = [];
  for (const entry of entriesOf(job.entries, (header) => (total = header.total))) {
    documents.push({ slug: entry.slug, lang: entry.doc.lang, file: entry.file, date: entry.meta.date, cards: documentCards(entry, site.addresses) });
    for (const emitter of emitters) emitter.collect?.(entry, site);
  }
  documents.sort(compareDocuments);
  const shard = parseShard(job.shard);
  const folders = new Map<string, Promise<unknown>>();
  const context: Omit<EmitContext, 'workDir'> = {
    ...site,
    outDir: job.outDir,
    total,
    documents,
    cards: new Map(cardDocuments(documents, settings().cards, (d) => cardsDrawable(d.cards)).map((d) => [d.slug, d.cards])),
    prefix: shard ? `${shard.index}-` : '',
    entries: () => entriesOf(job.entries),
    async write(path, content) {
      const file = join(job.outDir, path);
      // Most folders take several files (a document's share pages, data, cards): each is made once.
      const folder = dirname(file);
      await (folders.get(folder) ?? folders.set(folder, mkdir(folder, { recursive: true })).get(folder));
      await writeFile(file, content);
    },
  };
  try {
    const reports = await Promise.all(emitters.map((e) => e.emit({ ...context, workDir: join(job.workDir, e.name.replace(/\W+/gu, '-')) })));
    const redirects = redirectsFile(reports.flatMap((r) => r.rules ?? []));
    if (redirects) await context.write('_redirects', redirects);
    const note = redirectsNote(redirects);
    return note ? [...reports, { name: '_redirects', lines: [note] }] : reports;
  } finally {
    await rm(job.workDir, { recursive: true, force: true });
  }
}

/** Tell the integration how the job ended, then let the process end. */
function send(message: WorkerMessage): void {
  if (!process.send) throw new Error('the build worker is started by the build (src/integrations/build-worker.ts), with a channel to report to');
  process.send(message, () => process.disconnect());
}

try {
  send({ done: await run(JSON.parse(process.argv[2] ?? '{}') as WorkerJob) });
} catch (error) {
  // The integration fails the build with this message; the stack, for whoever debugs it, goes to stderr.
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  send({ failed: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
}
