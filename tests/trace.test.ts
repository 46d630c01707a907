import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseSeed } from '../src/lib/parse.ts';
import { stem, traceQuotes } from '../src/lib/trace.ts';

const seed = parseSeed(readFileSync(new URL('../seeds/000_dafef29e75211819.txt', import.meta.url), 'utf8'));

test('the seed: "concerns" exact and "exacerbating tension" close, both at S1.5; the others absent', () => {
  const traces = traceQuotes(seed).map((t) => ({ text: t.text, match: t.match, sentenceId: t.sentenceId, paragraphId: t.paragraphId }));
  expect(traces).toEqual([
    { text: 'exacerbating tension', match: 'close', sentenceId: 's1.5', paragraphId: 'c1' },
    { text: 'China threat theory', match: 'absent', sentenceId: undefined, paragraphId: 'c1' },
    { text: 'concerns', match: 'exact', sentenceId: 's1.5', paragraphId: 'c2' },
    { text: 'unbreakable', match: 'absent', sentenceId: undefined, paragraphId: 'c3' },
  ]);
  const close = traceQuotes(seed)[0]!;
  expect(seed.text.slice(close.matchStart, close.matchEnd)).toBe('exacerbated regional tensions');
});

const doc = (statement: string, comment: string) => parseSeed(`X said: "${statement}"\n\nComment: ${comment}`);

test('a close match needs every content word; function words alone never match', () => {
  expect(traceQuotes(doc('The peace of the region matters.', 'He said "of the".'))[0]!.match).toBe('absent');
  expect(traceQuotes(doc('The peace of the region matters.', 'He said "the peace of Europe".'))[0]!.match).toBe('absent');
  expect(traceQuotes(doc('The peace of the region matters.', 'He said "regional peace".'))[0]!.match).toBe('absent');
  expect(traceQuotes(doc('We protected the peace of the region.', 'He said "protecting peace".'))[0]!.match).toBe('close');
});

test('exact matching ignores case and punctuation inside the marks', () => {
  const [t] = traceQuotes(doc('The door for dialogue remains open.', 'So-called "Door for dialogue." Really.'));
  expect(t).toMatchObject({ text: 'Door for dialogue', match: 'exact', sentenceId: 's1.1' });
});

test('a light stemmer equates inflections', () => {
  expect(stem('concerns')).toBe(stem('concern'));
  expect(stem('exacerbating')).toBe(stem('exacerbated'));
  expect(stem('tensions')).toBe('tension');
});
