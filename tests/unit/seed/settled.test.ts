/**
 * What an editor's notes settle of a reading the rules get wrong: the
 * paragraphs that are the statement, by their first words (or none), and the
 * headline (or none); a line that names nothing in the seed is an error on
 * that line; a settled reading is no longer a doubt.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { ProblemError } from '../../../src/lib/common/problem.ts';
import { readingDoubts } from '../../../src/lib/notes/doubts.ts';
import { annotate } from '../../../src/lib/notes/entry.ts';
import { parseNotes } from '../../../src/lib/notes/notes.ts';
import { voiceParagraphs } from '../../../src/lib/seed/document.ts';
import { parseSeed, type SeedDocument } from '../../../src/lib/seed/parse.ts';
import { expectExactCover } from '../../helpers/document.ts';

const genre = (name: string) => readFileSync(new URL(`../../fixtures/genre/${name}.txt`, import.meta.url), 'utf8');
const firstWords = (doc: SeedDocument, voice: 'statement' | 'commentary') => voiceParagraphs(doc, voice).map((p) => p.text.split(' ').slice(0, 4).join(' '));

test('paragraphs named by their first words are the statement, without marks shown as such, and no others are', () => {
  // An embassy's statement after "hereby issues the following statement:", in two paragraphs without marks.
  const text = genre('41-ph-embassy-statement');
  const doc = parseSeed(text, { statement: ['China and the Philippine are working', 'China and the Philippines are friendly'] });
  expect(firstWords(doc, 'statement')).toEqual(['China and the Philippine', 'China and the Philippines']);
  expect(doc.parts.filter((p) => p.kind === 'statement').every((p) => p.kind === 'statement' && p.unmarked)).toBe(true);
  expectExactCover(doc);
});

test('a named paragraph that opens with a quotation is read as one, marks and words after it kept apart', () => {
  const text = 'The talks ended.\n\n"We will wait," the minister said.\n\n"Nothing is decided."\n\nComment: Waiting is a policy too.\n';
  const doc = parseSeed(text, { statement: ['We will wait'] });
  expect(voiceParagraphs(doc, 'statement').map((p) => p.text)).toEqual(['We will wait,']);
  // The other quotation is not named: it stays the writer's.
  expect(doc.parts.some((p) => p.kind === 'other' && p.paragraphs.some((q) => q.text.includes('Nothing is decided')))).toBe(true);
  expectExactCover(doc);
});

test('statement: none leaves every paragraph the writer’s; headline none and headline by first words settle the first line', () => {
  const text = 'Ana Silva said: "We will wait for the talks."\n\nComment: Waiting is a policy too.\n';
  expect(parseSeed(text).parts.some((p) => p.kind === 'statement')).toBe(true);
  expect(parseSeed(text, { statement: 'none' }).parts.some((p) => p.kind === 'statement')).toBe(false);
  const headed = 'Ports and promises\n\nAna Silva said: "We will wait."\n\nComment: Waiting.\n';
  expect(parseSeed(headed).parts[0]!.kind).toBe('headline');
  expect(parseSeed(headed, { headline: 'none' }).parts.some((p) => p.kind === 'headline')).toBe(false);
  // A first line the rules take for a sentence of prose, named as the headline.
  const sentence = 'The port opened today, and the talks go on.\n\nAna Silva said: "We will wait."\n\nComment: Waiting.\n';
  expect(parseSeed(sentence).parts.some((p) => p.kind === 'headline')).toBe(false);
  expect(parseSeed(sentence, { headline: 'The port opened' }).parts[0]).toMatchObject({
    kind: 'headline',
    text: 'The port opened today, and the talks go on.',
  });
});

test('the notes front matter names statement paragraphs one per line, or none; words that begin no paragraph are an error on their line', () => {
  expect(parseNotes('---\nstatement: China and the Philippine\nstatement: "China and the Philippines are"\nheadline: none\n---\n').meta).toEqual({
    statement: [
      { words: 'China and the Philippine', line: 2 },
      { words: 'China and the Philippines are', line: 3 },
    ],
    headline: 'none',
  });
  expect(() => parseNotes('---\nstatement: none\nstatement: China\n---\n')).toThrow(/statement: none cannot stand with other statement: lines/u);
  const text = genre('41-ph-embassy-statement');
  const notes = '---\nspeaker: spokesperson of the Chinese Embassy in the Philippines\nstatement: China and the Philippines are enemies\n---\n';
  try {
    annotate('a.txt', 'a', parseSeed(text, { statement: ['China and the Philippines are enemies'] }), notes);
    expect.unreachable();
  } catch (error) {
    expect((error as ProblemError).problems[0]).toMatchObject({
      line: 3,
      message: 'statement "China and the Philippines are enemies" begins no paragraph of the seed',
    });
  }
});

test('a settled statement is no longer a reading to check', () => {
  const text = 'It is all theatre.\n\nThe ministry’s words were these, in full.\n\nStatement: This article represents the views of the author.\n';
  const entry = annotate('a.txt', 'a', parseSeed(text), undefined);
  expect(readingDoubts(entry, 'seeds/a.notes.md').map((d) => d.hint)).toEqual([
    'name its paragraphs in seeds/a.notes.md by their first words, "statement: <first words>", or say "statement: none"',
  ]);
  expect(readingDoubts(annotate('a.txt', 'a', parseSeed(text, { statement: 'none' }), '---\nstatement: none\n---\n'), 'seeds/a.notes.md', true)).toEqual([]);
});

test('a paragraph of one line is named by its first words, and the words end where a word ends', () => {
  const text = 'Embassy rejects the remarks\nThe embassy issued a statement on Monday.\nChina firmly opposes the remarks and urges restraint.\n';
  const doc = parseSeed(text, { statement: ['China firmly opposes'] });
  expect(voiceParagraphs(doc, 'statement').map((p) => p.text)).toEqual(['China firmly opposes the remarks and urges restraint.']);
  expect(() => annotate('a.txt', 'a', doc, '---\nstatement: China firmly opposes\n---\n')).not.toThrow();
  // "China" does not name a paragraph that begins "Chinese".
  const other = 'Ana said: "Fine."\n\nChinese officials disagree.\n';
  expect(() => annotate('a.txt', 'a', parseSeed(other, { statement: ['China'] }), '---\nstatement: China\n---\n')).toThrow(/begins no paragraph/u);
});
