/**
 * An assemble build's search index: the shards' indexes merged into one,
 * language by language (`pagefind/`, `pagefind-zh/`), by ../search-index/merge.ts.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeIndexes } from '../search-index/merge.ts';
import { settings } from '../../config/settings.ts';
import { isIndexFolder } from '../../lib/search/passages.ts';
import type { Emitter } from './emitter.ts';

/** The merged index emitter, over the shard builds' output folders. */
export function mergedIndexEmitter(shards: readonly string[]): Emitter {
  const name = 'merged search index';
  return {
    name,
    async emit({ outDir }) {
      // Each language's index folder, merged from every shard that has it.
      const folders = [...new Set((await Promise.all(shards.map(async (d) => (await readdir(d)).filter(isIndexFolder)))).flat())].sort();
      const lines: string[] = [];
      for (const folder of folders) {
        const parts = shards.map((d) => join(d, folder)).filter((d) => existsSync(join(d, 'pagefind-entry.json')));
        const entry = JSON.parse(await readFile(join(parts[0]!, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
        const language = Object.keys(entry.languages)[0]!;
        const merge = await mergeIndexes(parts, join(outDir, folder), language, { capAbove: settings().searchCapBytes });
        lines.push(
          `merged ${parts.length} shards' ${language} indexes into /${folder}/ (${merge.pages} Pagefind pages, ${merge.capped} common words capped, ${merge.stops} words that extend them given empty aliases)`,
        );
      }
      return { name, lines };
    },
  };
}
