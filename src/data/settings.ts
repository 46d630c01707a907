/**
 * Settings read from the environment, each validated once, with a one-line
 * error naming the variable and what it accepts.
 */
import { delimiter } from 'node:path';
import { parseShard, type Shard } from '../lib/shard.ts';

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

let shard: { value: Shard | undefined } | undefined;

/** `SHARD=k/n`: build only shard k of n (see src/lib/shard.ts); undefined builds everything. */
export function buildShard(): Shard | undefined {
  if (!shard) {
    try {
      shard = { value: parseShard(process.env.SHARD) };
    } catch (error) {
      fail((error as Error).message);
    }
  }
  return shard.value;
}

/**
 * `ASSEMBLE_SHARDS`: the output folders of shard builds, separated by the
 * platform's path delimiter, when this build assembles them (set by
 * `npm run assemble`); empty otherwise.
 */
export function assembleShards(): string[] {
  return (process.env.ASSEMBLE_SHARDS ?? '').split(delimiter).filter(Boolean);
}
