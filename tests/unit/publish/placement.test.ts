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
  expect(p.statement?.kind).toBe('statement');
  expect(p.commentary?.kind).toBe('commentary');
  expect(p.othersBetween.map((o) => doc.text.slice(o.start, o.end))).toEqual(['She left at noon.']);
  expect([p.othersBefore, p.othersAfter]).toEqual([[], []]);
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
