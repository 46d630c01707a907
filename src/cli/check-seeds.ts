/**
 * `npm run check:seeds [-- <folder>]`: validate every seed and notes file of
 * a folder (default `SEEDS_DIR`, else `seeds`) without building — the same
 * parsing, anchoring and checks as the build — and list every problem, each
 * as one line naming the file, line and reason. Exit code 1 if there is any.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { settings } from '../config/settings.ts';
import { problemLine, problemReport } from '../lib/common/problem.ts';
import { readSeedsFolder } from '../loaders/seeds-folder.ts';
import { runCommand } from './command.ts';

await runCommand(async () => {
  // Every setting is checked first, as when the site builds, even when a folder is given.
  const configured = settings();
  await check(process.argv[2] ?? configured.seedsDir);
});

/** Check the seeds folder `folderName` and print what it finds. */
async function check(folderName: string): Promise<void> {
  const name = folderName.replace(/\/+$/u, '');
  const started = performance.now();
  const folder = await readSeedsFolder(
    pathToFileURL(`${resolve(name)}/`),
    name,
    () => true,
    () => null,
  );
  for (const w of folder.warnings) process.stderr.write(`warning: ${problemLine(w)}\n`);
  // Readings to check: one line each, with the line of notes that settles it.
  for (const d of folder.doubts) process.stderr.write(`doubt: ${problemLine(d)}\n`);
  if (folder.problems.length) process.stderr.write(`${problemReport(folder.problems)}\n`);
  const ms = Math.round(performance.now() - started);
  const summary = `${name}/: ${folder.files.seeds} seed(s), ${folder.files.notes} notes file(s) checked in ${ms} ms`;
  if (folder.problems.length) {
    process.stderr.write(`${summary}: ${folder.problems.length} problem(s)\n`);
    process.exitCode = 1;
  } else {
    const also = [
      folder.warnings.length && `${folder.warnings.length} warning(s)`,
      folder.doubts.length && `${folder.doubts.length} reading(s) to check`,
    ].filter(Boolean);
    process.stdout.write(`${summary}: no problems${also.map((a) => `, ${a}`).join('')}\n`);
  }
}
