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

test('an ellipsis suggests the quotation may be abridged, unless the notes say otherwise', () => {
  expect(provenance({}, 'Tensions… The alliance.').line).toBe('may be abridged (it has an ellipsis)');
  expect(provenance({ abridged: false }, 'Tensions... The alliance.').abridged).toBe(false);
});
