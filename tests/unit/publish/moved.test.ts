import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { focusViewPage, MOVED_SCRIPT, MOVED_SCRIPT_HASH, movedPage } from '../../../src/lib/publish/moved.ts';

const site = new URL('https://reader.example/');

test('the script hash in the policy is the script’s', () => {
  expect(`sha256-${createHash('sha256').update(MOVED_SCRIPT).digest('base64')}`).toBe(MOVED_SCRIPT_HASH);
  const doc = parseHTML(movedPage({ site, title: 'T', target: '/a/#x', label: 'Go' })).document;
  expect(doc.querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')).toContain(`script-src '${MOVED_SCRIPT_HASH}'`);
  expect(doc.querySelector('script')!.textContent).toBe(MOVED_SCRIPT);
});

test('a moved page leads on without script, names the new address as canonical, and escapes what it shows', () => {
  const doc = parseHTML(movedPage({ site, title: 'A <b>"title"</b>', target: '/a/#statement-only', label: 'Read <it>' })).document;
  expect(doc.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/a/#statement-only');
  expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://reader.example/a/');
  expect(doc.title).toBe('A <b>"title"</b>');
  expect(doc.querySelector('b')).toBeNull();
  // The script reads its target from the page's first link: it must be the target.
  expect(doc.querySelectorAll('a')).toHaveLength(1);
  expect(doc.querySelector('a')!.getAttribute('href')).toBe('/a/#statement-only');
  expect(doc.querySelector('a')!.textContent).toBe('Read <it>');
});

test('a focus view leads to its voice alone, or, in a document of one voice, to that voice', () => {
  const target = (voices: ('statement' | 'commentary')[], view: 'statement' | 'commentary') =>
    parseHTML(focusViewPage(site, { slug: 'a', title: 'T', voices }, view))
      .document.querySelector('a')!
      .getAttribute('href');
  expect(target(['statement', 'commentary'], 'statement')).toBe('/a/#statement-only');
  expect(target(['statement', 'commentary'], 'commentary')).toBe('/a/#commentary-only');
  expect(target(['commentary'], 'commentary')).toBe('/a/#commentary');
});
