import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { annotate } from '../../../src/lib/notes/entry.ts';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { parseAliases, speakerKey } from '../../../src/lib/notes/speakers.ts';
import {
  bundlePages,
  bundleTarget,
  collapseSpace,
  filterName,
  isSplitFilterName,
  searchDocument,
  speakerFilter,
  SPLIT_FILTERS,
  type AnchorData,
  type SearchDocument,
} from '../../../src/lib/search/bundles.ts';

const seedText = readFileSync(new URL('../../../seeds/000_dafef29e75211819.txt', import.meta.url), 'utf8');
const seed = searchDocument(annotate('000.txt', 'doc', parseSeed(seedText), undefined));

const anchors = (html: string) =>
  [...html.matchAll(/<span id="(p\d+)" data-pagefind-title="([^"]*)"><\/span>/gu)].map(
    (m) =>
      JSON.parse(
        m[2]!
          .replace(/&quot;/gu, '"')
          .replace(/&lt;/gu, '<')
          .replace(/&gt;/gu, '>')
          .replace(/&amp;/gu, '&'),
      ) as AnchorData,
  );

test('a document gives one passage per paragraph of each voice, statement first, with its sentence starts', () => {
  expect(seed.passages.map((p) => `${p.voice}:${p.id}`)).toEqual(['statement:s1', 'commentary:c1', 'commentary:c2', 'commentary:c3']);
  const s1 = seed.passages[0]!;
  expect(s1.sentenceStarts).toHaveLength(8);
  expect(collapseSpace(s1.text).slice(s1.sentenceStarts[1])).toMatch(/^I explained the incident on the 6th/u);
  expect(seed.speaker).toBe('Koizumi Shinjiro');
});

test('sentence starts count in the text with its white space collapsed, as the index keeps it', () => {
  const doc = parseSeed('Comment: One  sentence here.  Two   follows,\n   still two.  Three.\n');
  const d = searchDocument(annotate('x.txt', 'x', doc, undefined));
  const c1 = d.passages[0]!;
  const flat = collapseSpace(c1.text);
  expect(c1.sentenceStarts.map((o) => flat.slice(o).split(' ')[0])).toEqual(['One', 'Two', 'Three.']);
});

test('bundles grow with the corpus: one document each up to 1,000, then about √(8.75 · text) characters', () => {
  expect(bundleTarget(1000, 3000)).toBe(0);
  expect(bundleTarget(10_000, 3000)).toBe(16_202);
  expect(bundleTarget(100_000, 3000)).toBe(51_235);
});

const doc = (slug: string, lang = 'en', speaker?: string): SearchDocument => ({
  slug,
  title: `Title of ${slug}`,
  speaker,
  speakerKeys: speaker ? [speakerKey(speaker)] : [],
  lang,
  passages: [
    { voice: 'statement', id: 's1', text: `Statement of ${slug} <b>&amp;</b>.`, sentenceStarts: [0] },
    { voice: 'commentary', id: 'c1', text: `Comment one on ${slug}.`, sentenceStarts: [0] },
    { voice: 'commentary', id: 'c2', text: `Comment two on ${slug}.`, sentenceStarts: [0] },
  ],
});

