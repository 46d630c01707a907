import { expect, test } from 'vitest';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { placement } from '../../../src/lib/publish/placement.ts';

// A lead-in, a statement, text between the voices, the commentary, a source line and a disclaimer.
const text =
  'The minister, Ana Silva, said on April 9: "We will wait. Talks resume."\n\nShe left at noon.\n\nComment: Waiting is a policy too.\n\nOriginal article: example.com/a\n\nStatement: This article represents the views of the author.\n';
const doc = parseSeed(text);
const at = (words: string, number: number) => ({ start: doc.text.indexOf(words), number });
const notes = [at('a policy', 4), at('Ana Silva', 1), at('Talks resume', 2), at('left at noon', 3), at('example.com', 5)];

test('every part and note has its place', () => {
  const p = placement(doc, notes);
  // In the original's order: the lead-in, the statement, the narration between the voices, the commentary.
  expect(p.body.map((b) => b.part.kind)).toEqual(['attribution', 'statement', 'other', 'commentary']);
  expect(p.body.filter((b) => b.part.kind === 'other').map((b) => doc.text.slice(b.part.start, b.part.end))).toEqual(['She left at noon.']);
  expect(p.othersAfter).toEqual([]);
  expect(p.notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5]); // 5 is on the source line: listed, without a number in the text
  expect(p.disclaimers).toHaveLength(1);
});

test('each note names the voice it annotates, so one voice alone can hide the other’s notes', () => {
  const p = placement(doc, notes);
  expect(p.notes.map((n) => [n.number, n.voice])).toEqual([
    [1, undefined], // the lead-in's
    [2, 'statement'],
    [3, undefined],
    [4, 'commentary'],
    [5, undefined],
  ]);
});

test('a statement standing mid-text keeps its place between blocks of commentary, each numbered in its kind', () => {
  const mid = parseSeed(
    'Tokyo keeps raising the issue.\n\nThe ministry\'s statement says:\n\n"We will not accept this under any circumstances."\n\nThat is the old line.\n\nOriginal article: example.com/b\n',
  );
  const p = placement(mid, []);
  expect(p.body.map((b) => `${b.part.kind}${b.n}`)).toEqual(['other1', 'attribution1', 'statement1', 'commentary1']);
});
