/**
 * Temporary git repositories of seeds for tests: real `git`, real commits
 * with the dates and messages a test gives them, so a build reads a real
 * history (`tests/.build/<name>/`, each with its own `.git`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { root } from './build.ts';

/** A repository whose `seeds/` a build can read. */
export interface SeedsRepo {
  /** The repository's folder, relative to the project root (`tests/.build/<name>`). */
  base: string;
  /** Its seeds folder, relative to the project root, as SEEDS_DIR takes it. */
  seeds: string;
  /** Run git in the repository; returns what it printed. */
  git(...args: string[]): string;
  /**
   * Change seed files (a string: its new text; null: delete it; `{ from }`:
   * rename it) and commit everything with `message`, dated `date` (ISO).
   */
  commit(date: string, message: string, files: Record<string, string | null | { from: string }>): void;
  /** A seed's text now. */
  read(file: string): string;
}

/** A fresh repository at `tests/.build/<name>/`, with an empty `seeds/`. */
export function seedsRepo(name: string): SeedsRepo {
  const base = `tests/.build/${name}`;
  const dir = `${root}${base}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(`${dir}/seeds`, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  return {
    base,
    seeds: `${base}/seeds`,
    git,
    commit(date, message, files) {
      for (const [file, content] of Object.entries(files)) {
        const path = `${dir}/seeds/${file}`;
        if (content === null) unlinkSync(path);
        else if (typeof content === 'object') renameSync(`${dir}/seeds/${content.from}`, path);
        else {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, content);
        }
      }
      git('add', '-A');
      execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', 'commit', '-q', '-m', message], {
        cwd: dir,
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      });
    },
    read: (file) => readFileSync(`${dir}/seeds/${file}`, 'utf8'),
  };
}
