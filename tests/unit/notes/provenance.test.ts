import { expect, test } from 'vitest';
import { provenance } from '../../../src/lib/notes/provenance.ts';

test('a statement is labelled as quoted in the source, never verbatim', () => {
  const p = provenance({}, 'We will respond calmly.');
  expect(p).toEqual({ tag: 'Quotation', line: '', translation: undefined, abridged: false });
});

test('a translation says from what, via what, into what; the tag says translated', () => {
  const p = provenance({ translated: ['ja', 'zh', 'en'], abridged: true }, 'Tensions... The alliance.');
  expect(p.tag).toBe('Quotation (translated)');
  expect(p.translation).toBe('translated from Japanese via Chinese into English');
  expect(p.line).toBe('translated from Japanese via Chinese, abridged in the source');
});

test('a step no source shows is said to be probable, never as fact', () => {
  const p = provenance({ translated: ['ja', 'zh', 'en'], probablyVia: ['zh'], abridged: true }, 'Tensions... The alliance.');
  expect(p.tag).toBe('Quotation (translated)');
  expect(p.translation).toBe('translated from Japanese, probably via Chinese, into English');
  expect(p.line).toBe('translated from Japanese, probably via Chinese, abridged in the source');
  // Only some steps probable: each says which.
  expect(provenance({ translated: ['ja', 'zh', 'ko', 'en'], probablyVia: ['ko'] }, 'Text.').translation).toBe(
    'translated from Japanese via Chinese and probably Korean into English',
  );
  expect(provenance({ translated: ['ja', 'en'] }, 'Text.').line).toBe('translated from Japanese');
});

test('an ellipsis suggests the quotation may be abridged, unless the notes say otherwise', () => {
  expect(provenance({}, 'Tensions… The alliance.').line).toBe('may be abridged (it has an ellipsis)');
  expect(provenance({ abridged: false }, 'Tensions... The alliance.').abridged).toBe(false);
});
