/**
 * `npm run ids:record [-- --check] [<folder>]`: write each seed's record of
 * published ids (`<seed>.ids.jsonl`, src/lib/history/published.ts) for a
 * folder (default `SEEDS_DIR`, else `seeds`): every id it held, and every id
 * the seed's versions have now, read from its git history as the build
 * reads it. Run it after adding or correcting a seed, or after a change of
 * the reading rules, and commit the records with the change.
 *
 * With `--check` it writes nothing and fails (exit code 1) naming each
 * record that is missing or out of date: `npm test` runs it on `seeds/`, so
 * no change reaches `main` with ids its records do not keep.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { settings } from '../config/settings.ts';
import { problemsIn, ProblemError, type Problem } from '../lib/common/problem.ts';
import { decodeSeed } from '../lib/corpus/folder.ts';
import { formatPublished, parsePublished, publishedFileOf, publishedRecord } from '../lib/history/published.ts';
import { parseVersions } from '../lib/history/versions.ts';
import { readFolderHistory, seedRevisions } from '../loaders/git-history.ts';
import { listSeeds, readSeedOr, settledOf } from '../loaders/seeds-folder.ts';
import { commandArgs, runCommand } from './command.ts';

const USAGE = 'npm run ids:record [-- --check] [<folder>]';

await runCommand(async () => {
  const { values, positionals } = commandArgs({ check: { type: 'boolean' } }, USAGE);
  const name = (positionals[0] ?? settings().seedsDir).replace(/\/+$/u, '');
  const dir = pathToFileURL(`${resolve(name)}/`);
  const listing = await listSeeds(dir, name);
  const problems: Problem[] = [...listing.problems];
  const history = await readFolderHistory(fileURLToPath(dir));
  if (history.missing) process.stderr.write(`warning: ${name}/: ${history.missing}; only the present texts' ids are recorded\n`);
  const texts = new Map<string, string>();
  for (const seed of listing.seeds) {
    const text = readSeedOr(dir, name, seed, problems);
    if (text !== undefined) texts.set(seed.file, text);
  }
  const { revisions, warnings } = await seedRevisions(
    fileURLToPath(dir),
    history,
    [...texts].map(([file, text]) => ({ file, text })),
    decodeSeed,
  );
  for (const w of warnings) process.stderr.write(`warning: ${name}/${w}\n`);
  const stale: string[] = [];
  let written = 0;
  for (const seed of listing.seeds) {
    const versions = revisions.get(seed.file);
    if (!versions) continue;
    const file = publishedFileOf(seed.file);
    let recorded;
    try {
      recorded = parsePublished(seed.published?.raw ?? '');
    } catch (error) {
      problems.push(...problemsIn(`${name}/${file}`, error));
      continue;
    }
    // Read as the build reads it: with what its notes settle.
    const raw = formatPublished(publishedRecord(parseVersions(versions, recorded, settledOf(seed).settled).docs, recorded));
    if (raw === (seed.published?.raw ?? '')) continue;
    if (values.check) {
      stale.push(
        `${name}/${file}: ${seed.published ? 'out of date: the seed has ids it does not record' : 'missing'}; run \`npm run ids:record\` and commit it`,
      );
      continue;
    }
    const path = new URL(encodeURIComponent(file), dir);
    // Written only when it changed, so that a record's date says when its ids last changed.
    if ((await readFile(path, 'utf8').catch(() => '')) !== raw) await writeFile(path, raw);
    written++;
  }
  if (problems.length) throw new ProblemError(problems, { summary: `${problems.length} problems in ${name}/` });
  if (stale.length) throw new ProblemError(stale.map((message) => ({ message })));
  process.stdout.write(
    values.check
      ? `${name}/: the records of published ids of ${listing.seeds.length} seed(s) are up to date\n`
      : `${name}/: ${written} record(s) of published ids written, ${listing.seeds.length - written} unchanged\n`,
  );
});
