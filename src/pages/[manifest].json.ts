/**
 * `/shard-documents.json`, written only by a shard build (`SHARD=k/n`): the
 * summaries of the shard's documents, which `npm run assemble` joins into
 * one document list, feed and sitemap (src/integrations/assemble.ts). The
 * assembled site does not carry it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildShard } from '../data/settings.ts';
import { getSummaries } from '../data/summaries.ts';
import { SHARD_MANIFEST } from '../lib/corpus/summaries.ts';

export const getStaticPaths = (() => (buildShard() ? [{ params: { manifest: SHARD_MANIFEST.replace(/\.json$/u, '') } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => new Response(JSON.stringify(await getSummaries()), { headers: { 'content-type': 'application/json' } });
