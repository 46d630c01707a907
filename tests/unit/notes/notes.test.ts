import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { problemLine, problemsIn } from '../../../src/lib/common/problem.ts';
import { anchorNotes, anchorQuote, parseNotes } from '../../../src/lib/notes/notes.ts';
import { parseSeed } from '../../../src/lib/seed/parse.ts';

const seedText = parseSeed(readFileSync(new URL('../../../seeds/000_dafef29e75211819.txt', import.meta.url), 'utf8')).text;
const seedNotes = readFileSync(new URL('../../../seeds/000_dafef29e75211819.notes.md', import.meta.url), 'utf8');

/** The problem `fn` throws, as the loader reports it for the file `a.notes.md`. */
const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return problemsIn('a.notes.md', e).map(problemLine).join('\n');
  }
  throw new Error('expected a ProblemError');
};

test('front matter and notes parse, with prefix and suffix lines and Markdown bodies', () => {
  const file = parseNotes('---\ntitle: "A title"\ndate: 2025-12-12\n---\n\n## "the door"\nprefix: and\n\nIt [opened](https://a.example/x).\n\n- one\n- two\n');
  expect(file.meta).toEqual({ title: 'A title', date: '2025-12-12' });
  expect(file.notes).toEqual([{ line: 6, exact: 'the door', prefix: 'and', body: 'It [opened](https://a.example/x).\n\n- one\n- two' }]);
});

test('the front matter can say the quotation is a translation, and abridged; a note, that a claim is disputed', () => {
  const file = parseNotes('---\ntranslated: ja → zh → en\nabridged: true\n---\n\n## "claim"\ndisputed: true\n\nBoth accounts [s](https://x.example).\n');
  expect(file.meta).toEqual({ translated: ['ja', 'zh', 'en'], abridged: true });
  expect(file.notes[0]).toMatchObject({ exact: 'claim', disputed: true });
  expect(parseNotes('---\ntranslated: ja -> en\n---\n').meta.translated).toEqual(['ja', 'en']);
});

test('a step of the translation that no source shows is marked probable with a question mark', () => {
  expect(parseNotes('---\ntranslated: ja → zh? → en\n---\n').meta).toEqual({ translated: ['ja', 'zh', 'en'], probablyVia: ['zh'] });
  expect(parseNotes('---\ntranslated: ja → zh → ko? → en\n---\n').meta.probablyVia).toEqual(['ko']);
  expect(parseNotes('---\ntranslated: ja → zh → en\n---\n').meta).not.toHaveProperty('probablyVia');
});

test('bad notes files name the line and the reason', () => {
  expect(error(() => parseNotes('---\ncolour: red\n---\n'))).toBe(
    'a.notes.md:2: unknown front matter line "colour: red"; expected one of title, slug, date, speaker, role, lang, source, translated, abridged, statement, headline',
  );
  expect(error(() => parseNotes('---\ntranslated: Japanese to English\n---\n'))).toBe(
    'a.notes.md:2: translated "Japanese to English" is not a chain of language tags like "ja → zh → en"',
  );
  expect(error(() => parseNotes('---\ntranslated: ja? → en\n---\n'))).toBe(
    'a.notes.md:2: translated "ja? → en": only a step between the first and the last language can be marked probable, like "ja → zh? → en"',
  );
  expect(error(() => parseNotes('---\ntranslated: ja → zh?? → en\n---\n'))).toBe(
    'a.notes.md:2: translated "ja → zh?? → en" is not a chain of language tags like "ja → zh → en"',
  );
  expect(error(() => parseNotes('---\nabridged: yes\n---\n'))).toBe('a.notes.md:2: abridged "yes" is not true or false');
  expect(error(() => parseNotes('## "x"\ndisputed: maybe\n\nText [s](https://x.example).\n'))).toBe('a.notes.md:2: disputed "maybe" is not true or false');
  expect(error(() => parseNotes('---\ndate: 12 December\n---\n'))).toBe('a.notes.md:2: date "12 December" is not an ISO date (YYYY-MM-DD)');
  expect(error(() => parseNotes('## "x"\n\nNo link here.\n'))).toBe('a.notes.md:1: note on "x" cites no source; add a link [name](https://…)');
  expect(error(() => parseNotes('stray text\n'))).toMatch(/^a\.notes\.md:1: text before the first note/u);
});

test('a quote anchors once, or the error says not found / found N times', () => {
  const text = 'the door opened. Then the door closed.';
  expect(error(() => anchorQuote(text, { exact: 'window', line: 7 }))).toBe('a.notes.md:7: quote "window" not found');
  expect(error(() => anchorQuote(text, { exact: 'the door', line: 3 }))).toBe(
    'a.notes.md:3: quote "the door" found 2 times (lines 1, 1 of the seed); add a prefix or suffix',
  );
  expect(anchorQuote(text, { exact: 'the door', suffix: 'closed', line: 3 })).toEqual({ start: 22, end: 30 });
  expect(anchorQuote(text, { exact: 'door', prefix: 'Then the', line: 3 })).toEqual({ start: 26, end: 30 });
  expect(anchorQuote(text, { exact: 'the door', prefix: '', suffix: 'opened', line: 1 })).toEqual({ start: 0, end: 8 });
});

test('notes are numbered in reading order and may not overlap', () => {
  const text = 'alpha beta gamma delta';
  const notes = anchorNotes(text, [
    { line: 9, exact: 'gamma', body: 'b' },
    { line: 1, exact: 'alpha', body: 'a' },
  ]);
  expect(notes.map((n) => [n.number, n.id, n.exact])).toEqual([
    [1, 'note-1', 'alpha'],
    [2, 'note-2', 'gamma'],
  ]);
  expect(
    error(() =>
      anchorNotes(text, [
        { line: 1, exact: 'alpha beta', body: '' },
        { line: 5, exact: 'beta', body: '' },
      ]),
    ),
  ).toBe('a.notes.md:5: quote "beta" overlaps the quote "alpha beta" of the note on line 1');
});

test('the seed’s notes: metadata, every note anchored once and citing https or http sources', () => {
  const { meta, notes } = parseNotes(seedNotes);
  expect(meta).toMatchObject({ slug: '000_dafef29e75211819', date: '2025-12-12', speaker: 'Koizumi Shinjiro', lang: 'en' });
  const anchored = anchorNotes(seedText, notes);
  expect(anchored.length).toBeGreaterThanOrEqual(8);
  const quotes = anchored.map((n) => n.exact);
  for (const q of ['December 12', 'Secretary of War', 'the incident on the 6th', 'joint flight of Chinese and Russian bombers']) expect(quotes).toContain(q);
  for (const n of notes) expect(n.body).toMatch(/\]\(https?:\/\//u);
});
