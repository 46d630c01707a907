/**
 * The version of the code that reads seeds into entries: a digest of the
 * sources under `src/lib/` and `src/loaders/` and of `package-lock.json`.
 * Every cached entry is made by one version: a cache another version made
 * (the reading rules changed, a dependency was upgraded) is not reused.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let version: string | undefined;

/** The files under `dir`, sorted, with their paths from it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(`${dir}${e.name}/`, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** The code's version (computed once per process). */
export function codeVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  for (const folder of ['../lib/', './']) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    for (const file of filesUnder(dir))
      hash
        .update(`${folder}${file}\u0000`)
        .update(readFileSync(`${dir}${file}`))
        .update('\u0000');
  }
  try {
    hash.update(readFileSync(new URL('../../package-lock.json', import.meta.url)));
  } catch {
    // A project without a lock file: its sources alone.
  }
  version = hash.digest('hex').slice(0, 16);
  return version;
}