test('a bundle holds one voice of documents of one language until it has its size of text; its anchors carry what a result needs', () => {
  // Each statement is 28 characters, each commentary 38: a 50-character bundle closes after two documents' passages.
  const pages = bundlePages([doc('a', 'en', 'Ana Silva'), doc('b'), doc('c'), doc('z', 'zh')], 50);
  expect(pages.map((p) => `${p.language}:${p.voice}:${p.passages}`)).toEqual([
    'en:statement:2',
    'en:commentary:4',
    'en:statement:1',
    'en:commentary:2',
    'zh:statement:1',
    'zh:commentary:2',
  ]);
  expect(bundlePages([doc('a'), doc('b')], 0).map((p) => p.passages)).toEqual([1, 2, 1, 2]);
  expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
  const commentary = pages[1]!;
  expect(anchors(commentary.html)).toEqual([
    { d: 'a', t: 'Title of a', s: 'Ana Silva', p: 'c1', o: [0] },
    { p: 'c2', o: [0] },
    { d: 'b', t: 'Title of b', p: 'c1', o: [0] },
    { p: 'c2', o: [0] },
  ]);
  expect(commentary.html).toContain('<html lang="en">');
  expect(commentary.html).toContain('data-pagefind-filter="voice[data-v]" data-v="Commentary"');
  expect(commentary.html).toContain(`data-pagefind-filter="${filterName('speaker', 'ana silva')}[data-v]" data-v="ana silva"`);
  expect(commentary.html).toContain(`data-pagefind-filter="${filterName('document', 'b')}[data-v]" data-v="b"`);
  // Text is escaped, never markup; passages are inline (no block for Pagefind to end with a period).
  expect(pages[0]!.html).toContain('Statement of a &lt;b&gt;&amp;amp;&lt;/b&gt;.');
  expect(pages[0]!.html).not.toMatch(/<(p|div|section)\b/u);
  expect(pages[4]!.html).toContain('<html lang="zh">');
});

test('speaker and document filters are split over a fixed number of names, the same for a value everywhere', () => {
  const names = new Set(Array.from({ length: 500 }, (_, i) => filterName('document', `doc-${i}`)));
  expect(names.size).toBeGreaterThan(SPLIT_FILTERS.document / 2);
  expect(names.size).toBeLessThanOrEqual(SPLIT_FILTERS.document);
  // The same in the build and in the browser: both compute it.
  expect(filterName('speaker', 'Koizumi Shinjiro')).toBe('speaker_1');
  expect(filterName('speaker', 'x')).toMatch(/^speaker_\d+$/u);
});

test('the split filters’ names are told from the others', () => {
  expect(isSplitFilterName(speakerFilter('Koizumi Shinjiro').name)).toBe(true);
  expect(isSplitFilterName(filterName('document', 'some-slug'))).toBe(true);
  expect(['voice', 'speaker', 'document_', 'speaker_7x', 'xspeaker_7'].map(isSplitFilterName)).toEqual([false, false, false, false, false]);
});

test('a speaker of the alias file is filed under every spelling it lists, so the filter finds them by any', () => {
  const aliases = parseAliases('Takaichi Sanae = PM Takaichi | 高市早苗\n');
  const d = searchDocument(annotate('t.txt', 't', parseSeed('PM Takaichi said today:\n\n"Words."\n\nComment: More words.\n'), undefined, aliases));
  expect(d.speaker).toBe('Takaichi Sanae');
  const [page] = bundlePages([d], 0);
  for (const spelling of ['Takaichi Sanae', 'Sanae Takaichi', 'PM Takaichi', '高市早苗']) {
    const f = speakerFilter(spelling);
    expect(page!.html, spelling).toContain(`data-pagefind-filter="${f.name}[data-v]" data-v="${f.value}"`);
  }
  // The passages say so too, so a bundle of several speakers keeps only theirs.
  expect(anchors(page!.html)[0]).toMatchObject({ s: 'Takaichi Sanae', k: ['pm takaichi', '高市早苗'] });
  // Without the alias file a document is filed under its own spelling only.
  const plain = bundlePages([searchDocument(annotate('t.txt', 't', parseSeed('PM Takaichi said today:\n\n"Words."\n'), undefined))], 0)[0]!;
  expect(plain.html.match(/data-pagefind-filter="speaker_/gu)).toHaveLength(1);
});

test('a text that quotes its statement in two blocks, with commentary between, has every paragraph of both voices as a passage', () => {
  const text =
    'Ana Silva said: "We will wait for the talks to end."\n\nComment: Waiting is a policy too.\n\nShe added:\n\n"Nobody should expect a change of course."\n\nThat is the old evasion.\n\nOriginal article: example.com/a\n';
  const d = searchDocument(annotate('a.txt', 'a', parseSeed(text), undefined));
  expect(d.passages.map((p) => `${p.voice}:${p.id}`)).toEqual(['statement:s1', 'statement:s2', 'commentary:c1', 'commentary:c2']);
});
