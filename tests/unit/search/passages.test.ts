import { expect, test } from 'vitest';
import { languageIndexes } from '../../../src/lib/search/passages.ts';

test('English passages go to /pagefind/, each other language to its own index', () => {
  expect(languageIndexes(['en', 'zh', 'en', 'ja'])).toEqual([
    { language: 'en', path: '/pagefind/' },
    { language: 'ja', path: '/pagefind-ja/' },
    { language: 'zh', path: '/pagefind-zh/' },
  ]);
  expect(languageIndexes(['zh'])).toEqual([{ language: 'zh', path: '/pagefind/' }]);
  expect(languageIndexes([])).toEqual([]);
});
