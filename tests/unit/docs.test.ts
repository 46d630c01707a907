import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import eslintConfig from '../../eslint.config.js';
import { root } from '../helpers/build.ts';

/**
 * The README and docs/ are one set of pages that link to each other: every link between them must keep working,
 * the README must stay short enough to read in ten minutes, and every page of docs/ must be reachable from it.
 */

/** The longest the README may be, in lines. */
const README_LINES = 250;

/** A Markdown file's prose: fenced code blocks blanked (lines kept, so line numbers hold), inline code spans emptied. */
function prose(text: string): string {
  let fenced = false;
  const lines = text.split('\n').map((line) => {
    if (/^\s*(```|~~~)/u.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
  return lines.join('\n').replace(/`[^`]*`/gu, (span) => span.replace(/[^\n]/gu, ' '));
}

/** A heading's anchor as GitHub makes it: lowercase, punctuation other than - and _ dropped, spaces to hyphens. */
function githubSlug(heading: string): string {
  return heading
    .replace(/[`*]/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /gu, '-');
}

/** The anchors of a Markdown file's headings, a repeated one numbered as GitHub does (`x`, `x-1`, …). */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of prose(text).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gmu)) {
    const slug = githubSlug(heading!);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n ? `${slug}-${n}` : slug);
  }
  return out;
}

/** A link of a Markdown file: its line and its target as written. */
interface Link {
  line: number;
  target: string;
}

function links(text: string): Link[] {
  const body = prose(text);
  return [...body.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/gu)].map((m) => ({ line: body.slice(0, m.index).split('\n').length, target: m[1]! }));
}

/** Where a relative link leads, from the repository's root; undefined for a link to another site. */
function resolve(file: string, target: string): { path: string; fragment: string | undefined } | undefined {
  if (/^([a-z][a-z\d+.-]*:|\/\/)/iu.test(target)) return undefined;
  const [path = '', fragment] = target.split('#', 2);
  return { path: path ? posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(path))) : file, fragment };
}

/**
 * Every broken relative link of `files` (path from the repository's root → text), one line each: a link to a file
 * that does not exist, or to a `#fragment` that no heading of its Markdown file makes.
 */
function brokenLinks(files: Record<string, string>, exists: (path: string) => boolean): string[] {
  return Object.entries(files).flatMap(([file, text]) =>
    links(text).flatMap(({ line, target }) => {
      const to = resolve(file, target);
      if (!to) return [];
      const where = `${file}:${line}: ${target}`;
      if (!(to.path in files) && !exists(to.path)) return [`${where}: no file ${to.path}`];
      if (to.fragment === undefined) return [];
      if (!(to.path in files)) return [`${where}: ${to.path} is not a page of the README or docs/, so its anchors are not known`];
      return anchors(files[to.path]!).has(to.fragment) ? [] : [`${where}: ${to.path} has no heading #${to.fragment}`];
    }),
  );
}

/** The README and every page of docs/, by path from the repository's root. */
function pages(): Record<string, string> {
  const docs = readdirSync(`${root}docs`).filter((f) => f.endsWith('.md'));
  return Object.fromEntries(['README.md', ...docs.map((f) => `docs/${f}`)].map((p) => [p, readFileSync(`${root}${p}`, 'utf8')]));
}

const exists = (path: string) => existsSync(`${root}${path}`);

describe('the README and docs/', () => {
  const files = pages();

  test('every relative link leads to a file that exists, and every #fragment to a heading of its page', () => {
    expect(Object.keys(files).length).toBeGreaterThan(10);
    expect(Object.values(files).flatMap(links).length).toBeGreaterThan(20);
    expect(brokenLinks(files, exists)).toEqual([]);
  });

  test(`the README is at most ${README_LINES} lines`, () => {
    expect(files['README.md']!.trimEnd().split('\n').length).toBeLessThanOrEqual(README_LINES);
  });

  test('the README links to every page of docs/', () => {
    const linked = new Set(links(files['README.md']!).map(({ target }) => resolve('README.md', target)?.path));
    const docs = Object.keys(files).filter((p) => p.startsWith('docs/'));
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.filter((p) => !linked.has(p))).toEqual([]);
  });

  test('every file they name in code (`src/…/x.ts`) exists: moved code leaves no stale path behind', () => {
    const named = Object.values(files).flatMap((text) =>
      [...text.matchAll(/`((?:src|tests|bench|docs|\.github|\.ci)\/[\w./[\]-]+\.\w+)`/gu)].map((m) => m[1]!),
    );
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((p) => !exists(p))).toEqual([]);
  });
});

describe('the link check', () => {
  const files = {
    'README.md': '# Title\n\nSee [search](docs/search.md#how-it-works-and-why-its-small), [bench](bench/x.md) and [this](#title).\n',
    'docs/search.md': "# Search\n\n## How it works, and why (it's small)\n\n[back](../README.md#title)\n",
  };
  const onDisk = (path: string) => path === 'bench/x.md';

  test('passes links that resolve, and ignores links in code and to other sites', () => {
    const withCode = { ...files, 'docs/code.md': '```md\n[x](missing.md)\n```\n\n`[y](missing.md)` [z](https://example.com/missing)\n' };
    expect(brokenLinks(withCode, onDisk)).toEqual([]);
    expect(githubSlug("How it works, and why (it's small)")).toBe('how-it-works-and-why-its-small');
  });

  test('reports a missing file, a missing heading and a heading of the same page', () => {
    const broken = {
      'README.md': '# Title\n\nSee [search](docs/search.md#how-it-work),\n[bench](bench/y.md) and [this](#titel).\n',
      'docs/search.md': '# Search\n\n[back](../README.md)\n',
    };
    expect(brokenLinks(broken, onDisk)).toEqual([
      'README.md:3: docs/search.md#how-it-work: docs/search.md has no heading #how-it-work',
      'README.md:4: bench/y.md: no file bench/y.md',
      'README.md:4: #titel: README.md has no heading #titel',
    ]);
  });
});

describe('docs/code-layout.md', () => {
  test('its import order table is the one lint enforces (eslint.config.js, LAYERS)', () => {
    type Zone = { target: string; from: string[] };
    const rule = (eslintConfig as { rules?: Record<string, unknown> }[]).map((c) => c.rules?.['import-x/no-restricted-paths']).find(Boolean) as [
      string,
      { zones: Zone[] },
    ];
    // A zone per outer folder of src/ (the stages of src/lib have zones of their own, ./src/lib/<stage>).
    const outer = rule[1].zones.filter((z) => /^\.\/src\/[^/]+$/u.test(z.target));
    const folders = outer.map((z) => z.target.slice('./'.length));
    const enforced = new Map(
      outer.map((z): [string, string[]] => [
        z.target.slice('./'.length),
        [...folders, 'src/styles'].filter((f) => `./${f}` !== z.target && !z.from.includes(`./${f}`)).sort(),
      ]),
    );
    const layout = readFileSync(`${root}docs/code-layout.md`, 'utf8');
    const written = new Map(
      [...layout.matchAll(/^\| `(src\/[\w-]+)` \| (.+) \|$/gmu)].map((m): [string, string[]] => [
        m[1]!,
        [...m[2]!.matchAll(/`(src\/[\w-]+)`/gu)].map((a) => a[1]!).sort(),
      ]),
    );
    expect(folders.length).toBeGreaterThan(5);
    expect(written).toEqual(enforced);
  });
});
