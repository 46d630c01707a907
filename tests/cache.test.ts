/**
 * The build's cache of entries (the loader's `entries.jsonl`): a cache cut
 * short, or made by another version of the code, is said and not trusted,
 * and the site built from it is the one a clean build makes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildCorpus, root, runBuild, type BuildResult } from './helpers/build.ts';

const base = 'tests/.build/cache';
const entries = `${root}${base}/cache/entries.jsonl`;
const seed = (n: number) => `The minister, Ana Silva, said on April ${n}: "Statement ${n} on the talks."\n\nComment: A view of ${n}.\n`;

/** Every file of a build's output with a digest of its bytes. */
function site(outDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else files.set(relative(outDir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(outDir);
  return files;
}

let clean: Map<string, string>;
beforeAll(async () => {
  const first: BuildResult = await buildCorpus('cache', Object.fromEntries([1, 2, 3].map((n) => [`doc-${n}.txt`, seed(n)])));
  expect(first.code, first.stderr).toBe(0);
  clean = site(first.outDir);
}, 180_000);

const again = () => runBuild(`${base}/seeds`, `${base}/dist`, { ASTRO_CACHE_DIR: `${base}/cache` });

test('a cache file cut short is said, its entries are made again, and the site is the clean build’s, byte for byte', async () => {
  const size = readFileSync(entries).length;
  truncateSync(entries, Math.floor(size * 0.6));
  const build = await again();
  expect(build.code, build.stderr).toBe(0);
  expect(build.stdout).toMatch(
    /cache\/entries\.jsonl: [12] cached entr(?:y|ies) could not be read \(the file is damaged or cut short\); made again from the seeds/u,
  );
  expect(site(build.outDir)).toEqual(clean);
}, 180_000);

test('a cache another version of the code made is said and not reused, and the site is the clean build’s', async () => {
  const lines = readFileSync(entries, 'utf8').split('\n');
  lines[0] = JSON.stringify({ ...JSON.parse(lines[0]!), code: 'another-version' });
  writeFileSync(entries, lines.join('\n'));
  const build = await again();
  expect(build.code, build.stderr).toBe(0);
  expect(build.stdout).toContain('cache/entries.jsonl: made by another version of the reader; every seed is read again');
  expect(site(build.outDir)).toEqual(clean);
}, 180_000);
