import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { articleJsonLd, jsonLdScript, type StructuredInput } from '../../../src/lib/publish/structured-data.ts';
import { root } from '../../helpers/build.ts';
import { schemaOrgProblems } from '../../helpers/schema-org.ts';

const doc = parseSeed(readFileSync(`${root}tests/fixtures/seed/input.txt`, 'utf8'));
const input: StructuredInput = {
  url: 'https://reader.example/koizumi/',
  title: 'Koizumi on his call with Hegseth',
  doc,
  meta: {
    speaker: 'Koizumi Shinjiro',
    role: 'Minister of Defense of Japan',
    date: '2025-12-12',
    source: 'https://www.toutiao.com/article/1851301118635203/',
    translated: ['ja', 'zh', 'en'],
    probablyVia: ['zh'],
    abridged: true,
    lang: 'en',
  },
  siteName: 'Annotated Reader',
  siteUrl: 'https://reader.example/',
};

test("a reading page's JSON-LD is valid schema.org, with or without the notes' facts", () => {
  expect(schemaOrgProblems(articleJsonLd(input))).toEqual([]);
  expect(schemaOrgProblems(articleJsonLd({ ...input, meta: { lang: 'en' } }))).toEqual([]);
});

test('the quotation says it is abridged and translated in its description, not with Book\'s "abridged"', () => {
  const [quotation] = articleJsonLd(input).hasPart as Record<string, unknown>[];
  expect(quotation).not.toHaveProperty('abridged');
  expect(quotation!.description).toBe('As quoted in the source; translated from Japanese, probably via Chinese, into English; abridged in the source.');
  expect(quotation!.translationOfWork).toEqual({ '@type': 'CreativeWork', inLanguage: 'ja' });
  const [plain] = articleJsonLd({ ...input, meta: { lang: 'en' } }).hasPart as Record<string, unknown>[];
  expect(plain!.description).toBe('As quoted in the source; may be abridged (it has an ellipsis).');
});

test('the checker finds an unknown type, a property of another type, a superseded property and values outside the range', () => {
  const page = articleJsonLd(input);
  const [quotation] = page.hasPart as Record<string, unknown>[];
  // What the page carried before: `abridged` is Book's.
  expect(schemaOrgProblems({ ...page, hasPart: [{ ...quotation, abridged: true }] })).toEqual([
    '$.hasPart[0].abridged: abridged is a property of Book, not of Quotation or a type it inherits from',
  ]);
  expect(schemaOrgProblems({ '@context': 'https://schema.org', '@type': 'NewsArticel', headline: 'x' })).toEqual([
    '$: @type NewsArticel is not a schema.org 30.0 type',
  ]);
  expect(schemaOrgProblems({ '@context': 'https://schema.org', '@type': 'Article', hasPart: [{ '@type': 'Quotation', jobTitle: 'x' }] })).toEqual([
    '$.hasPart[0].jobTitle: jobTitle is a property of Person, not of Quotation or a type it inherits from',
  ]);
  expect(
    schemaOrgProblems({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      datePublished: '12 December 2025',
      dateCreated: '2025-02-30',
      isBasedOn: 'toutiao.com/article/1',
      isAccessibleForFree: 'yes',
      wordCount: 2.5,
      publisher: 'Annotated Reader',
      author: { '@type': 'Person', name: 'x', colour: 'red', awards: 'a prize' },
      about: { name: 'no type' },
      mainEntity: { '@id': 'https://reader.example/#statement' },
      isPartOf: { '@type': 'Person', name: 'x' },
    }),
  ).toEqual([
    '$.datePublished: "12 December 2025" is not a value of Date, DateTime',
    '$.dateCreated: "2025-02-30" is not a value of Date, DateTime',
    '$.isBasedOn: "toutiao.com/article/1" is not a value of CreativeWork, Product, URL',
    '$.isAccessibleForFree: "yes" is not a value of Boolean',
    '$.wordCount: 2.5 is not a value of Integer',
    '$.publisher: "Annotated Reader" is not a value of Organization, Person',
    '$.author.colour: colour is not a schema.org 30.0 property',
    '$.author.awards: awards is superseded by award',
    '$.about: a node without @type, where about takes Thing',
    '$.about: has no @type',
    '$.isPartOf: a Person, where isPartOf takes CreativeWork, URL',
  ]);
});

test('a corrected document (dateModified, and a CorrectionComment as its correction) would be valid; a plain Comment would not', () => {
  const corrected = {
    ...articleJsonLd(input),
    dateModified: '2026-01-20T09:30:00Z',
    correction: {
      '@type': 'CorrectionComment',
      text: 'Note 3 gave the wrong date of the call; corrected to 12 December.',
      datePublished: '2026-01-20',
      url: 'https://reader.example/koizumi/history/#v2',
    },
  };
  expect(schemaOrgProblems(corrected)).toEqual([]);
  expect(schemaOrgProblems({ ...corrected, dateModified: '2026-01-20' })).toEqual([]);
  expect(schemaOrgProblems({ ...corrected, dateModified: '20 January 2026' })).toEqual(['$.dateModified: "20 January 2026" is not a value of Date, DateTime']);
  expect(schemaOrgProblems({ ...corrected, correction: { ...corrected.correction, '@type': 'Comment' } })).toEqual([
    '$.correction: a Comment, where correction takes CorrectionComment, Text, URL',
  ]);
  expect(schemaOrgProblems({ ...corrected, correction: 'Note 3 corrected.' })).toEqual([]);
});

test('JSON-LD text can never close its script element', () => {
  expect(jsonLdScript({ text: '</script><script>alert(1)</script>' })).not.toContain('<');
});
