import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { siteAddresses } from '../../../src/lib/publish/addresses.ts';
import { SHARE_STYLE, SHARE_STYLE_HASH, sharedDocument, sharedParagraphs, sharePage, sharePageInputs } from '../../../src/lib/publish/share.ts';
import { parseSeed } from '../../../src/lib/seed/parse.ts';

const input = {
  site: new URL('https://reader.example/'),
  addresses: siteAddresses('/'),
  slug: 'doc',
  title: 'A "title" <b>with</b> & marks',
  lang: 'en',
  paragraph: { id: 'c2', text: 'Text with <script>alert(1)</script> & "quotes".' },
  voice: 'commentary' as const,
};

test('the share page’s Content-Security-Policy allows exactly its own style', () => {
  expect(`sha256-${createHash('sha256').update(SHARE_STYLE).digest('base64')}`).toBe(SHARE_STYLE_HASH);
  const { document } = parseHTML(sharePage(input));
  const csp = document.querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')!;
  expect(csp).toContain(`style-src '${SHARE_STYLE_HASH}'`);
  expect(csp).toContain("script-src 'none'");
  expect(document.querySelector('style')!.textContent).toBe(SHARE_STYLE);
});

test('text from the seed is text: quoted in the page and its tags, never markup', () => {
  const html = sharePage(input);
  const { document } = parseHTML(html);
  expect(document.querySelectorAll('script, b')).toHaveLength(0);
  expect(document.querySelector('blockquote')!.textContent).toBe(input.paragraph.text);
  expect(document.querySelector('title')!.textContent).toBe('Commentary (opinion), C2 · A "title" <b>with</b> & marks');
  expect(document.querySelector('meta[property="og:description"]')!.getAttribute('content')).toBe(input.paragraph.text);
  expect(document.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://reader.example/doc/#c2');
  expect(document.querySelector('meta[name="twitter:card"]')!.getAttribute('content')).toBe('summary');
  const withCard = parseHTML(sharePage({ ...input, voice: 'statement', speaker: 'Ana Silva', image: 'https://reader.example/doc/card.png' })).document;
  expect(withCard.querySelector('h1')!.textContent).toBe('Ana Silva (quoted), C2');
  expect(withCard.querySelector('meta[name="twitter:card"]')!.getAttribute('content')).toBe('summary_large_image');
});

test('every paragraph of every voice gets a share page', () => {
  const doc = parseSeed('Ana Silva, Minister, said: "One.\n\n“Two."\n\nComment: Three.\n\nFour.\n');
  expect(sharedParagraphs(doc).map((s) => `${s.voice}:${s.paragraph.id}`)).toEqual(['statement:s1', 'statement:s2', 'commentary:c1', 'commentary:c2']);
});

test('a document’s share pages: one per paragraph, each linking under the site’s base path', () => {
  const doc = parseSeed('Ana Silva, Minister, said: "One."\n\nComment: Two.\n');
  const addresses = siteAddresses('/reader/');
  const shared = sharedDocument({ slug: 'doc', title: 'T', doc, meta: { lang: 'en', speaker: 'Ana Silva' } }, addresses);
  const inputs = sharePageInputs(shared, { site: new URL('https://me.github.io/'), addresses });
  expect(inputs.map((i) => [i.paragraph.id, i.voice, i.speaker])).toEqual([
    ['s1', 'statement', 'Ana Silva'],
    ['c1', 'commentary', 'Ana Silva'],
  ]);
  const { document } = parseHTML(sharePage(inputs[1]!));
  expect(document.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://me.github.io/reader/doc/#c1');
  expect(document.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/reader/doc/#c1');
  const paths = [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')!);
  expect(paths).toEqual(['https://me.github.io/reader/doc/#c1', '/reader/favicon.svg', '/reader/doc/', '/reader/doc/#c1']);
});
