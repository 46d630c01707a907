import { expect, test } from 'vitest';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { matchAt, recurringPhrases, type PhraseDocument } from '../../../src/lib/corpus/phrases.ts';
import { traceQuotes } from '../../../src/lib/notes/trace.ts';

const seed = (said: string, comment: string) => `The minister, Ana Silva, said on April 9: "${said}"\n\nComment: ${comment}\n`;
const doc = (slug: string, text: string): PhraseDocument => {
  const d = parseSeed(text);
  return { slug, title: slug, doc: d, traces: traceQuotes(d) };
};

const docs = [
  doc('a', seed('We reject the so-called China threat theory outright.', 'Their "China threat theory" is an old tune. The "concerns" are noted.')),
  doc('b', seed('Nothing new today.', 'Again the "China threat theories" were aired, and "exacerbating tension" too.')),
  doc('c', seed('Our partners voiced concerns about exacerbated regional tensions.', 'Talk of a China threat, as theory, goes on.')),
  doc('d', seed('No comment.', 'Nothing to see.')),
];

test('a phrase a commentary quotes is found wherever its content words occur, in order, up to inflection and small gaps', () => {
  const { phrases } = recurringPhrases(docs);
  const threat = phrases.find((p) => p.key === 'china threat theory')!;
  expect(threat.slug).toBe('china-threat-theory');
  expect(threat.text).toBe('China threat theory');
  expect(threat.documents).toBe(3);
  expect(threat.occurrences.map((o) => [o.slug, o.voice, o.sentenceId, o.quoted])).toEqual([
    ['a', 'statement', 's1.1', false],
    ['a', 'commentary', 'c1.1', true],
    ['b', 'commentary', 'c1.1', true],
    ['c', 'commentary', 'c1.1', false],
  ]);
  const c = threat.occurrences[3]!;
  expect(c.sentence.slice(c.markStart, c.markEnd)).toBe('China threat, as theory');
  // Two documents: "exacerbating tension" (b) ~ "exacerbated regional tensions" (c).
  expect(phrases.find((p) => p.key === 'exacerbat tension')?.documents).toBe(2);
});

test('one-word phrases and phrases in one document only do not recur', () => {
  const { phrases, byQuote } = recurringPhrases(docs);
  expect(phrases.map((p) => p.key)).not.toContain('concern');
  expect(phrases.every((p) => p.documents >= 2)).toBe(true);
  // Each quoted phrase knows its recurring phrase, for "in N other documents".
  const a = docs[0]!;
  const quote = a.traces.find((t) => t.text === 'China threat theory')!;
  expect(byQuote.get('a')?.get(quote.start)?.documents).toBe(3);
  expect(byQuote.get('d')).toBeUndefined();
});

/** Every match of `want` in `codes` from left to right, none overlapping, as a reader counts them. */
function matches(codes: Int32Array, want: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < codes.length; i++) {
    const to = matchAt(codes, i, want);
    if (to < 0) continue;
    out.push([i, to]);
    i = to;
  }
  return out;
}

test('matches are every place the words occur in order, each within three words of the last', () => {
  expect(matches(Int32Array.from([1, 2, -1, 1, -1, -1, -1, 2, 1, -1, -1, -1, -1, 2]), [1, 2])).toEqual([
    [0, 1],
    [3, 7],
  ]);
});
