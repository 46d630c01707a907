import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { ProblemError } from '../../../src/lib/common/problem.ts';
import { formatPublished, parsePublished, publishedRecord, rereadPassages, type PublishedParagraph } from '../../../src/lib/history/published.ts';
import { documentHistory, parseVersions, versionDocs, type Revision } from '../../../src/lib/history/versions.ts';
import { allParagraphs, type SeedDocument } from '../../../src/lib/seed/document.ts';
import { parseSeed } from '../../../src/lib/seed/parse.ts';

/** The fixture whose reading changed: "adding that talks would resume." was `o1` (neither voice); it is commentary now. */
const TEXT = readFileSync(new URL('../../fixtures/text-after-quote/input.txt', import.meta.url), 'utf8');
/** What the site published under the rules before: s1 the quotation, o1 the words after it, c1 the comment. */
const OLD_READING: PublishedParagraph[] = [
  { id: 's1', text: 'We will wait,', sentences: [{ id: 's1.1', text: 'We will wait,' }] },
  { id: 'o1', text: 'adding that talks would resume.', sentences: [{ id: 'o1.1', text: 'adding that talks would resume.' }] },
  { id: 'c1', text: 'Waiting is a policy too.', sentences: [{ id: 'c1.1', text: 'Waiting is a policy too.' }] },
];

const ids = (doc: SeedDocument) => allParagraphs(doc).map((p) => `${p.id}:${p.text}`);
const one = (text: string): Revision[] => [{ note: '', file: 'a.txt', text }];

test('a change of the reading rules re-points ids without a record: the comment c1 becomes c2, and c1 names other words', () => {
  expect(ids(parseSeed(TEXT))).toEqual(['s1:We will wait,', 'c1:adding that talks would resume.', 'c2:Waiting is a policy too.']);
});

test('with the record of the ids published before, every recorded id keeps its words; the paragraph read anew gets a new id, and its old one lands on it', () => {
  const { revisions, docs } = parseVersions(one(TEXT), OLD_READING);
  // c1 still names the comment; the words now commentary are inserted before it, as `c0a`.
  expect(ids(docs[0]!)).toEqual(['s1:We will wait,', 'c0a:adding that talks would resume.', 'c1:Waiting is a policy too.']);
  expect(allParagraphs(docs[0]!).map((p) => p.sentences.map((s) => s.id))).toEqual([['s1.1'], ['c0a.1'], ['c1.1']]);
  const history = documentHistory(revisions, docs, [], OLD_READING);
  expect(history.reread).toEqual([
    { id: 'o1', kind: 'paragraph', within: 'c0a', after: '', now: 'c0a', text: 'adding that talks would resume.' },
    { id: 'o1.1', kind: 'sentence', within: 'c0a', after: '', now: 'c0a.1', text: 'adding that talks would resume.' },
  ]);
  expect(history.lost).toBeUndefined();
  // The version pages read the versions again with the same record, to the same ids.
  expect(ids(versionDocs(history, docs[0]!.text)[0]!)).toEqual(ids(docs[0]!));
});

test('the record after a build keeps the old ids and adds the new ones; written and read back, it gives the same ids', () => {
  const { docs } = parseVersions(one(TEXT), OLD_READING);
  const record = publishedRecord(docs, OLD_READING);
  expect(record.map((p) => `${p.id}:${p.sentences.map((s) => s.id).join(',')}`)).toEqual(['s1:s1.1', 'o1:o1.1', 'c1:c1.1', 'c0a:c0a.1']);
  expect(parsePublished(formatPublished(record))).toEqual(record);
  expect(ids(parseVersions(one(TEXT), record).docs[0]!)).toEqual(ids(docs[0]!));
});

