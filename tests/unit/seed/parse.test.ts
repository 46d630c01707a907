import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseSeed, partOf } from '../../../src/lib/seed/parse.ts';
import { normalizeText } from '../../../src/lib/seed/text.ts';
import { expectExactCover, project } from '../../helpers/document.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);
const cases = readdirSync(fixtures).filter((name) => existsSync(new URL(`${name}/input.txt`, fixtures)));
const read = (name: string) => readFileSync(new URL(`${name}/input.txt`, fixtures), 'utf8');
const parse = (name: string) => parseSeed(read(name));

describe.each(cases)('fixture %s', (name) => {
  test('parts match expected.json (UPDATE=1 rewrites it)', () => {
    const actual = project(parse(name));
    const file = new URL(`${name}/expected.json`, fixtures);
    if (process.env.UPDATE) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  });

  test('parts cover the text exactly: nothing lost, nothing added', () => {
    const raw = read(name);
    const doc = parseSeed(raw);
    expect(doc.text).toBe(normalizeText(raw).text);
    expect(doc.text.length).toBe(raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').length);
    expectExactCover(doc);
  });
});

test('the seed: lead-in, the exact statement text, 8 + 4/3/2 sentences, source and disclaimer', () => {
  const doc = parse('seed');
  expect(doc.parts.map((p) => p.kind)).toEqual(['attribution', 'statement', 'commentary', 'source', 'disclaimer']);
  const attribution = partOf(doc, 'attribution')!;
  expect(attribution.text).toBe("Japan's Minister of Defense, Koizumi Shinjiro, posted today (December 12):");
  expect([attribution.speaker, attribution.role, attribution.dateText]).toEqual(['Koizumi Shinjiro', "Japan's Minister of Defense", 'December 12']);
  const statement = partOf(doc, 'statement')!;
  const raw = read('seed');
  const quoted = raw.slice(raw.indexOf('"') + 1, raw.indexOf('"\n\nComment:'));
  expect(statement.paragraphs.map((p) => p.text)).toEqual([quoted]);
  expect(statement.paragraphs[0]!.sentences).toHaveLength(8);
  const commentary = partOf(doc, 'commentary')!;
  expect(commentary.label?.text).toBe('Comment:');
  expect(commentary.paragraphs[0]!.text.startsWith("Japan's statement is")).toBe(true);
  expect(commentary.paragraphs.map((p) => p.sentences.length)).toEqual([4, 3, 2]);
  expect(partOf(doc, 'source')!.url).toBe('https://toutiao.com/article/1851301118635203/');
  expect(partOf(doc, 'disclaimer')!.value.text).toBe('This article represents the views of the author.');
  expect(doc.warnings).toEqual([]);
});

test('a quotation buried mid-paragraph is never promoted to the statement', () => {
  const doc = parse('no-statement');
  expect(partOf(doc, 'statement')).toBeUndefined();
  expect(partOf(doc, 'attribution')).toBeUndefined();
  expect(doc.parts[0]!.kind).not.toBe('statement');
});

test('a quotation that never closes keeps every word and warns with its line', () => {
  const doc = parse('unclosed');
  expect(partOf(doc, 'statement')!.closed).toBe(false);
  expect(doc.warnings).toEqual([{ line: 1, message: expect.stringContaining('never closes') as unknown }]);
  expect(partOf(doc, 'commentary')!.paragraphs[0]!.text).toBe('So the parser must keep every word and warn.');
});

test('a statement over several paragraphs keeps each reopening mark out of the text', () => {
  const statement = partOf(parse('multi-paragraph'), 'statement')!;
  expect(statement.paragraphs.map((p) => p.id)).toEqual(['s1', 's2', 's3']);
  expect(statement.marks.map((m) => m.text)).toEqual(['“', '“', '“', '”']);
  expect(statement.paragraphs.every((p) => !/[“”]/u.test(p.text))).toBe(true);
});

test('the disclaimer "Statement: …" is never taken for the quoted statement', () => {
  for (const name of ['seed', 'no-statement']) {
    const doc = parse(name);
    const disclaimer = partOf(doc, 'disclaimer')!;
    expect(disclaimer.label.text).toBe('Statement:');
    const statement = partOf(doc, 'statement');
    expect(statement?.paragraphs.some((p) => p.text.includes('views of the author')) ?? false).toBe(false);
  }
});

test('source lines become https links only when they are web addresses', () => {
  expect(partOf(parseSeed('Comment: x\n\nOriginal article: javascript:alert(1)'), 'source')!.url).toBeUndefined();
  expect(partOf(parseSeed('Comment: x\n\nOriginal: a local newspaper'), 'source')!.url).toBeUndefined();
  expect(partOf(parseSeed('Comment: x\n\nOriginal text: http://example.com/a'), 'source')!.url).toBe('http://example.com/a');
});

test('property: for any text the parser never throws and covers it exactly', () => {
  const alphabet = fc.constantFrom(
    ...'ab Z.,:"“”‘’\'「」\n\n\r\uFEFF…?!。：'.split(''),
    'Comment:',
    'Original article: x.com/a',
    'Statement: ',
    'U.S. ',
    '[Tag] Comments:',
    'said on May 1: ',
  );
  fc.assert(
    fc.property(
      fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')),
      (raw) => {
        expectExactCover(parseSeed(raw));
      },
    ),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (raw) => expectExactCover(parseSeed(raw))),
    { numRuns: 300 },
  );
});
