import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { afterClosingMark, sentenceName, stem, TRACE_TERMS, traceLabel, traceQuotes } from '../../../src/lib/notes/trace.ts';

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
});

test('markers say where the words are, never that the sense is shared; one shared word says it is one word', () => {
  const [close, absent, concerns] = traceQuotes(seed);
  expect(traceLabel(close!)).toMatchObject({ kind: 'close', mark: '≈', short: 'similar words in the statement' });
  expect(traceLabel(close!).long).toMatch(/^Similar words in the statement\. The statement has similar words \(S1, sentence 5\)/u);
  expect(traceLabel(absent!)).toMatchObject({ kind: 'absent', mark: '∉', short: 'not in the statement' });
  expect(traceLabel(concerns!)).toMatchObject({ kind: 'word', short: 'word also in the statement' });
  expect(traceLabel(concerns!).long).toContain('says nothing of whether it means the same');
  for (const t of traceQuotes(seed)) expect(traceLabel(t).long).not.toMatch(/exact|confirm|S1\.5/u);
  // One term per kind, one mark per kind: the page, the About page and the summaries read the same table.
  expect(new Set(Object.values(TRACE_TERMS).map((t) => t.mark)).size).toBe(4);
  expect(sentenceName('s1.5')).toBe('S1, sentence 5');
  expect(sentenceName('c1a.2')).toBe('C1a, sentence 2');
});

test('a marker goes after the closing quotation mark, and after punctuation inside the marks', () => {
  const text = 'the "China threat theory." and Japan\'s "concerns" is';
  expect(text.slice(0, afterClosingMark(text, text.indexOf('theory') + 6))).toBe('the "China threat theory."');
  expect(text.slice(0, afterClosingMark(text, text.indexOf('concerns') + 8))).toBe('the "China threat theory." and Japan\'s "concerns"');
  expect(afterClosingMark('no mark here', 2)).toBe(2);
});

test('a phrase the commentary quotes from the statement’s second block is traced to it', () => {
  const doc = parseSeed(
    'Ana Silva said: "We will wait for the talks to end."\n\nComment: Waiting is a policy too.\n\nShe added:\n\n"Nobody should expect a change of course."\n\nA "change of course" is not on offer.\n\nOriginal article: example.com/a\n',
  );
  expect(traceQuotes(doc).map((t) => [t.text, t.match, t.sentenceId])).toEqual([['change of course', 'exact', 's2.1']]);
});
