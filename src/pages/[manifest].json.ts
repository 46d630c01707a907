/**
 * What a shard build (`SHARD=k/n`) writes for `npm run assemble`
 * (src/cli/assemble.ts), which the assembled site does not carry:
 * `/shard-documents.json`, the summaries of the shard's documents, joined
 * into one document list, feed and sitemap; and `/shard-quotes.json`, their
 * quotes, which the phrase finder's first pass reads (its second reads
 * `/shard-phrases.jsonl`: `[lines].jsonl.ts`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { quoteSources } from '../build-data/navigation.ts';
import { buildShard } from '../config/settings.ts';
import { getSummaries } from '../build-data/list-summaries.ts';
import { SHARD_QUOTES } from '../lib/corpus/phrases.ts';
import { SHARD_MANIFEST } from '../lib/corpus/summaries.ts';

const FILES: Record<string, () => Promise<unknown>> = {
  [SHARD_MANIFEST.replace(/\.json$/u, '')]: getSummaries,
  [SHARD_QUOTES.replace(/\.json$/u, '')]: quoteSources,
};

export const getStaticPaths = (() => (buildShard() ? Object.keys(FILES).map((manifest) => ({ params: { manifest } })) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(await FILES[params.manifest!]!()), { headers: { 'content-type': 'application/json' } });
