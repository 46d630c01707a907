/**
 * A history for a benchmark corpus (issue 18's budget: "a few revisions in
 * 10% of its documents"): the seeds folder becomes a git repository, every
 * seed is committed, then three corrections, each a commit of its own, to
 * one document in ten: a word fixed in the statement, a paragraph restored
 * in the commentary, the commentary's last paragraph removed. The build then
 * reads a real history, as a newsroom's repository has.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SyntheticSeed } from './corpus.ts';

/** The three corrections, in order, each turning a seed's text into the next version. */
const CORRECTIONS: { note: string; edit: (text: string) => string }[] = [
  {
    note: 'Correct a word of the statement, as the source has it',
    // The statement's first " the " becomes " a ": one word of one sentence.
    edit: (text) => text.replace(/(: ".*?) the /u, '$1 a '),
  },
  {
    note: 'Restore a commentary paragraph the first copy missed',
    edit: (text) =>
      text.replace(
        /\n\nComment: ([^\n]*)\n\n/u,
        '\n\nComment: $1\n\nA paragraph the first copy missed says the talks went on for a week before the statement was made.\n\n',
      ),
  },
  {
    note: 'Remove a commentary paragraph the source has since retracted',
    // The last commentary paragraph: the one before the source line.
    edit: (text) => text.replace(/\n\n[^\n]*\n\nOriginal article:/u, '\n\nOriginal article:'),
  },
];

/** Whether document `i` of a corpus is one of the one in ten that are corrected. */
export const isRevised = (i: number) => i % 10 === 3;

/**
 * Make `seedsDir` (holding `seeds`, as the benchmark wrote them) a git
 * repository with every seed committed and the corrections committed after.
 * Returns how many documents were corrected and how many commits were made.
 */
export function commitHistory(seedsDir: string, seeds: readonly SyntheticSeed[]): { revised: number; commits: number } {
  const repo = dirname(seedsDir);
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', '-c', 'gc.auto=0', ...args], {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      maxBuffer: 1 << 30,
    });
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'Add the corpus'], '2026-11-01T09:00:00Z');
  const revised = seeds.filter((_, i) => isRevised(i));
  CORRECTIONS.forEach((c, k) => {
    for (const s of revised) {
      const path = join(seedsDir, s.name);
      writeFileSync(path, c.edit(readFileSync(path, 'utf8')));
    }
    git(['add', '-A']);
    git(['commit', '-q', '-m', c.note], `2026-11-0${k + 2}T09:00:00Z`);
  });
  return { revised: revised.length, commits: 1 + CORRECTIONS.length };
}
