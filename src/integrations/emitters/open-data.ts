/** Each document's open data, `<slug>/data.json` (src/lib/publish/open-data.ts; the dev route serves the same file). */
import { openDataFile } from '../../lib/publish/open-data.ts';
import type { Emitter } from './emitter.ts';

/** The open data emitter: it reads each entry again rather than keep every document's text in memory. */
export function openDataEmitter(): Emitter {
  const name = 'open data';
  return {
    name,
    async emit({ entries, write, site, addresses }) {
      let n = 0;
      for (const entry of entries()) {
        await write(`${entry.slug}/data.json`, openDataFile(entry, site, addresses));
        n++;
      }
      return { name, lines: [`wrote ${n} documents' open data`] };
    },
  };
}
