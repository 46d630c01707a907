/**
 * The settings of this process, read from its environment once (declared
 * and validated in src/lib/corpus/environment.ts). A bad value stops the process with
 * one line per bad variable and exit code 1.
 */
import { readSettings, SettingsError, type Settings } from '../lib/corpus/environment.ts';
import type { Shard } from '../lib/corpus/shard.ts';

let cached: Settings | undefined;

/** The settings; exits with the one-line errors when a variable is bad. */
export function settings(): Settings {
  if (!cached) {
    try {
      cached = readSettings(process.env);
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      for (const line of error.lines) process.stderr.write(`error: ${line}\n`);
      process.exit(1);
    }
  }
  return cached;
}

/** `SHARD=k/n`: build only shard k of n (see src/lib/corpus/shard.ts); undefined builds everything. */
export const buildShard = (): Shard | undefined => settings().shard;

/** `ASSEMBLE_SHARDS`: the output folders of shard builds this build assembles (set by `npm run assemble`); empty otherwise. */
export const assembleShards = (): string[] => settings().assembleShards;
