/**
 * The Astro integration that runs the build worker (build-worker/worker.ts):
 * the search index, open data, share pages and preview cards, made by a
 * process of its own that starts when the build starts (after the content
 * loader, whose entries it reads), so it works on the second core while
 * Astro renders pages and its memory is not added to Astro's heap. When the
 * pages are done, its output joins them, and what each of its emitters made
 * is logged. A failure of the worker or of Pagefind fails the build with its
 * message.
 */
import { fork } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ENTRIES_FILE } from '../loaders/entries-file.ts';
import type { WorkerJob, WorkerMessage } from './build-worker/protocol.ts';
import { moveInto } from './move-into.ts';

/** Options of {@link buildWorkerIntegration}. */
export interface BuildWorkerOptions {
  /** `k/n` when building one shard. */
  shard?: string | undefined;
  /** When assembling: the shards' output folders, whose indexes are merged. */
  assemble?: string[] | undefined;
}

/** Heap of the worker: it keeps only passages and card texts, so this bounds its memory without slowing it. */
const WORKER_HEAP_MB = 384;

/** Start the worker on `job`; resolves to its message (or its exit code and the end of what it printed, when it sent none). */
function startWorker(job: WorkerJob, cwd: string): Promise<WorkerMessage> {
  const worker = fork(fileURLToPath(new URL('./build-worker/worker.ts', import.meta.url)), [JSON.stringify(job)], {
    cwd,
    execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  return new Promise((resolve) => {
    let message: WorkerMessage | undefined;
    let stderr = '';
    worker.stderr!.on('data', (d) => (stderr += d));
    worker.on('message', (m) => (message = m as WorkerMessage));
    worker.on('close', (code) =>
      resolve(message ?? { failed: `the build worker exited (code ${code}) without a report: ${stderr.trim().split('\n').slice(-3).join(' ')}` }),
    );
  });
}

/** The Astro integration that writes the worker's outputs into the site: `pagefind/` (and `pagefind-<lang>/`), and each document's files. */
export function buildWorkerIntegration({ shard, assemble = [] }: BuildWorkerOptions = {}): AstroIntegration {
  let worker: Promise<WorkerMessage> | undefined;
  let job: WorkerJob;
  let root = '';
  let started = 0;
  return {
    name: 'annotated-reader:build-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        const work = fileURLToPath(new URL(`build-worker-${process.pid}/`, config.cacheDir));
        root = fileURLToPath(config.root);
        if (!config.site) throw new Error('the site needs its address (`site`, from SITE_URL) for the build worker');
        job = {
          outDir: join(work, 'out'),
          workDir: join(work, 'work'),
          site: config.site,
          base: config.base,
          ...(assemble.length ? { assemble } : { entries: fileURLToPath(new URL(ENTRIES_FILE, config.cacheDir)), shard }),
        };
      },
      'astro:build:start': async () => {
        await rm(join(job.outDir, '..'), { recursive: true, force: true });
        await mkdir(job.outDir, { recursive: true });
        started = performance.now();
        worker = startWorker(job, root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const message = await worker!;
          if ('failed' in message) throw new Error(`the build worker failed: ${message.failed}`);
          for (const report of message.done) for (const line of report.lines) logger.info(line);
          // The index folders replace any earlier ones; the rest joins the documents' folders.
          for (const name of await readdir(job.outDir)) {
            if (name.startsWith('pagefind')) await rm(fileURLToPath(new URL(name, dir)), { recursive: true, force: true });
          }
          await moveInto(job.outDir, fileURLToPath(dir));
          logger.info(`the build worker's output is in place ${Math.round(performance.now() - started)} ms after the build started`);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          logger.error(message);
          throw new Error(message, { cause: error });
        } finally {
          await rm(join(job.outDir, '..'), { recursive: true, force: true });
        }
      },
    },
  };
}
