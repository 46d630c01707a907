import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { stem, traceLabel, traceQuotes, traceSummary } from '../../../src/lib/notes/trace.ts';

const seed = parseSeed(readFileSync(new URL('../../../seeds/000_dafef29e75211819.txt', import.meta.url), 'utf8'));

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

test('no statement, no tracing: a commentary alone has nothing to be traced against', () => {
  expect(traceQuotes(parseSeed('Comment: The so-called "unbreakable" alliance.\n'))).toEqual([]);
  expect(traceSummary([])).toBeUndefined();
});

test('badges say where the words are, never that the sense is shared; one shared word says it is one word', () => {
  const [close, absent, concerns] = traceQuotes(seed);
  expect(traceLabel(close!).short).toBe('similar words in the statement · S1.5');
  expect(traceLabel(absent!).short).toBe('not in the statement');
  expect(traceLabel(concerns!).short).toBe('word also in the statement · S1.5');
  expect(traceLabel(concerns!).long).toContain('says nothing of whether it means the same');
  for (const t of traceQuotes(seed)) expect(traceLabel(t).short).not.toMatch(/exact|quote|confirm/u);
  expect(traceSummary(traceQuotes(seed))).toBe(
    'Phrases it puts in quotation marks, looked up in the statement: 1 with the same words, 1 with similar words, 2 not in the statement. A match shows shared wording, not shared meaning.',
  );
});
