import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fileLines, jsonLines } from '../../../src/loaders/json-lines.ts';

const dir = mkdtempSync(join(tmpdir(), 'json-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a file’s lines that are not empty, in order, also when a line or a character is cut between the pieces it is read in', () => {
  // Lines of many lengths, of characters of one to four bytes, over several 1 MiB pieces: pieces end mid-line and mid-character.
  const lines = Array.from({ length: 1500 }, (_, i) => `${i} ${'aé中😀'.repeat(i % 500)}`);
  const file = join(dir, 'lines.txt');
  writeFileSync(file, `${lines.join('\n\n')}\n`);
  expect([...fileLines(file)]).toEqual(lines);
  // No newline at the end: the last line is still read.
  writeFileSync(file, 'one\ntwo');
  expect([...fileLines(file)]).toEqual(['one', 'two']);
  writeFileSync(file, '');
  expect([...fileLines(file)]).toEqual([]);
});

test('JSON Lines: each line’s value', () => {
  const file = join(dir, 'values.jsonl');
  writeFileSync(file, '{"a":1}\n[2,"ü"]\n\n"three"\n');
  expect([...jsonLines(file)]).toEqual([{ a: 1 }, [2, 'ü'], 'three']);
});
