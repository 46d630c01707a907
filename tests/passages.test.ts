import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseSeed } from '../src/lib/parse.ts';
import { bestSentence, indexBundles, passageRecords } from '../src/lib/passages.ts';

const seed = parseSeed(readFileSync(new URL('../seeds/000_dafef29e75211819.txt', import.meta.url), 'utf8'));
const records = passageRecords({ slug: 'doc', title: 'Title', doc: seed, speaker: 'Koizumi Shinjiro' });

test('one passage per paragraph of each voice, statement first, with voice, document and speaker filters', () => {
  expect(records.map((r) => r.url)).toEqual(['/doc/#s1', '/doc/#c1', '/doc/#c2', '/doc/#c3']);
  expect(records[0]!.meta.title).toBe('Title · Statement S1');
  expect(records[1]!.filters).toEqual({ voice: ['Commentary'], document: ['Title'], speaker: ['Koizumi Shinjiro'] });
  expect(records.every((r) => r.language === 'en')).toBe(true);
});

test('the best sentence is the one holding most distinct matched words', () => {
  const [s1, c1] = records;
  expect(bestSentence(s1!.content, s1!.meta.sentences, ['radar'])).toBe('s1.2');
  expect(bestSentence(s1!.content, s1!.meta.sentences, ['concerns', 'tensions'])).toBe('s1.5');
  expect(bestSentence(c1!.content, c1!.meta.sentences, ['international', 'airspace'])).toBe('c1.2');
  expect(bestSentence(c1!.content, c1!.meta.sentences, ['nowhere'])).toBeUndefined();
});

test('English passages go to /pagefind/, each other language to its own bundle', () => {
  expect(indexBundles(['en', 'zh', 'en', 'ja'])).toEqual([
    { language: 'en', path: '/pagefind/' },
    { language: 'ja', path: '/pagefind-ja/' },
    { language: 'zh', path: '/pagefind-zh/' },
  ]);
  expect(indexBundles(['zh'])).toEqual([{ language: 'zh', path: '/pagefind/' }]);
  expect(indexBundles([])).toEqual([]);
});
