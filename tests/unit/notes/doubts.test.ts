import { expect, test } from 'vitest';
import { annotate } from '../../../src/lib/notes/entry.ts';
import { readingDoubts } from '../../../src/lib/notes/doubts.ts';
import { parseSeed } from '../../../src/lib/seed/parse.ts';

const doubts = (text: string, notes?: string) => readingDoubts(annotate('a.txt', 'a', parseSeed(text), notes), 'seeds/a.notes.md');

test('a confident reading has nothing to check', () => {
  expect(doubts('Ana Silva said: "We will wait for the talks to end."\n\nComment: Waiting is a policy too.\n')).toEqual([]);
});

test('a statement with no speaker found is listed with its line and the notes line that settles it; the notes settle it', () => {
  const text = 'Comment: This matters.\n\nThe spokesperson said:\n\n"We will not comment on this matter any further."\n';
  expect(doubts(text)).toEqual([
    {
      line: 5,
      message: 'no speaker found for the quoted statement: the page says "speaker not named"',
      hint: 'name them in seeds/a.notes.md: "speaker: <name>"',
    },
  ]);
  expect(doubts(text, '---\nspeaker: Ana Silva\n---\n')).toEqual([]);
});

test('a quotation that never closes, and a text of commentary with no statement, are listed', () => {
  expect(doubts('Ana Silva said: "We will wait\n\nComment: Waiting.\n').map((d) => d.message)).toEqual(['the quotation never closes']);
  expect(doubts('It is all theatre.\n\nStatement: This article represents the views of the author.\n').map((d) => d.message)).toEqual([
    'no quoted statement found in a text of commentary',
  ]);
});

test('a long quotation in the writer’s words that no cue gives to a speaker is listed; a short label is not', () => {
  const listed = doubts(
    'Ana Silva said: "We will wait."\n\nComment: The phrase "the two sides will soon find a way back to the table" is everywhere, as is the "China threat theory".\n',
  );
  expect(listed.map((d) => [d.line, d.message.slice(0, 60)])).toEqual([[3, "a quotation of 12 words in the writer's commentary is not gi"]]);
});
