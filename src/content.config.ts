import { defineCollection } from 'astro:content';
import { seedLoader } from './loaders/seeds.ts';

/** `SEEDS_DIR` lets tests and publishers build another folder of seeds. */
export const collections = {
  documents: defineCollection({ loader: seedLoader({ base: process.env.SEEDS_DIR ?? 'seeds' }) }),
};
