/**
 * The build worker (`search-index/worker.ts`): the search index and the
 * preview cards, made in a process of its own that starts when the build
 * starts (after the content loader, whose entries it reads),
 * so it works on the second core while Astro renders pages and its memory is
 * not added to Astro's heap. When the pages are done, its output joins them. Any error the worker or Pagefind reports fails the build with
 * its message.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ENTRIES_FILE } from '../loaders/entries-file.ts';

/** Options of {@link pagefindIntegration}. */
export interface PagefindOptions {
  /** `k/n` when building one shard. */
  shard?: string | undefined;
  /** When assembling: the shards' output folders, whose indexes are merged. */
  assemble?: string[] | undefined;
}

/**
 * Move everything in `from` into `to`: a file or folder `to` lacks is
 * renamed into place (no copying), a folder it has is merged into.
 */
async function moveInto(from: string, to: string): Promise<void> {
  await Promise.all(
    (await readdir(from, { withFileTypes: true })).map(async (entry) => {
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (entry.isDirectory() && existsSync(target)) await moveInto(source, target);
      else await rename(source, target);
    }),
  );
}

/** Heap of the worker: it keeps only passages and card texts, so this bounds its memory without slowing it. */
const WORKER_HEAP_MB = 384;

/** The Astro integration that writes `dist/pagefind/` (and `pagefind-<lang>/`). */
export function pagefindIntegration({ shard, assemble = [] }: PagefindOptions = {}): AstroIntegration {
  let indexer: Promise<{ code: number; stdout: string; stderr: string }> | undefined;
  let work = '';
  let root = '';
  let entries = '';
  let site = '';
  let started = 0;
  return {
    name: 'annotated-reader:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        work = fileURLToPath(new URL(`search-index-${process.pid}/`, config.cacheDir));
        root = fileURLToPath(config.root);
        entries = fileURLToPath(new URL(ENTRIES_FILE, config.cacheDir));
        site = config.site ?? 'http://localhost:4321/';
      },
      'astro:build:start': async () => {
        await rm(work, { recursive: true, force: true });
        await mkdir(work, { recursive: true });
        started = performance.now();
        const worker = fileURLToPath(new URL('./search-index/worker.ts', import.meta.url));
        const task = assemble.length ? ['merge', `${work}out`, ...assemble] : ['build', entries, `${work}out`, `${work}parts`, site, ...(shard ? [shard] : [])];
        const child = spawn(process.execPath, [`--max-old-space-size=${WORKER_HEAP_MB}`, worker, ...task], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        indexer = new Promise((resolve) => {
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d) => (stdout += d));
          child.stderr.on('data', (d) => (stderr += d));
          child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const result = await indexer!;
          if (result.code !== 0) throw new Error(`the build worker failed (exit ${result.code}): ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
          const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {
            cards: number;
            shared: number;
            bundleTarget: number;
            languages: { language: string; path: string; passages: number; pages: number; parts: number }[];
          };
          for (const l of report.languages) {
            if (assemble.length) {
              logger.info(`merged ${l.parts} shards' ${l.language} indexes into ${l.path} (${l.pages} Pagefind pages)`);
              continue;
            }
            const pages = report.bundleTarget
              ? `${l.pages} Pagefind pages of about ${Math.round(report.bundleTarget / 1000)} KB of text`
              : `${l.pages} Pagefind pages, one per document and voice`;
            logger.info(`indexed ${l.passages} ${l.language} passages into ${l.path} (${pages}; ${l.parts} part(s) merged)`);
          }
          if (!assemble.length) logger.info(`wrote open data, ${report.shared} share pages and ${report.cards} preview cards`);
          // The index folders replace any earlier ones; the rest joins the documents' folders.
          const out = `${work}out/`;
          for (const name of await readdir(out)) {
            if (name.startsWith('pagefind')) await rm(fileURLToPath(new URL(name, dir)), { recursive: true, force: true });
          }
          await moveInto(out, fileURLToPath(dir));
          logger.info(`search index and cards ready ${Math.round(performance.now() - started)} ms after the build started`);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          logger.error(message);
          throw new Error(message, { cause: error });
        } finally {
          await rm(work, { recursive: true, force: true });
        }
      },
    },
  };
}
