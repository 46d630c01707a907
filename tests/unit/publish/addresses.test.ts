import { expect, test } from 'vitest';
import { siteAddresses, type Addresses } from '../../../src/lib/publish/addresses.ts';

/** Every public address, as the table in docs/addresses.md writes them for a site at the root. */
const contract = (a: Addresses) => [
  a.listPath(),
  a.listPath(2),
  a.documentPath('doc'),
  a.viewPath('doc', 'statement'),
  a.viewPath('doc', 'commentary'),
  a.passagePath('doc', 's1.4'),
  a.sharePath('doc', 'c2'),
  a.dataPath('doc'),
  a.cardPath('doc'),
  a.feedPath(),
  a.sitemapPath(),
  a.sitemapPath(2),
  a.searchPath(),
  a.searchPath({ q: 'radar', voice: 'statement' }),
  a.speakersPath(),
  a.speakersPath(2),
  a.speakerPath('koizumi-shinjiro'),
  a.speakerPath('koizumi-shinjiro', 2),
  a.sourcesPath(),
  a.sourcePath('toutiao-com'),
  a.archivePath(),
  a.monthPath('2025/12'),
  a.monthPath('undated', 3),
  a.phrasesPath(),
  a.phrasePath('china-threat-theory'),
  a.aboutPath(),
  a.inSite('favicon.svg'),
  a.inSite('/pagefind-zh/'),
];

test('at the root, every address is the one docs/addresses.md promises', () => {
  expect(contract(siteAddresses('/'))).toEqual([
    '/',
    '/page/2/',
    '/doc/',
    '/doc/statement/',
    '/doc/commentary/',
    '/doc/#s1.4',
    '/doc/c2/',
    '/doc/data.json',
    '/doc/card.png',
    '/feed.xml',
    '/sitemap.xml',
    '/sitemap-2.xml',
    '/search/',
    '/search/?q=radar&voice=statement',
    '/speakers/',
    '/speakers/page/2/',
    '/speakers/koizumi-shinjiro/',
    '/speakers/koizumi-shinjiro/page/2/',
    '/sources/',
    '/sources/toutiao-com/',
    '/archive/',
    '/archive/2025/12/',
    '/archive/undated/page/3/',
    '/phrases/',
    '/phrases/china-threat-theory/',
    '/about/',
    '/favicon.svg',
    '/pagefind-zh/',
  ]);
});

test('under a base path, every address is the same address inside it', () => {
  const root = contract(siteAddresses('/'));
  expect(contract(siteAddresses('/reader/'))).toEqual(root.map((path) => `/reader${path}`));
});
