/**
 * The settings of this process, read from its environment once (declared
 * and validated in src/lib/corpus/environment.ts). A bad value throws a
 * ProblemError with one line per bad variable: Astro prints it when the
 * config reads the settings, `npm run check:seeds` prints it itself.
 */
import { readSettings, type Settings } from '../lib/corpus/environment.ts';
import type { Shard } from '../lib/corpus/shard.ts';

let cached: Settings | undefined;

/** The settings; throws the one-line problems when a variable is bad. */
export function settings(): Settings {
  cached ??= readSettings(process.env);
  return cached;
}

/** `SHARD=k/n`: build only shard k of n (see src/lib/corpus/shard.ts); undefined builds everything. */
export const buildShard = (): Shard | undefined => settings().shard;

/** `ASSEMBLE_SHARDS`: the output folders of shard builds this build assembles (set by `npm run assemble`); empty otherwise. */
export const assembleShards = (): string[] => settings().assembleShards;
