import { expect, test } from 'vitest';
import {
  fragmentWords,
  holdsOneDocument,
  IndexFormatError,
  passageLabel,
  passagesOf,
  rankPassages,
  wordMatchesTerm,
  type BundleFragment,
} from '../../../src/lib/search/results.ts';

const anchor = (location: number, data: object) => ({ id: `p${location}`, title: JSON.stringify(data), location });

/** A bundle as Pagefind hands it back: the passages' words, anchors at their first word, matched word numbers. */
function bundle(passages: { data: object; text: string }[], matched: number[], voice = 'Commentary'): BundleFragment {
  const words: string[] = [];
  const anchors = passages.map((p) => {
    const a = anchor(words.length, p.data);
    words.push(...p.text.split(' '));
    return a;
  });
  return { content: words.join(' '), anchors, filters: { voice: [voice] }, weighted_locations: matched.map((location) => ({ location, balanced_score: 10 })) };
}

const two = bundle(
  [
    { data: { d: 'a', t: 'Title A', s: 'Ana Silva', p: 'c1', o: [0, 23] }, text: 'The first sentence ends. The radar <b>was</b> on, "radar" it was.' },
    { data: { p: 'c2', o: [0] }, text: 'Nothing here matches.' },
    { data: { d: 'b', t: 'Title B', p: 'c1', o: [0] }, text: 'Radars and more radar.' },
  ],
  [5, 8, 14, 17],
);

test('a bundle splits back into its passages: only those with matches, each with its document, voice and best sentence', () => {
  const hits = passagesOf(two, ['radar'], 0);
  expect(hits.map((h) => [h.slug, h.paragraph, h.anchor, h.voice, h.speaker, h.title])).toEqual([
    ['a', 'c1', 'c1.2', 'commentary', 'Ana Silva', 'Title A'],
    ['b', 'c1', 'c1.1', 'commentary', undefined, 'Title B'],
  ]);
  expect(passageLabel(hits[0]!)).toBe('Title A · Commentary C1');
});

test('a bundle it cannot read is an error naming the bundle and what is wrong, never skipped as no results', () => {
  const at = (f: BundleFragment) => ({ ...f, url: '/_search/en-7/' });
  const unreadable = at({ ...two, anchors: two.anchors.map((a, i) => (i === 1 ? { ...a, title: 'plain text' } : a)) });
  expect(() => passagesOf(unreadable, ['radar'], 0)).toThrow(IndexFormatError);
  expect(() => passagesOf(unreadable, ['radar'], 0)).toThrow('/_search/en-7/: anchor p11 carries no passage data ("plain text")');
  const untitled = at({ ...two, anchors: two.anchors.map(({ id, location }) => ({ id, location })) });
  expect(() => passagesOf(untitled, ['radar'], 0)).toThrow(/anchor p0 carries no passage data/u);
  const noIds = at(bundle([{ data: { d: 'a', t: 'A', p: 'c1' }, text: 'A radar.' }], [1]));
  expect(() => passagesOf(noIds, ['radar'], 0)).toThrow('/_search/en-7/: anchor p0 has no paragraph id and sentence starts');
  expect(() => passagesOf(at(bundle([{ data: { p: 'c1', o: [0] }, text: 'A radar.' }], [1])), ['radar'], 0)).toThrow(/passage c1 comes before any document/u);
  expect(() => passagesOf(at({ ...two, filters: { voice: ['Opinion'] } }), ['radar'], 0)).toThrow('/_search/en-7/: no voice filter ("Opinion")');
  expect(() => passagesOf(at({ ...two, anchors: [] }), ['radar'], 0)).toThrow(/no passage anchors/u);
});

test('an excerpt is the passage’s own words, the matched words marked without their punctuation', () => {
  const [a] = passagesOf(two, ['radar'], 0);
  expect(a!.excerpt.map((r) => r.text).join('')).toBe('The first sentence ends. The radar <b>was</b> on, "radar" it was.');
  expect(a!.excerpt.filter((r) => r.marked).map((r) => r.text)).toEqual(['radar', 'radar']);
  expect(a!.matched).toEqual(['radar']);
});

