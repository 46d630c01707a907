/**
 * What a shard build (`SHARD=k/n`) writes of its documents for the assemble
 * step's phrase finder (src/cli/assemble.ts, src/build-data/navigation.ts):
 * `/shard-phrases.jsonl`, each document's quotes and its voices' text by
 * sentence, one document a line. The assembled site does not carry it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { phraseSources } from '../build-data/navigation.ts';
import { buildShard } from '../config/settings.ts';
import { SHARD_PHRASES } from '../lib/corpus/phrases.ts';

export const getStaticPaths = (() => (buildShard() ? [{ params: { lines: SHARD_PHRASES.replace(/\.jsonl$/u, '') } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
  new Response((await phraseSources()).map((s) => `${JSON.stringify(s)}\n`).join(''), { headers: { 'content-type': 'application/jsonl' } });
