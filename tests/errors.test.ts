/**
 * Seeds that cannot become pages stop the real build with one line naming
 * the file and the reason, a non-zero exit and no stack trace.
 */
import { stripVTControlCharacters } from 'node:util';
import { execFile } from 'node:child_process';
import { expect, test, vi } from 'vitest';
import { buildCorpus, root } from './helpers/build.ts';

// Every test here runs a real build (4–14 s on a busy 2-core machine): the time one may take.
vi.setConfig({ testTimeout: 120_000 });

const ok = 'The minister, Ana Silva, said on April 9: "Fine."\n\nComment: Fine too.\n';

/** The lines a failed build printed to stderr, without blank ones. */
/** The terminal's lines, as read: colours removed (Astro colours its own lines when it thinks the terminal can show them, as under CI=true). */
const errorLines = (stderr: string) =>
  stripVTControlCharacters(stderr)
    .split('\n')
    .filter((l) => l.trim() !== '');

test('two file names with one slug stop the build, naming both', async () => {
  const result = await buildCorpus('dup-slug', { 'Hello World.txt': ok, 'hello-world.txt': ok });
  expect(result.code).not.toBe(0);
  expect(errorLines(result.stderr)).toEqual([
    `error: ${result.seedsDir}/hello-world.txt: has the same URL slug "hello-world" as ${result.seedsDir}/Hello World.txt; rename one of them`,
  ]);
});

test('an empty seed stops the build with its name and the reason', async () => {
  const result = await buildCorpus('empty-seed', { 'a.txt': ok, 'blank.txt': ' \n\n\t\n' });
  expect(result.code).not.toBe(0);
  expect(errorLines(result.stderr)).toEqual([
    `error: ${result.seedsDir}/blank.txt: the file is empty (or only white space); add the article's text or remove the file`,
  ]);
});

test('a seed that is not UTF-8 stops the build with the line and byte', async () => {
  const latin1 = new Uint8Array([...Buffer.from('Comment: ok\nCaf'), 0xe9, 0x0a]);
  const result = await buildCorpus('not-utf8', { 'a.txt': ok, 'latin1.txt': latin1 });
  expect(result.code).not.toBe(0);
  expect(errorLines(result.stderr)).toEqual([`error: ${result.seedsDir}/latin1.txt:2: not UTF-8 text (byte 16 cannot be decoded); save the file as UTF-8`]);
});

test('files that are not seeds are ignored, and the build says so once', async () => {
  const result = await buildCorpus('ignored-files', { 'a.txt': ok, 'photo.jpg': 'x', 'draft.md': 'x' });
  expect(result.code).toBe(0);
  const mentions = result.stdout.split('\n').filter((l) => l.includes('ignoring'));
  expect(mentions).toHaveLength(1);
  expect(mentions[0]).toContain('draft.md, photo.jpg');
});

const notes = (body: string) => `---\ntitle: T\n---\n\n${body}`;

test('a note whose quote is not in the seed stops the build with file, line and quote', async () => {
  const result = await buildCorpus('note-missing', {
    'a.txt': ok,
    'a.notes.md': notes('## "Fine."\n\nOk [s](https://x.example).\n\n## "no such words"\n\nBody [s](https://x.example).\n'),
  });
  expect(result.code).not.toBe(0);
  expect(errorLines(result.stderr)).toEqual([`error: ${result.seedsDir}/a.notes.md:9: quote "no such words" not found`]);
});

test('a note whose quote occurs twice stops the build and asks for a prefix or suffix', async () => {
  const result = await buildCorpus('note-twice', { 'a.txt': ok, 'a.notes.md': notes('## "Fine"\n\nBody [s](https://x.example).\n') });
  expect(result.code).not.toBe(0);
  expect(errorLines(result.stderr)).toEqual([
    `error: ${result.seedsDir}/a.notes.md:5: quote "Fine" found 2 times (lines 1, 3 of the seed); add a prefix or suffix`,
  ]);
});