test('a long passage shows a window around its matches, with ellipses', () => {
  const long = Array.from({ length: 80 }, (_, i) => `w${i}`);
  long[40] = 'needle';
  const [hit] = passagesOf(bundle([{ data: { d: 'x', t: 'X', p: 'c1', o: [0] }, text: long.join(' ') }], [40]), ['needle'], 0);
  const text = hit!.excerpt.map((r) => r.text).join('');
  expect(text.startsWith('… w36 w37 w38 w39 needle w41')).toBe(true);
  expect(text.endsWith(' …')).toBe(true);
});

test('filters keep the passages of one speaker or one document (by slug or title)', () => {
  expect(passagesOf(two, ['radar'], 0, { speaker: 'Ana Silva' }).map((h) => h.slug)).toEqual(['a']);
  expect(passagesOf(two, ['radar'], 0, { document: 'b' }).map((h) => h.slug)).toEqual(['b']);
  expect(passagesOf(two, ['radar'], 0, { document: 'Title A' }).map((h) => h.slug)).toEqual(['a']);
  // Any spelling: case and name order by themselves, others as the anchor lists them (from the alias file).
  expect(passagesOf(two, ['radar'], 0, { speaker: 'silva ANA' }).map((h) => h.slug)).toEqual(['a']);
  const aliased = bundle([{ data: { d: 't', t: 'T', s: 'Takaichi Sanae', k: ['pm takaichi'], p: 'c1', o: [0] }, text: 'A radar.' }], [1]);
  expect(passagesOf(aliased, ['radar'], 0, { speaker: 'PM Takaichi' }).map((h) => h.slug)).toEqual(['t']);
  expect(passagesOf(aliased, ['radar'], 0, { speaker: 'Ana Silva' })).toEqual([]);
});

test('a search by filters alone lists every passage of the bundle', () => {
  const f = { ...two, weighted_locations: [] };
  expect(passagesOf(f, [], 0).map((h) => `${h.slug}#${h.paragraph}`)).toEqual(['a#c1', 'a#c2', 'b#c1']);
});

test('passages holding more of the query rank first, then by score, then by their bundle’s rank', () => {
  const both = bundle([{ data: { d: 'c', t: 'C', p: 'c1', o: [0] }, text: 'radar and airspace' }], [0, 2]);
  const one = bundle([{ data: { d: 'd', t: 'D', p: 'c1', o: [0] }, text: 'radar radar radar' }], [0, 1, 2]);
  const hits = [...passagesOf(one, ['radar', 'airspace'], 0), ...passagesOf(both, ['radar', 'airspace'], 1)];
  expect(rankPassages(hits).map((h) => h.slug)).toEqual(['c', 'd']);
  expect(hits.map((h) => h.coverage)).toEqual([1, 2]);
});

test('matched words stand for query terms as stemming and prefix search match them', () => {
  expect(wordMatchesTerm('Radars,', 'radar')).toBe(true);
  expect(wordMatchesTerm('tension', 'tensions')).toBe(true);
  expect(wordMatchesTerm('exacerbated', 'exacerbating')).toBe(true);
  expect(wordMatchesTerm('alliance', 'radar')).toBe(false);
  expect(wordMatchesTerm('电话', '电话很短')).toBe(true);
});

test('words of a segmented (Chinese) page split at U+200B, with < and > unescaped and a literal &lt; kept', () => {
  const content = '我与<美国>通了电话&lt;';
  const raw = '我\u200B与\u200B&lt;美国&gt;\u200B通了\u200B电话&lt;';
  expect(fragmentWords({ content, raw_content: raw })).toEqual({ words: ['我', '与', '<美国>', '通了', '电话&lt;'], joiner: '' });
  expect(fragmentWords({ content: 'a  b\tc' })).toEqual({ words: ['a', 'b', 'c'], joiner: ' ' });
});

test('a bundle of one document (an index of up to 1,000 documents) is told from one that gathers several', () => {
  expect(holdsOneDocument(two)).toBe(false);
  const one = bundle(
    [
      { data: { d: 'a', t: 'Title A', p: 'c1', o: [0] }, text: 'One passage.' },
      { data: { p: 'c2', o: [0] }, text: 'And its next.' },
    ],
    [],
  );
  expect(holdsOneDocument(one)).toBe(true);
  expect(() => holdsOneDocument({ ...one, url: '/_search/en-7/', anchors: [{ id: 'p0', title: 'plain', location: 0 }] })).toThrow(IndexFormatError);
});
