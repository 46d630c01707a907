import { existsSync } from 'node:fs';
import { readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Move everything in `from` into `to`: a file or folder `to` lacks is
 * renamed into place (no copying), a folder it has is merged into. The
 * build worker's output joins the site's pages this way, and assemble's
 * site pages join the shards' document folders it gathered beside them.
 */
export async function moveInto(from: string, to: string): Promise<void> {
  await Promise.all(
    (await readdir(from, { withFileTypes: true })).map(async (entry) => {
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (entry.isDirectory() && existsSync(target)) await moveInto(source, target);
      else await rename(source, target);
    }),
  );
}
