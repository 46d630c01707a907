import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { problemLine, ProblemError } from '../../../src/lib/common/problem.ts';
import { readSettings, SETTINGS } from '../../../src/lib/corpus/environment.ts';
import { filesUnder } from '../../../src/integrations/folder-walk.ts';
import { root } from '../../helpers/build.ts';

test('with nothing set, every setting has its default', () => {
  expect(readSettings({})).toEqual({
    siteUrl: 'http://localhost:4321',
    basePath: '/',
    seedsDir: 'seeds',
    outDir: './dist',
    cacheDir: './node_modules/.astro',
    pageSize: 20,
    shard: undefined,
    assembleShards: [],
    cards: 1000,
    cardCacheDir: 'node_modules/.cache/reader-cards',
    extraIndexes: [],
    historyRequired: false,
    focusViewRules: false,
  });
  expect(readSettings({ HOST_REDIRECTS: 'rules' }).focusViewRules).toBe(true);
  expect(() => readSettings({ HOST_REDIRECTS: 'netlify' })).toThrow('HOST_REDIRECTS="netlify" is not accepted: it takes pages or rules');
  expect(readSettings({ HISTORY: 'required' }).historyRequired).toBe(true);
  expect(() => readSettings({ HISTORY: 'yes' })).toThrow('HISTORY="yes" is not accepted: it takes optional or required');
  const set = readSettings({
    SITE_URL: 'https://r.example/',
    SHARD: '2/5',
    CARDS: 'all',
    PAGE_SIZE: '50',
    EXTRA_INDEXES: '/fr/pagefind/ https://x.example/pagefind/',
    SEEDS_DIR: 'more/',
  });
  expect(set).toMatchObject({ siteUrl: 'https://r.example/', shard: { index: 2, count: 5 }, cards: Infinity, pageSize: 50, seedsDir: 'more' });
  expect(set.extraIndexes).toEqual(['/fr/pagefind/', 'https://x.example/pagefind/']);
});

test('every bad value is one line naming the variable, the value and what it accepts', () => {
  const bad = { CARDS: 'abc', PAGE_SIZE: '0', SHARD: '4/3', SITE_URL: 'ftp://x', EXTRA_INDEXES: 'pagefind/' };
  let error: unknown;
  try {
    readSettings(bad);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ProblemError);
  expect((error as ProblemError).problems.map(problemLine)).toEqual([
    'SITE_URL="ftp://x" is not accepted: it takes an http(s) address, like https://reader.example/',
    'PAGE_SIZE="0" is not accepted: it takes a whole number from 1 to 1000',
    'SHARD="4/3" is not accepted: it takes k/n with 1 ≤ k ≤ n, like 3/10',
    'CARDS="abc" is not accepted: it takes a whole number, or all',
    'EXTRA_INDEXES="pagefind/" is not accepted: it takes space-separated addresses, each starting with / or http(s)://',
  ]);
  for (const value of ['-1', '1.5']) expect(() => readSettings({ CARDS: value })).toThrow(/^error: CARDS=/u);
});

test('a base path is one path between slashes, and a site address with a path needs the same base path', () => {
  for (const [value, base] of [
    ['/reader/', '/reader/'],
    ['reader', '/reader/'],
    ['/reader', '/reader/'],
    ['/a/b.c/', '/a/b.c/'],
    ['/', '/'],
  ])
    expect(readSettings({ BASE_PATH: value }).basePath).toBe(base);
  for (const value of ['/a b/', '/../x/', '/x?y/', '/a//b/'])
    expect(() => readSettings({ BASE_PATH: value }), value).toThrow(/^error: BASE_PATH=.* is not accepted/u);
  expect(readSettings({ SITE_URL: 'https://me.github.io/reader/', BASE_PATH: '/reader/' })).toMatchObject({ basePath: '/reader/' });
  expect(() => readSettings({ SITE_URL: 'https://me.github.io/reader' })).toThrow(
    'error: SITE_URL="https://me.github.io/reader" has the path /reader/, but BASE_PATH is /; set BASE_PATH=/reader/',
  );
});

test('docs/settings.md lists every setting, and nothing but src/lib/corpus/environment.ts declares one', () => {
  const table = readFileSync(`${root}docs/settings.md`, 'utf8');
  const listed = [...table.matchAll(/^\| `([A-Z_]+)` \| (.+?) \| (.+) \|$/gmu)].map((m) => ({ name: m[1], defaultText: m[2], does: m[3] }));
  expect(listed).toEqual(
    SETTINGS.map((s) => ({
      name: s.name,
      defaultText: s.defaultText === '(all)' || s.defaultText === '(none)' ? s.defaultText : `\`${s.defaultText}\``,
      does: s.does,
    })),
  );
  // No other module reads a setting from the environment.
  const files = [...filesUnder(`${root}src`)].filter((f) => /\.(ts|mjs|astro)$/u.test(f));
  const readers = [...files, `${root}astro.config.mjs`].filter((f) => /process\.env\.[A-Z]|process\.env\[/u.test(readFileSync(f, 'utf8')));
  expect(readers).toEqual([]);
});
