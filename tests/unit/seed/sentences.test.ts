import { expect, test } from 'vitest';
import { splitSentences } from '../../../src/lib/seed/sentences.ts';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

test('splits at terminal punctuation followed by a capital', () => {
  expect(split('One. Two! Three? Four.')).toEqual(['One.', 'Two!', 'Three?', 'Four.']);
});

test('never splits at U.S. or other dotted abbreviations', () => {
  expect(split('I called the U.S. Secretary of War Hegseth. Then I left.')).toEqual(['I called the U.S. Secretary of War Hegseth.', 'Then I left.']);
  expect(split('The U.S. expression of agreement is new. It matters.')).toEqual(['The U.S. expression of agreement is new.', 'It matters.']);
  expect(split("The U.S.'s cautious attitude is clear. So is Japan's.")).toEqual(["The U.S.'s cautious attitude is clear.", "So is Japan's."]);
  expect(split('Talks at 9 a.m. Tokyo time, e.g. Monday. Fine.')).toEqual(['Talks at 9 a.m. Tokyo time, e.g. Monday.', 'Fine.']);
});

test('never splits at titles or initials', () => {
  expect(split('Mr. Koizumi met Dr. Smith and Gen. Lee. They talked.')).toEqual(['Mr. Koizumi met Dr. Smith and Gen. Lee.', 'They talked.']);
  expect(split('J. R. Smith wrote it. It was long.')).toEqual(['J. R. Smith wrote it.', 'It was long.']);
});

test('never splits inside decimals', () => {
  expect(split('Growth was 3.5 percent. Prices rose 1.2 points.')).toEqual(['Growth was 3.5 percent.', 'Prices rose 1.2 points.']);
});

test('an ellipsis followed by a new sentence ends one', () => {
  expect(split('It has exacerbated regional tensions... The Japan-U.S. alliance is the cornerstone.')).toEqual([
    'It has exacerbated regional tensions...',
    'The Japan-U.S. alliance is the cornerstone.',
  ]);
  expect(split('We waited… Nothing came.')).toEqual(['We waited…', 'Nothing came.']);
  expect(split('We waited... and waited.')).toEqual(['We waited... and waited.']);
});

test('closing quotation marks stay with the sentence they end', () => {
  expect(split('He promoted the "China threat theory." Koizumi then left.')).toEqual(['He promoted the "China threat theory."', 'Koizumi then left.']);
});

test('splits Chinese and Japanese text at full-width terminators without spaces', () => {
  expect(split('今天早上我打了电话。我说明了事件！对吗？')).toEqual(['今天早上我打了电话。', '我说明了事件！', '对吗？']);
  expect(split('「会談した。」その後、帰った。')).toEqual(['「会談した。」', 'その後、帰った。']);
});

test('keeps text without a terminator as one sentence and trims white space', () => {
  expect(split('  no terminator here  ')).toEqual(['no terminator here']);
  expect(split('')).toEqual([]);
});
