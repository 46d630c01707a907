import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { siteAddresses } from '../../../src/lib/publish/addresses.ts';
import { cloudflareRedirect, parseCloudflareRedirects } from '../../helpers/serve.ts';
import {
  focusViewPage,
  focusViewRules,
  REDIRECT_SCRIPT,
  REDIRECT_SCRIPT_HASH,
  redirectPage,
  redirectsFile,
  redirectsNote,
} from '../../../src/lib/publish/redirect.ts';

const site = new URL('https://reader.example/');

test('the script hash in the policy is the script’s', () => {
  expect(`sha256-${createHash('sha256').update(REDIRECT_SCRIPT).digest('base64')}`).toBe(REDIRECT_SCRIPT_HASH);
  const doc = parseHTML(redirectPage({ to: '/a/', canonical: 'https://reader.example/a/', why: 'Moved.', title: 'A' })).document;
  expect(doc.querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')).toContain(`script-src '${REDIRECT_SCRIPT_HASH}'`);
  expect(doc.querySelector('script')!.textContent).toBe(REDIRECT_SCRIPT);
});

/** Where the script sends a reader who followed the old address with `hash`. */
function scriptGoesTo(to: string, hash: string): string {
  let went = '';
  runInNewContext(REDIRECT_SCRIPT, { document: { documentElement: { dataset: { to } } }, location: { hash, replace: (url: string) => (went = url) } });
  return went;
}

test('the script keeps the fragment the old address was followed with, in place of the target’s own', () => {
  expect(scriptGoesTo('/new/', '#c2')).toBe('/new/#c2');
  expect(scriptGoesTo('/new/', '')).toBe('/new/');
  expect(scriptGoesTo('/a/#statement-only', '')).toBe('/a/#statement-only');
  expect(scriptGoesTo('/a/#statement-only', '#s1.2')).toBe('/a/#s1.2');
});

test('a focus view leads to its voice alone without script too, or, in a document of one voice, to that voice', () => {
  const page = (voices: ('statement' | 'commentary')[], view: 'statement' | 'commentary', base = '/') =>
    parseHTML(focusViewPage(site, siteAddresses(base), { slug: 'a', title: 'A', voices, image: 'https://reader.example/a/commentary/card.png' }, view))
      .document;
  const both = page(['statement', 'commentary'], 'statement');
  expect(both.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/a/#statement-only');
  expect(both.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://reader.example/a/');
  expect([...both.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/a/#statement-only']);
  expect(page(['statement', 'commentary'], 'commentary').querySelector('a')!.getAttribute('href')).toBe('/a/#commentary-only');
  expect(page(['commentary'], 'commentary').querySelector('a')!.getAttribute('href')).toBe('/a/#commentary');
  // A link to it previews with the voice's card.
  const og = (d: Document, key: string) => d.querySelector(`meta[property="${key}"]`)?.getAttribute('content');
  expect([og(both, 'og:title'), og(both, 'og:image')]).toEqual(['Statement · A', 'https://reader.example/a/commentary/card.png']);
  // Under a sub-path, every address is inside it.
  const under = page(['statement', 'commentary'], 'commentary', '/reader/');
  expect(under.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/reader/a/#commentary-only');
  expect(under.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://reader.example/reader/a/');
});

test('a _redirects file has each rule once, the static ones first, as Cloudflare Pages asks', () => {
  const focus = focusViewRules(siteAddresses('/reader/'));
  expect(focus).toEqual([
    '/reader/:slug/statement/ /reader/:slug/#statement-only 301',
    '/reader/:slug/statement /reader/:slug/#statement-only 301',
    '/reader/:slug/commentary/ /reader/:slug/#commentary-only 301',
    '/reader/:slug/commentary /reader/:slug/#commentary-only 301',
  ]);
  // Two shards' rules: each its renamed documents' (a static rule and a splat) and the same focus view rules.
  const shard = (old: string, now: string) => [`/reader/${old}/ /reader/${now}/ 301`, `/reader/${old}/* /reader/${now}/:splat 301`, ...focus];
  // The focus views' rules, which no page stands behind, before the renamed documents' splats, whose addresses have pages.
  const file = redirectsFile([...shard('a', 'b'), ...shard('c', 'd'), '']);
  expect(file).toBe(
    ['/reader/a/ /reader/b/ 301', '/reader/c/ /reader/d/ 301', ...focus, '/reader/a/* /reader/b/:splat 301', '/reader/c/* /reader/d/:splat 301', ''].join('\n'),
  );
  expect(redirectsFile([])).toBe('');
  expect(redirectsNote(file)).toBeUndefined();
});

test('past the dynamic rules Cloudflare Pages reads, the build says so, and its engine still applies every focus view rule', async () => {
  const focus = focusViewRules(siteAddresses('/'));
  const renamed = Array.from({ length: 120 }, (_, i) => [`/old-${i}/ /new-${i}/ 301`, `/old-${i}/* /new-${i}/:splat 301`]).flat();
  const file = redirectsFile([...renamed, ...focus]);
  expect(redirectsNote(file)).toBe(
    '_redirects has 124 dynamic rules; Cloudflare Pages reads the first 100: the old addresses of renamed documents past them are answered there by their pages',
  );
  // Cloudflare's own parser.
  const { evaluate, refused } = parseCloudflareRedirects(file);
  const to = async (path: string) => (await cloudflareRedirect(evaluate, `https://r.example${path}`))?.headers.get('location') ?? null;
  expect(await to('/doc/statement/')).toBe('/doc/#statement-only');
  expect(await to('/doc/commentary')).toBe('/doc/#commentary-only');
  expect(await to('/old-0/c2/')).toBe('/new-0/c2/');
  // Past the hundredth dynamic rule: the old address's page answers.
  expect(await to('/old-119/c2/')).toBeNull();
  expect(String(refused)).toContain('Maximum number of dynamic rules supported is 100');
});
