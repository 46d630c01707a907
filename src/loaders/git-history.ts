/**
 * The seeds folder's git history, read once per load: one `git log` pass
 * for the whole folder (src/lib/history/git-log.ts parses it) and one
 * `git cat-file --batch` process for the earlier texts that are needed. A
 * folder outside a repository, or in a shallow clone, has no history: each
 * seed is then one version, and the reason is said once.
 */
import { problemLine, ProblemError } from '../lib/common/problem.ts';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { fileHistories, folderHistories, GIT_LOG_ARGS, parseGitLog, type FileHistory } from '../lib/history/git-log.ts';
import type { Revision } from '../lib/history/versions.ts';

/** What a command printed and how it ended. */
interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Run `git` in `cwd`, writing `input` to it; never throws (a missing git is exit code 127). */
function git(cwd: string, args: readonly string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', () => resolve({ code: 127, stdout: Buffer.alloc(0), stderr: 'git is not installed' }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** A folder's history: each file's by its present name, or why there is none. */
export interface FolderHistory {
  files: Map<string, FileHistory>;
  /** Why the folder has no history (said once by the loader), when it has none. */
  missing?: string;
}

/** Git's first line of complaint, for a message. */
const gitSays = (run: Run) =>
  run.stderr
    .trim()
    .split('\n')[0]
    ?.replace(/^fatal: /u, '') ?? '';

/** Read the history of the folder `dir` (absolute path) in one `git log` pass over its repository. */
export async function readFolderHistory(dir: string): Promise<FolderHistory> {
  const probe = await git(dir, ['rev-parse', '--is-shallow-repository', '--show-prefix']);
  if (probe.code !== 0) {
    const why =
      probe.code === 127
        ? 'git is not installed'
        : /not a git repository/u.test(probe.stderr)
          ? 'the folder is not in a git repository'
          : `git cannot read its history (${gitSays(probe)})`;
    return { files: new Map(), missing: `${why}: each document is built as a single version, without corrections or dates` };
  }
  const [shallow, prefix = ''] = probe.stdout.toString().split('\n');
  if (shallow === 'true') {
    return {
      files: new Map(),
      missing:
        'the git history is shallow (a shallow clone): each document is built as a single version, without its corrections; fetch the full history (git fetch --unshallow; on GitHub Actions, actions/checkout with fetch-depth: 0)',
    };
  }
  // From the repository's root: a seed moved into the folder keeps the history it had elsewhere.
  const log = await git(dir, [...GIT_LOG_ARGS, '--', ':/']);
  if (log.code !== 0) {
    // A repository without a commit yet has no history, and nothing is wrong.
    if (/does not have any commits/u.test(log.stderr)) return { files: new Map() };
    return {
      files: new Map(),
      missing: `git cannot read the history (${gitSays(log)}): each document is built as a single version, without corrections or dates`,
    };
  }
  return { files: folderHistories(fileHistories(parseGitLog(log.stdout.toString('utf8'))), prefix) };
}

/**
 * What the folder's history depends on, read from the files of its
 * repository (found by walking up to `.git`), with no `git` process: the
 * commit checked out (`HEAD`, the branch it names, packed refs) and HEAD's
 * log, which every commit, checkout and reset adds to. The dev server reads
 * the history again only when it changes, not at each edit of a seed.
 */
export function historyStamp(dir: string): string {
  let at = resolve(dir);
  let dotGit: string | undefined;
  for (;;) {
    if (existsSync(join(at, '.git'))) {
      dotGit = join(at, '.git');
      break;
    }
    const up = dirname(at);
    if (up === at) return 'no repository';
    at = up;
  }
  // A worktree's or submodule's `.git` is a file naming its git folder.
  const gitDir = statSync(dotGit).isFile()
    ? resolve(
        at,
        readFileSync(dotGit, 'utf8')
          .replace(/^gitdir:\s*/u, '')
          .trim(),
      )
    : dotGit;
  const head = readOr(join(gitDir, 'HEAD'));
  const branch = /^ref:\s*(\S+)/u.exec(head)?.[1];
  const stamp = (file: string) => {
    try {
      const s = statSync(join(gitDir, file));
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return '-';
    }
  };
  return [gitDir, head.trim(), ...['logs/HEAD', 'packed-refs', ...(branch ? [branch] : [])].map(stamp)].join(' ');
}

/** A file's text, or empty when it cannot be read. */
function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Git's id of a file's content (a blob): what `git hash-object` prints. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The contents of blobs, by id, from one `git cat-file --batch` process. */
export async function readBlobs(dir: string, ids: readonly string[]): Promise<Map<string, Uint8Array>> {
  const blobs = new Map<string, Uint8Array>();
  if (!ids.length) return blobs;
  const run = await git(dir, ['cat-file', '--batch'], `${ids.join('\n')}\n`);
  const out = run.stdout;
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const [id = '', type, size] = out.subarray(at, eol).toString().split(' ');
    at = eol + 1;
    if (type === undefined || size === undefined) continue; // "<id> missing"
    const n = Number(size);
    blobs.set(id, out.subarray(at, at + n));
    at += n + 1;
  }
  return blobs;
}

/** A seed's file, as its history is asked for. */
export interface SeedState {
  file: string;
  /** The text in the working tree, decoded. */
  text: string;
}

/**
 * The revisions of each seed, oldest first, the working text last: its
 * commits (each commit that changed its text is a version: its date, its
 * message as the note), then the working text if it differs from the last
 * commit ("not yet committed"). An earlier text that cannot be decoded is
 * left out, with a warning. `decode` turns a blob's bytes into text (or throws
 * with the one line to show).
 */
export async function seedRevisions(
  dir: string,
  history: FolderHistory,
  seeds: readonly SeedState[],
  decode: (path: string, bytes: Uint8Array) => string,
): Promise<{ revisions: Map<string, Revision[]>; warnings: string[] }> {
  const warnings: string[] = [];
  const plans = seeds.map((seed) => {
    const committed = history.files.get(seed.file)?.revisions ?? [];
    const working = blobId(Buffer.from(seed.text, 'utf8'));
    const current = committed.at(-1)?.blob === working;
    return { seed, committed, current };
  });
  const needed = plans.flatMap((p) => (p.current ? p.committed.slice(0, -1) : p.committed).map((r) => r.blob));
  const blobs = await readBlobs(dir, [...new Set(needed)]);
  const revisions = new Map<string, Revision[]>();
  for (const { seed, committed, current } of plans) {
    const list: Revision[] = [];
    committed.forEach((r, i) => {
      const last = i === committed.length - 1;
      let text = seed.text;
      if (!(last && current)) {
        const bytes = blobs.get(r.blob);
        try {
          if (!bytes) throw new Error(`its text (blob ${r.blob}) cannot be read`);
          text = decode(`${r.file} in commit ${r.commit.slice(0, 12)}`, bytes);
        } catch (error) {
          const why = error instanceof ProblemError ? error.problems.map(problemLine).join('; ') : error instanceof Error ? error.message : String(error);
          warnings.push(`${seed.file}: the version of commit ${r.commit.slice(0, 12)} is left out: ${why}`);
          return;
        }
      }
      list.push({ commit: r.commit, date: r.date, note: r.message, file: r.file, text });
    });
    if (!current) list.push({ note: committed.length ? 'not yet committed' : '', file: seed.file, text: seed.text });
    revisions.set(seed.file, list);
  }
  return { revisions, warnings };
}
