/**
 * What the build's integration (../build-worker.ts) and its worker process
 * (worker.ts) tell each other: the job, given as the worker's one argument,
 * and the worker's one message back, over Node's IPC channel.
 */
import type { EmitReport } from '../emitters/emitter.ts';

/** What the worker is to make, and where. */
export interface WorkerJob {
  /** The folder the outputs are written to; the integration moves them into the site. */
  outDir: string;
  /** A scratch folder, removed afterwards. */
  workDir: string;
  /** The site's address (`SITE_URL`) and base path (`BASE_PATH`), as Astro's config has them. */
  site: string;
  base: string;
  /** A build: the entries file the content loader wrote, and the shard built (`k/n`), if any. */
  entries?: string | undefined;
  shard?: string | undefined;
  /** An assemble build: the shards' output folders, whose indexes are merged (and nothing else is made). */
  assemble?: string[] | undefined;
}

/** The worker's message when it ends: each output's report, or why it failed. */
export type WorkerMessage = { done: EmitReport[] } | { failed: string };
