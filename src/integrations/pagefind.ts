/**
 * The site's search index, built with Pagefind in a process of its own
 * (`search-index/cli.ts`): started when the build starts, so it indexes on
 * the second core while Astro renders pages, and its memory is not added to
 * Astro's heap. When the pages are done, the index is moved into the output.
 * Any error the indexer or Pagefind reports fails the build with its message.
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
}

/** Heap of the indexer process: it keeps only passages, so this bounds its memory without slowing it. */
const INDEXER_HEAP_MB = 384;

/** The Astro integration that writes `dist/pagefind/` (and `pagefind-<lang>/`). */
export function pagefindIntegration({ seeds, shard }: PagefindOptions): AstroIntegration {
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
        const child = spawn(
          process.execPath,
          [`--max-old-space-size=${INDEXER_HEAP_MB}`, fileURLToPath(new URL('./search-index/cli.ts', import.meta.url)), seeds, `${work}out`, `${work}parts`, ...(shard ? [shard] : [])],
          { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
        );
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
          if (result.code !== 0) throw new Error(`the search indexer failed (exit ${result.code}): ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
          const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {
            bundleTarget: number;
            languages: { language: string; path: string; passages: number; pages: number; parts: number }[];
          };
          for (const l of report.languages) {
            const pages = report.bundleTarget ? `${l.pages} Pagefind pages of about ${Math.round(report.bundleTarget / 1000)} KB of text` : `${l.pages} Pagefind pages, one per document and voice`;
            logger.info(`indexed ${l.passages} ${l.language} passages into ${l.path} (${pages}; ${l.parts} part(s) merged)`);
          }
          const out = `${work}out/`;
          for (const name of await readdir(out)) {
            const target = fileURLToPath(new URL(name, dir));
            await rm(target, { recursive: true, force: true });
            await cp(`${out}${name}`, target, { recursive: true });
          }
          logger.info(`search index ready ${Math.round(performance.now() - started)} ms after the build started`);
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
