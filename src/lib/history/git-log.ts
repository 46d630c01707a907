/**
 * Reading a folder's history from one `git log` pass (the command is in
 * src/loaders/git-history.ts; this is the parsing, pure): each commit with
 * its date, message and changed files, and each file followed through its
 * commits and renames to its present name.
 */

/**
 * The `git log` arguments whose output {@link parseGitLog} reads: the
 * commits of the branch as it was published (its first parents: a branch's
 * own commits are not versions the site ever showed; the merge that brought
 * them is), oldest first, with every changed file and its blob, renames
 * detected. The whole repository, with paths from its root, so a seed
 * moved into the folder from another keeps its history.
 */
export const GIT_LOG_ARGS = ['log', '-z', '--reverse', '--first-parent', '-m', '--raw', '-M', '--no-abbrev', '--format=%x1e%H%x1f%cI%x1f%B%x1f'];

/** A file a commit added, changed, renamed or deleted. */
export interface GitChange {
  /** `A`, `M`, `D`, `R` (renamed, maybe changed), `T` (type changed). */
  status: string;
  /** The file's path after the commit, relative to the folder. */
  path: string;
  /** For a rename: the path before. */
  from?: string;
  /** The file's blob after the commit (all zeros when deleted). */
  blob: string;
}

/** One commit, with what it changed in the folder. */
export interface GitCommit {
  hash: string;
  /** Committer date, ISO 8601 with the committer's offset. */
  date: string;
  message: string;
  changes: GitChange[];
}

/** Parse the output of `git log` run with {@link GIT_LOG_ARGS} (oldest commit first). */
export function parseGitLog(out: string): GitCommit[] {
  const commits: GitCommit[] = [];
  for (const chunk of out.split('\x1e')) {
    if (!chunk) continue;
    const [hash = '', date = '', message = '', raw = ''] = chunk.split('\x1f');
    const fields = raw.split('\0').map((f) => f.replace(/^\n/u, ''));
    const changes: GitChange[] = [];
    for (let i = 0; i < fields.length; i++) {
      const m = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/u.exec(fields[i]!);
      if (!m) continue;
      const status = m[3]!;
      if (status === 'R') {
        changes.push({ status, from: fields[i + 1]!, path: fields[i + 2]!, blob: m[2]! });
        i += 2;
      } else {
        changes.push({ status, path: fields[i + 1]!, blob: m[2]! });
        i += 1;
      }
    }
    commits.push({ hash, date, message: message.trim(), changes });
  }
  return commits;
}

/** One committed state of a file. */
export interface FileRevision {
  commit: string;
  date: string;
  message: string;
  /** The file's path then (the later one, when a rename kept its text), from the repository's root. */
  file: string;
  blob: string;
}

/** A file's history: its committed states, oldest first, and the paths it had before its present one. */
export interface FileHistory {
  revisions: FileRevision[];
  formerNames: string[];
}

/**
 * The histories of the files directly inside `folder` (a path from the
 * repository's root, `seeds/`, or '' for the root), by file name; former
 * names are file names too, without the one it has now.
 */
export function folderHistories(all: ReadonlyMap<string, FileHistory>, folder: string): Map<string, FileHistory> {
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const out = new Map<string, FileHistory>();
  for (const [path, h] of all) {
    if (!path.startsWith(folder) || path.slice(folder.length).includes('/')) continue;
    const formerNames = [...new Set(h.formerNames.map(name))].filter((n) => n !== name(path));
    out.set(name(path), { revisions: h.revisions.map((r) => ({ ...r, file: name(r.file) })), formerNames });
  }
  return out;
}

/**
 * Follow every file through the commits (oldest first), through renames and
 * through a deletion followed by a file of the same name: the histories of
 * the files that exist after the last commit, by their present name.
 */
export function fileHistories(commits: readonly GitCommit[]): Map<string, FileHistory> {
  const live = new Map<string, FileHistory>();
  const deleted = new Map<string, FileHistory>();
  for (const c of commits) {
    // A commit's renames all read the state before it: take every renamed file out first.
    const moving = new Map<string, FileHistory>();
    for (const ch of c.changes) {
      if (ch.status === 'R' && ch.from !== undefined) {
        const h = live.get(ch.from);
        if (h) {
          moving.set(ch.path, h);
          live.delete(ch.from);
          h.formerNames.push(ch.from);
        }
      }
    }
    for (const ch of c.changes) {
      const revision = { commit: c.hash, date: c.date, message: c.message, file: ch.path, blob: ch.blob };
      if (ch.status === 'D') {
        const h = live.get(ch.path);
        if (h) deleted.set(ch.path, h);
        live.delete(ch.path);
        continue;
      }
      const h = moving.get(ch.path) ?? live.get(ch.path) ?? deleted.get(ch.path) ?? { revisions: [], formerNames: [] };
      deleted.delete(ch.path);
      if (h.revisions.at(-1)?.blob !== ch.blob) h.revisions.push(revision);
      else h.revisions[h.revisions.length - 1]!.file = ch.path;
      live.set(ch.path, h);
    }
  }
  for (const h of live.values()) h.formerNames = [...new Set(h.formerNames)];
  return live;
}
