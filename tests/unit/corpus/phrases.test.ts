import { expect, test } from 'vitest';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { matchAt, phraseMemo, phraseSource, quoteSource, recurringPhrases, type PhraseDocument, type PhraseSource } from '../../../src/lib/corpus/phrases.ts';
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
const find = (list: readonly PhraseDocument[], order?: (slug: string) => number) =>
  recurringPhrases({ quotes: () => list.map(quoteSource), sources: () => list.map(phraseSource) }, order);

test('a phrase two commentaries quote is found wherever its content words occur, in order, up to inflection and small gaps', () => {
  const { phrases } = find(docs);
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
});

test('a phrase one commentary quotes does not recur, even where its words occur elsewhere; nor does a one-word phrase', () => {
  // "exacerbating tension" (quoted in b) ~ "exacerbated regional tensions" (c's statement): one document quotes it.
  expect(find(docs).phrases.map((p) => p.key)).toEqual(['china threat theory']);
  // Quoted in a second document, it recurs, with every place it occurs.
  const e = doc('e', seed('Calm.', 'Some warn of "exacerbated tensions".'));
  const tension = find([...docs, e]).phrases.find((p) => p.key === 'exacerbat tension')!;
  expect(tension.occurrences.map((o) => [o.slug, o.voice, o.quoted])).toEqual([
    ['b', 'commentary', true],
    ['c', 'statement', false],
    ['e', 'commentary', true],
  ]);
  expect(tension.documents).toBe(3);
});

test('read in any order (shard by shard), the places follow the documents’ order and the phrase is spelled as the earliest quote', () => {
  const order = (slug: string) => ['a', 'b', 'c', 'd'].indexOf(slug);
  const shuffled = find([docs[2]!, docs[1]!, docs[3]!, docs[0]!], order);
  const threat = shuffled.phrases[0]!;
  expect(threat.text).toBe('China threat theory');
  expect(threat.occurrences.map((o) => o.slug)).toEqual(['a', 'a', 'b', 'c']);
  expect(shuffled).toEqual(find(docs));
});

test('each quote of a recurring phrase knows it, for "in N other documents"', () => {
  const { phrases, byQuote } = find(docs);
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

test('with a memo, as the dev server keeps across edits: a corpus with one document changed finds what a fresh run finds, reading only that one again', () => {
  const memo = phraseMemo();
  const sources = docs.map(phraseSource);
  const run = (list: readonly PhraseSource[]) =>
    recurringPhrases({ quotes: () => list.map((s) => ({ slug: s.slug, quotes: s.quotes })), sources: () => list }, undefined, memo);
  expect(run(sources)).toEqual(find(docs));
  // The same sources again: the places come from the memo (they are the same objects), and the result is the same.
  const again = run(sources);
  expect(again.phrases[0]!.occurrences[0]).toBe(memo.found.get(sources[0]!)![0]!.occurrence);
  // One document edited so that it no longer quotes the phrase: still two documents quote it, and c's words are gone.
  const edited = doc('c', seed('Our partners voiced concerns.', 'Nothing of threats.'));
  const after = run([sources[0]!, sources[1]!, phraseSource(edited), sources[3]!]);
  expect(after).toEqual(find([docs[0]!, docs[1]!, edited, docs[3]!]));
  expect(after.phrases[0]!.occurrences.map((o) => o.slug)).toEqual(['a', 'a', 'b']);
  expect(after.phrases[0]!.occurrences[0]).toBe(again.phrases[0]!.occurrences[0]);
  // A new quoted phrase changes what is looked for: nothing found before is kept, and every document is read again.
  const quoting = doc('d', seed('No comment.', 'Some warn of "exacerbated tensions".'));
  const widened = run([sources[0]!, sources[1]!, sources[2]!, phraseSource(quoting)]);
  expect(widened).toEqual(find([docs[0]!, docs[1]!, docs[2]!, quoting]));
  expect(widened.phrases.map((p) => p.key)).toEqual(['china threat theory', 'exacerbat tension']);
  expect(widened.phrases[0]!.occurrences[0]).not.toBe(again.phrases[0]!.occurrences[0]);
});
