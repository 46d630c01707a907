/**
 * `npm run ids:record` on a real git repository of seeds: it writes each
 * seed's record of published ids from every version in the history; its
 * `--check` (run by `npm test`) fails naming a record that is missing, out of
 * date or damaged, each as one line, and passes once the record is written.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { root } from './helpers/build.ts';
import { seedsRepo } from './helpers/git-repo.ts';

const record = (seeds: string, ...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [`${root}src/cli/record-ids.ts`, ...args, seeds], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

const V1 = 'Ana Silva said: "The port opened today."\n\nComment: A show of strength. It follows months of talks.\n\nIt also costs a great deal.\n';
const V2 = 'Ana Silva said: "The port opened today."\n\nComment: It also costs a great deal.\n';

test('the record holds every id of every version; the check fails on a missing, stale or damaged record, one line each', async () => {
  const repo = seedsRepo('record-ids');
  repo.commit('2026-12-01T09:00:00Z', 'First version', { 'a.txt': V1 });
  repo.commit('2026-12-02T09:00:00Z', 'Remove a paragraph', { 'a.txt': V2 });
  const file = `${root}${repo.seeds}/a.ids.jsonl`;

  const missing = await record(repo.seeds, '--check');
  expect(missing.code).toBe(1);
  expect(missing.stderr.trim()).toBe(`error: ${repo.seeds}/a.ids.jsonl: missing; run \`npm run ids:record\` and commit it`);

  const wrote = await record(repo.seeds);
  expect(wrote.code, wrote.stderr).toBe(0);
  const ids = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { id: string }).id);
  // The paragraph the correction removed is recorded too: its address was published with the first version.
  expect(ids).toEqual(['s1', 'c1', 'c2']);
  expect((await record(repo.seeds, '--check')).code).toBe(0);

  repo.commit('2026-12-03T09:00:00Z', 'Add a paragraph', { 'a.txt': `${V2}\nA new thought on the port.\n` });
  const stale = await record(repo.seeds, '--check');
  expect(stale.code).toBe(1);
  expect(stale.stderr).toContain(`error: ${repo.seeds}/a.ids.jsonl: out of date: the seed has ids it does not record`);

  writeFileSync(file, readFileSync(file, 'utf8').slice(0, -30));
  const damaged = await record(repo.seeds, '--check');
  expect(damaged.code).toBe(1);
  expect(damaged.stderr).toMatch(/^error: .*a\.ids\.jsonl:3: not a line of JSON \(the record may be cut short\); run `npm run ids:record`/mu);
  expect(damaged.stderr).not.toMatch(/\n\s+at /u);
});
