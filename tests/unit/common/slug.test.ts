import { expect, test } from 'vitest';
import { slugify, slugOf } from '../../../src/lib/common/slug.ts';

test('the file name without extension, lowercased', () => {
  expect(slugify('000_dafef29e75211819.txt')).toBe('000_dafef29e75211819');
  expect(slugify('Koizumi-Call.TXT')).toBe('koizumi-call');
});

test('spaces, accents and punctuation become clean URL-safe slugs', () => {
  expect(slugify('Déclaration du Ministre (v2)!.txt')).toBe('declaration-du-ministre-v2');
  expect(slugify('  a  b  .txt')).toBe('a-b');
  expect(slugify('Hello World.txt')).toBe(slugify('hello-world.txt'));
});

test('a name without Latin letters or digits gets a stable hashed slug', () => {
  const slug = slugify('防卫大臣.txt');
  expect(slug).toMatch(/^doc-[0-9a-f]{8}$/u);
  // The same on every machine and in every build: readers' links depend on it.
  expect(slugify('防卫大臣.txt')).toBe('doc-50fd7dec');
  expect(slugify('外交部.txt')).not.toBe(slug);
});

test('any text slugs the same way, with its own prefix when it has no Latin letters', () => {
  expect(slugOf('toutiao.com', 'source')).toBe('toutiao-com'); // no extension taken off
  expect(slugOf('防卫大臣', 'speaker')).toBe('speaker-50fd7dec');
  expect(slugOf('doc rivers', 'speaker')).toBe('doc-rivers'); // a name may start with the word "doc"
});
