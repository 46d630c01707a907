import { expect, test } from 'vitest';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { placement } from '../../../src/lib/publish/placement.ts';

// A lead-in, a statement, text between the voices, the commentary, a source line and a disclaimer.
const text =
  'The minister, Ana Silva, said on April 9: "We will wait. Talks resume."\n\nShe left at noon.\n\nComment: Waiting is a policy too.\n\nOriginal article: example.com/a\n\nStatement: This article represents the views of the author.\n';
const doc = parseSeed(text);
const at = (words: string, number: number) => ({ start: doc.text.indexOf(words), number });
const notes = [at('Ana Silva', 1), at('Talks resume', 2), at('left at noon', 3), at('a policy', 4), at('example.com', 5)];

test('in the view of both voices, every part and note has its place', () => {
  const p = placement(doc, notes, 'both');
  expect(p.statement?.kind).toBe('statement');
  expect(p.commentary?.kind).toBe('commentary');
  expect(p.othersBetween.map((o) => doc.text.slice(o.start, o.end))).toEqual(['She left at noon.']);
  expect([p.othersBefore, p.othersAfter]).toEqual([[], []]);
  expect(p.notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5]); // 5 is on the source line: listed, without a number in the text
  expect(p.disclaimers).toHaveLength(1);
});

test('a focus view leaves out the other voice, its notes, and the text outside the voices', () => {
  const s = placement(doc, notes, 'statement');
  expect([s.statement?.kind, s.commentary]).toEqual(['statement', undefined]);
  expect(s.othersBetween).toEqual([]);
  expect(s.notes.map((n) => n.number)).toEqual([1, 2, 3, 5]);
  expect(s.disclaimers).toEqual([]); // the disclaimer is the commentary's
  const c = placement(doc, notes, 'commentary');
  expect([c.statement, c.commentary?.kind]).toEqual([undefined, 'commentary']);
  expect(c.notes.map((n) => n.number)).toEqual([1, 3, 4, 5]);
  expect(c.disclaimers).toHaveLength(1);
});
