import { defineCollection } from 'astro:content';
import { assembleShards, buildShard, settings } from './config/settings.ts';
import { seedLoader } from './loaders/seeds.ts';

/**
 * `SEEDS_DIR` lets tests and publishers build another folder of seeds;
 * `SHARD=k/n` builds one shard of it. An assemble build has no documents of
 * its own (its lists read the shards' summaries).
 */
export const collections = {
  documents: defineCollection({
    loader: assembleShards().length
      ? { name: 'assembled', load: ({ store }) => Promise.resolve(store.clear()) }
      : seedLoader({ base: settings().seedsDir, shard: buildShard(), historyRequired: settings().historyRequired }),
  }),
};
