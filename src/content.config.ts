import { defineCollection } from 'astro:content';
import { buildShard } from './data/settings.ts';
import { seedLoader } from './loaders/seeds.ts';

/** `SEEDS_DIR` lets tests and publishers build another folder of seeds; `SHARD=k/n` builds one shard of it. */
export const collections = {
  documents: defineCollection({ loader: seedLoader({ base: process.env.SEEDS_DIR ?? 'seeds', shard: buildShard() }) }),
};