test('a record taken from the same reading changes nothing, over corrections too', () => {
  const seed = (c: string[]) => `Ana Silva said: "The port opened today. Ships may dock at night."\n\nComment: ${c.join('\n\n')}\n`;
  fc.assert(
    fc.property(
      fc.subarray(['One view of it.', 'A second view, longer than the first.', 'Yet another thought here.', 'The last word on it.'], { minLength: 1 }),
      (kept) => {
        const texts: Revision[] = [
          {
            note: '',
            file: 'a.txt',
            text: seed(['One view of it.', 'A second view, longer than the first.', 'Yet another thought here.', 'The last word on it.']),
          },
          { note: '', file: 'a.txt', text: seed(kept) },
        ];
        const plain = parseVersions(texts).docs;
        const recorded = parseVersions(texts, publishedRecord(plain)).docs;
        expect(recorded.map(ids)).toEqual(plain.map(ids));
      },
    ),
  );
});

test('an id whose words the text no longer has is lost, not re-pointed', () => {
  const record = [...OLD_READING, { id: 'c2', text: 'A paragraph since deleted.', sentences: [{ id: 'c2.1', text: 'A paragraph since deleted.' }] }];
  const { docs } = parseVersions(one(TEXT), record);
  expect(ids(docs[0]!)).not.toContain('c2');
  expect(rereadPassages(record, docs).lost).toEqual(['c2', 'c2.1']);
});

test('a damaged record is one line naming the line and the reason', () => {
  const good = formatPublished(OLD_READING);
  const cut = good.slice(0, good.length - 20);
  const problem = (raw: string) => {
    try {
      parsePublished(raw);
    } catch (error) {
      return (error as ProblemError).problems.map((p) => `${p.line}: ${p.message}`);
    }
    return [];
  };
  expect(problem(cut)).toEqual(['3: not a line of JSON (the record may be cut short)']);
  expect(problem(`${good}{"id":"c1","text":"again","sentences":[]}\n`)).toEqual(['4: id c1 is recorded twice']);
  expect(problem('{"id":"x1","text":"","sentences":[]}\n')).toEqual(['1: a recorded paragraph needs an id (s1, c2a, …), a text and its sentences']);
  expect(() => parsePublished(cut)).toThrow(ProblemError);
});

test('a paragraph corrected a little in each version keeps its id with its record, and writing the record again changes nothing', () => {
  const seed = (c: string) => `Ana Silva said: "The port opened today."\n\nComment: A first view.\n\n${c}\n`;
  const texts: Revision[] = [
    'Alpha bravo charlie delta echo foxtrot golf hotel india juliet.',
    'Alpha bravo charlie delta echo kilo lima mike india juliet.',
    'Alpha bravo papa quebec romeo kilo lima mike november oscar.',
  ].map((c) => ({ note: '', file: 'a.txt', text: seed(c) }));
  const plain = parseVersions(texts).docs;
  const once = publishedRecord(plain);
  const withRecord = parseVersions(texts, once).docs;
  expect(withRecord.map(ids)).toEqual(plain.map(ids));
  const again = publishedRecord(withRecord, once);
  expect(formatPublished(again)).toBe(formatPublished(once));
  expect(rereadPassages(again, withRecord)).toEqual({ reread: [], lost: [] });
});

test('an id whose words the new reading gives the lead-in lands on the lead-in, not nowhere', () => {
  // Read before as narration ("o1") and a quotation; the narration is the quotation's lead-in now.
  const text = 'The minister, Ana Silva, answered reporters on Monday:\n\n"We will wait for the talks to end."\n\nComment: Waiting is a policy too.\n';
  const record: PublishedParagraph[] = [
    {
      id: 'o1',
      text: 'The minister, Ana Silva, answered reporters on Monday:',
      sentences: [{ id: 'o1.1', text: 'The minister, Ana Silva, answered reporters on Monday:' }],
    },
  ];
  const { revisions, docs } = parseVersions(one(text), record);
  expect(docs[0]!.parts.some((p) => p.kind === 'attribution')).toBe(true);
  const history = documentHistory(revisions, docs, [], record);
  expect(history.lost).toBeUndefined();
  expect(history.reread!.map((r) => [r.id, r.part])).toEqual([
    ['o1', { kind: 'attribution', n: 1 }],
    ['o1.1', { kind: 'attribution', n: 1 }],
  ]);
});
