/**
 * `npm run assemble -- [--move] <out> <shard dist>…`: joins the outputs of shard
 * builds (`SHARD=k/n npm run build`, each on its own machine) into one
 * deployable site in `<out>`:
 *
 * 1. an Astro build with `ASSEMBLE_SHARDS` set, which has no documents of its
 *    own: it renders the site's lists, feed, sitemap and other site pages
 *    from every shard's summaries (`/shard-documents.json`), the recurring
 *    phrases' pages from what each shard wrote of its documents' words
 *    (`/shard-phrases.jsonl`), and its build worker merges the shards' search
 *    indexes into one;
 * 2. every shard's document folders (`/<slug>/…`) linked in beside them (made
 *    while Astro builds, in a folder beside the site, and moved in after); with
 *    `--move`, the folders themselves are moved out of the shards (one rename
 *    a document instead of a link a file: for shards that are not needed
 *    after, such as a CI job's downloaded artifacts);
 * 3. one `_headers`, whose Content-Security-Policy allows what every page of
 *    every shard needs.
 *
 * Shards must come from the same seeds folder and the same `k/n` split; a
 * document found in two shards, or a shard that is not a shard build, stops
 * it with a one-line error.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { settings } from '../config/settings.ts';
import { PATH_DELIMITER } from '../lib/corpus/environment.ts';
import { fileURLToPath } from 'node:url';
import { SHARD_MANIFEST, type DocumentSummary } from '../lib/corpus/summaries.ts';
import { SHARD_PHRASES, SHARD_QUOTES } from '../lib/corpus/phrases.ts';
import { redirectsFile, redirectsNote } from '../lib/publish/redirect.ts';
import { headersFile, headersPolicy } from '../integrations/headers.ts';
import { moveInto } from '../integrations/move-into.ts';
import { CommandError, commandArgs, fail, runCommand } from './command.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const USAGE = 'npm run assemble -- [--move] <out folder> <shard output folder>…';

await runCommand(async () => {
  const { values, positionals } = commandArgs({ move: { type: 'boolean', default: false } }, USAGE);
  const [outArg, ...shardArgs] = positionals;
  if (!outArg || !shardArgs.length) fail(`usage: ${USAGE}`);
  await assemble(
    resolve(outArg),
    shardArgs.map((s) => resolve(s)),
    values.move,
  );
});

/** Join the shards' outputs into one site in `out`; `move`: move the shards' document folders instead of linking them. */
async function assemble(out: string, shards: string[], move: boolean): Promise<void> {
  // Every shard's documents, each in one shard only.
  const owner = new Map<string, string>();
  const documents = new Map<string, string[]>();
  for (const shard of shards) {
    if (!existsSync(join(shard, SHARD_MANIFEST))) fail(`${shard}: not the output of a shard build (no ${SHARD_MANIFEST}); build it with SHARD=k/n`);
    for (const file of [SHARD_PHRASES, SHARD_QUOTES]) {
      if (!existsSync(join(shard, file))) fail(`${shard}: a shard build of an older version (no ${file}); build it again`);
    }
    const docs = JSON.parse(await readFile(join(shard, SHARD_MANIFEST), 'utf8')) as DocumentSummary[];
    for (const d of docs) {
      const other = owner.get(d.slug);
      if (other) fail(`${shard}: document /${d.slug}/ is also in ${other}; were both shards cut from the same seeds with the same n?`);
      owner.set(d.slug, shard);
    }
    // A document's folder, and the folders of its former slugs (pages that lead to its addresses now).
    documents.set(
      shard,
      docs.flatMap((d) => [d.slug, ...(d.formerSlugs ?? []).filter((old) => existsSync(join(shard, old)))]),
    );
  }

  // 1. The site's own pages, from every shard's summaries, and the merged search index: Astro's build, in a process of
  // its own; meanwhile 2. every shard's document folders, and any of its fingerprinted assets the site lacks, linked
  // (or moved) into a folder beside the site, which becomes the site when the build is done.
  await rm(out, { recursive: true, force: true });
  const staging = `${out}.documents`;
  await rm(staging, { recursive: true, force: true });
  const started = performance.now();
  const built = new Promise<void>((done, failed) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASSEMBLE_SHARDS: shards.join(PATH_DELIMITER), OUT_DIR: out, SHARD: '' },
    });
    child.on('exit', (code) => (code === 0 ? done() : failed(new CommandError(`the assemble build failed (exit ${code})`))));
  });
  mkdirSync(staging, { recursive: true });
  // Whether any folder was linked (not moved): what the closing line says was done.
  let linkedAny = false;
  for (const [shard, slugs] of documents) {
    for (const slug of slugs) linkedAny = take(join(shard, slug), join(staging, slug), move) || linkedAny;
    if (existsSync(join(shard, '_astro'))) linkTree(join(shard, '_astro'), join(staging, '_astro'));
  }
  const gathered = performance.now();
  await built;
  const waited = performance.now();
  // The site's own pages are a few folders, the documents' are one a document: the few join the many.
  await moveInto(out, staging);
  await rm(out, { recursive: true, force: true });
  await rename(staging, out);
  const moved = performance.now();

  // 3. One Content-Security-Policy for all: the site's pages' and every shard's.
  const policies: string[] = [];
  for (const dir of [out, ...shards]) {
    const policy = existsSync(join(dir, '_headers')) ? headersPolicy(await readFile(join(dir, '_headers'), 'utf8')) : undefined;
    if (policy) policies.push(policy);
  }
  await writeFile(join(out, '_headers'), headersFile(policies, settings().basePath));

  // 4. The shards' redirect rules (renamed seeds' old addresses; the focus views' with HOST_REDIRECTS=rules), in one
  // `_redirects`, each rule once.
  const rules = await Promise.all(shards.map(async (s) => (existsSync(join(s, '_redirects')) ? readFile(join(s, '_redirects'), 'utf8') : '')));
  const redirects = redirectsFile(rules.flatMap((r) => r.split('\n')));
  if (redirects) await writeFile(join(out, '_redirects'), redirects);

  const count = [...documents.values()].reduce((n, s) => n + s.length, 0);
  const pagefind = (await readdir(out)).filter((f) => f.startsWith('pagefind')).join(', ');
  const ms = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
  process.stdout.write(
    `assembled ${count} documents from ${shards.length} shards into ${out} (search: ${pagefind}) in ${Math.round(performance.now() - started)} ms: ` +
      `the shards' folders ${move && !linkedAny ? 'moved out' : 'linked'} in ${ms(started, gathered)} (beside Astro's build), joined to the site's pages in ${ms(waited, moved)}\n`,
  );
  const note = redirectsNote(redirects);
  if (note) process.stdout.write(`${note}\n`);
}

/**
 * Put a folder's files into `to` as hard links (no copying: a 100,000-document
 * site is a million files), or copies where links cannot be made. Synchronous:
 * a link is one quick system call, and the thread pool would add more than it
 * takes; this runs while Astro's own process builds the site's pages.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') copyFileSync(source, target);
      }
    }
  }
}

/**
 * A shard's document folder into `to`, renamed (`--move`: one system call for
 * all its files) or linked file by file; renaming falls back to linking where
 * the shards are on another file system than the site. Returns whether it linked.
 */
function take(from: string, to: string, move: boolean): boolean {
  if (move) {
    try {
      renameSync(from, to);
      return false;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV') fail(`${from}: cannot move it into the site (${code ?? String(error)})`);
    }
  }
  linkTree(from, to);
  return true;
}
