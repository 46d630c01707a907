import { expect, test } from 'vitest';
import { indexBundles } from '../../../src/lib/search/passages.ts';

test('English passages go to /pagefind/, each other language to its own bundle', () => {
  expect(indexBundles(['en', 'zh', 'en', 'ja'])).toEqual([
    { language: 'en', path: '/pagefind/' },
    { language: 'ja', path: '/pagefind-ja/' },
    { language: 'zh', path: '/pagefind-zh/' },
  ]);
  expect(indexBundles(['zh'])).toEqual([{ language: 'zh', path: '/pagefind/' }]);
  expect(indexBundles([])).toEqual([]);
});
