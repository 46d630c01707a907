/**
 * The build worker (`search-index/worker.ts`): the search index and the
 * preview cards, made in a process of its own that starts when the build
 * starts, so it works on the second core while Astro renders pages and its
 * memory is not added to Astro's heap. When the pages are done, its output
 * joins them. Any error the worker or Pagefind reports fails the build with
 * its message.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Options of {@link pagefindIntegration}. */
export interface PagefindOptions {
  /** The seeds folder, relative to the project root (as the content loader is given it). */
  seeds: string;
  /** `k/n` when building one shard. */
  shard?: string | undefined;
  /** When assembling: the shards' output folders, whose indexes are merged. */
  assemble?: string[] | undefined;
}

/** Heap of the worker: it keeps only passages and card texts, so this bounds its memory without slowing it. */
const WORKER_HEAP_MB = 320;

/** The Astro integration that writes `dist/pagefind/` (and `pagefind-<lang>/`). */
export function pagefindIntegration({ seeds, shard, assemble = [] }: PagefindOptions): AstroIntegration {
  let indexer: Promise<{ code: number; stdout: string; stderr: string }> | undefined;
  let work = '';
  let root = '';
  let started = 0;
  return {
    name: 'annotated-reader:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        work = fileURLToPath(new URL(`search-index-${process.pid}/`, config.cacheDir));
        root = fileURLToPath(config.root);
      },
      'astro:build:start': async () => {
        await rm(work, { recursive: true, force: true });
        await mkdir(work, { recursive: true });
        started = performance.now();
        const worker = fileURLToPath(new URL('./search-index/worker.ts', import.meta.url));
        const task = assemble.length ? ['merge', `${work}out`, ...assemble] : ['build', seeds, `${work}out`, `${work}parts`, ...(shard ? [shard] : [])];
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
            bundleTarget: number;
            languages: { language: string; path: string; passages: number; pages: number; parts: number }[];
          };
          for (const l of report.languages) {
            if (assemble.length) {
              logger.info(`merged ${l.parts} shards' ${l.language} indexes into ${l.path} (${l.pages} Pagefind pages)`);
              continue;
            }
            const pages = report.bundleTarget ? `${l.pages} Pagefind pages of about ${Math.round(report.bundleTarget / 1000)} KB of text` : `${l.pages} Pagefind pages, one per document and voice`;
            logger.info(`indexed ${l.passages} ${l.language} passages into ${l.path} (${pages}; ${l.parts} part(s) merged)`);
          }
          if (!assemble.length) logger.info(`made ${report.cards} preview cards`);
          // The index folders replace any earlier ones; cards join their documents' folders.
          const out = `${work}out/`;
          for (const name of await readdir(out)) {
            if (name.startsWith('pagefind')) await rm(fileURLToPath(new URL(name, dir)), { recursive: true, force: true });
          }
          await cp(out, fileURLToPath(dir), { recursive: true, force: true });
          logger.info(`search index and cards ready ${Math.round(performance.now() - started)} ms after the build started`);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          logger.error(message);
          throw new Error(message);
        } finally {
          await rm(work, { recursive: true, force: true });
        }
      },
    },
  };
}
