import { expect, test } from 'vitest';
import { isIndexFolder, languageIndexes } from '../../../src/lib/search/passages.ts';

test('English passages go to /pagefind/, each other language to its own index', () => {
  expect(languageIndexes(['en', 'zh', 'en', 'ja'])).toEqual([
    { language: 'en', path: '/pagefind/' },
    { language: 'ja', path: '/pagefind-ja/' },
    { language: 'zh', path: '/pagefind-zh/' },
  ]);
  expect(languageIndexes(['zh'])).toEqual([{ language: 'zh', path: '/pagefind/' }]);
  expect(languageIndexes([])).toEqual([]);
});

test('the language indexes’ folders are told from the site’s other folders and files', () => {
  expect(['pagefind', 'pagefind-zh', 'pagefind-zh-Hant'].every(isIndexFolder)).toBe(true);
  expect(['pagefinder', 'pagefind-entry.json', 'search', 'a-pagefind'].some(isIndexFolder)).toBe(false);
});
