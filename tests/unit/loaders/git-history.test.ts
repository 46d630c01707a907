import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { historyStamp } from '../../../src/loaders/git-history.ts';

const dir = mkdtempSync(join(tmpdir(), 'git-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], { cwd: dir });

test('what the history depends on changes with a commit or a checkout, not with an edit to a seed', () => {
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  git('init', '-q', '-b', 'main');
  const none = historyStamp(seeds);
  writeFileSync(join(seeds, 'a.txt'), 'One.\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'One');
  const first = historyStamp(seeds);
  expect(first).not.toBe(none);
  // An edit not committed: the same history.
  writeFileSync(join(seeds, 'a.txt'), 'One, edited.\n');
  expect(historyStamp(seeds)).toBe(first);
  git('commit', '-q', '-am', 'Edited');
  const second = historyStamp(seeds);
  expect(second).not.toBe(first);
  git('checkout', '-q', '-b', 'other');
  expect(historyStamp(seeds)).not.toBe(second);
});
