/**
 * One output of the build worker, in a module of its own, as Quartz's
 * emitters are: the search index, the documents' open data, their share
 * pages, their preview cards, and, in an assemble build, the shards' indexes
 * merged. The worker reads the entries file once and shows every emitter
 * each document (`collect`: it keeps only what it needs, so the worker's
 * memory stays small), then runs every emitter's `emit` at once: the index
 * waits on Pagefind's own process while the others write files.
 */
import type { SeedEntry } from '../../lib/notes/entry.ts';
import type { Addresses } from '../../lib/publish/addresses.ts';
import type { DocumentCard } from '../../lib/publish/card.ts';

/** The site the outputs are for. */
export interface EmitSite {
  /** The site's address (`SITE_URL`). */
  site: URL;
  /** The site's addresses, under its base path. */
  addresses: Addresses;
}

/** What every emitter is given. */
export interface EmitContext extends EmitSite {
  /** The folder the outputs go to; the integration moves them into the site. */
  outDir: string;
  /** A scratch folder of the emitter's own. */
  workDir: string;
  /** Documents in the whole corpus (all shards), for sizes chosen for the corpus. */
  total: number;
  /** The build's documents (this shard's), in list order. */
  documents: readonly { slug: string; lang: string }[];
  /** The preview cards (one per voice) of the documents that get them: the newest `CARDS` whose every card can be drawn. */
  cards: ReadonlyMap<string, readonly DocumentCard[]>;
  /** `<k>-` in shard k's build, to keep its search bundles' names apart from other shards'. */
  prefix: string;
  /** Each document's whole entry, read again from the entries file one at a time, for an output that needs all of it. */
  entries: () => Iterable<SeedEntry>;
  /** Write a file of the output: `path` is relative to the site's root. */
  write: (path: string, content: string | Uint8Array) => Promise<void>;
}

/** What an emitter made, for the build's log. */
export interface EmitReport {
  name: string;
  /** Lines for the build's log. */
  lines: string[];
  /** Redirect rules for the site's `_redirects` (Netlify, Cloudflare Pages), which the worker writes. */
  rules?: string[] | undefined;
}

/** One output of the build. */
export interface Emitter {
  name: string;
  /** See a document of the build (in the entries file's order), keeping what `emit` needs of it. */
  collect?(entry: SeedEntry, site: EmitSite): void;
  /** Make the output. */
  emit(context: EmitContext): Promise<EmitReport>;
}