test('a notes file without its seed stops the build', async () => {
  const result = await buildCorpus('note-orphan', { 'a.txt': ok, 'b.notes.md': notes('') });
  expect(result.code).not.toBe(0);
  expect(errorLines(result.stderr)).toEqual([`error: ${result.seedsDir}/b.notes.md: has no seed b.txt beside it; rename or remove it`]);
});

test('a seed with NUL bytes (a binary file) stops the build with the line', async () => {
  const result = await buildCorpus('nul-seed', { 'a.txt': ok, 'image.txt': new Uint8Array([...Buffer.from('line one\nPNG'), 0, 1, 2]) });
  expect(result.code).not.toBe(0);
  expect(errorLines(result.stderr)).toEqual([`error: ${result.seedsDir}/image.txt:2: contains a NUL byte; this looks like a binary file, not text`]);
});

test('a real binary file named .txt stops the build without a stack trace', async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const result = await buildCorpus('binary-seed', { 'a.txt': ok, 'photo.txt': png });
  expect(result.code).not.toBe(0);
  expect(errorLines(result.stderr)).toEqual([`error: ${result.seedsDir}/photo.txt:1: not UTF-8 text (byte 1 cannot be decoded); save the file as UTF-8`]);
});

test('every problem of a folder is listed at once, each as its line, by the build and by check:seeds', async () => {
  const latin1 = new Uint8Array([...Buffer.from('Comment: ok\nCaf'), 0xe9, 0x0a]);
  const result = await buildCorpus('many-problems', {
    'a.txt': ok,
    'a.notes.md': notes('## "no such words"\n\nBody [s](https://x.example).\n'),
    'b.txt': ok,
    'b.notes.md': '---\ncolour: red\n---\n',
    'blank.txt': ' \n',
    'latin1.txt': latin1,
    'orphan.notes.md': notes(''),
    'fine.txt': ok,
  });
  const dir = result.seedsDir;
  const expected = [
    `error: ${dir}/a.notes.md:5: quote "no such words" not found`,
    `error: ${dir}/b.notes.md:2: unknown front matter line "colour: red"; expected one of title, slug, date, speaker, role, lang, source, translated, abridged, statement, headline`,
    `error: ${dir}/blank.txt: the file is empty (or only white space); add the article's text or remove the file`,
    `error: ${dir}/latin1.txt:2: not UTF-8 text (byte 16 cannot be decoded); save the file as UTF-8`,
    `error: ${dir}/orphan.notes.md: has no seed orphan.txt beside it; rename or remove it`,
  ];
  expect(result.code).toBe(1);
  const built = errorLines(result.stderr);
  expect(built.at(-1)).toBe('error: 5 problems in the seeds; fix them and build again');
  expect(built.slice(0, -1).sort()).toEqual(expected);

  const checked = await new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile(process.execPath, ['src/cli/check-seeds.ts', dir], { cwd: root }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stderr }),
    ),
  );
  expect(checked.code).toBe(1);
  const lines = errorLines(checked.stderr);
  expect(lines.slice(0, -1).sort()).toEqual(expected);
  expect(lines.at(-1)).toMatch(new RegExp(`^${dir}/: 5 seed\\(s\\), 3 notes file\\(s\\) checked in \\d+ ms: 5 problem\\(s\\)$`, 'u'));
});

test('a bad setting stops the build at once with one line naming the variable and what it accepts', async () => {
  const result = await buildCorpus('bad-setting', { 'a.txt': ok }, { CARDS: 'abc', PAGE_SIZE: 'many' });
  expect(result.code).toBe(1);
  expect(errorLines(result.stderr)).toEqual([
    // Astro's own heading for an error thrown while it loads astro.config.mjs, which reads the settings.
    '[astro] Unable to load your Astro config',
    'error: PAGE_SIZE="many" is not accepted: it takes a whole number from 1 to 1000',
    'error: CARDS="abc" is not accepted: it takes a whole number, or all',
  ]);
});
