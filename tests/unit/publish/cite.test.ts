import { expect, test } from 'vitest';
import { formatDate } from '../../../src/lib/common/dates.ts';
import { accessed, citation, textDirective } from '../../../src/lib/publish/cite.ts';

test('a citation names the speaker or author, title, paragraph, date, source and address', () => {
  const base = {
    title: 'A title',
    paragraphId: 's1',
    date: '2025-12-12',
    source: 'https://example.com/a',
    address: 'https://site.example/doc/#s1',
    siteName: 'Annotated Reader',
  };
  expect(citation({ ...base, voice: 'statement', speaker: 'Koizumi Shinjiro', role: 'Minister of Defense of Japan' })).toBe(
    'Koizumi Shinjiro (Minister of Defense of Japan), quoted in “A title”, paragraph S1, 12 December 2025. Original: https://example.com/a. Annotated Reader, https://site.example/doc/#s1.',
  );
  expect(citation({ ...base, voice: 'statement', speaker: 'Koizumi Shinjiro', translated: true })).toMatch(
    /^Koizumi Shinjiro, quoted in translation in “A title”/u,
  );
  expect(citation({ ...base, voice: 'commentary', paragraphId: 'c2', date: undefined, source: undefined })).toBe(
    'Unnamed author, commentary in “A title”, paragraph C2. Annotated Reader, https://site.example/doc/#s1.',
  );
  expect(accessed(new Date(Date.UTC(2026, 10, 28)))).toBe('Accessed 28 November 2026.');
  expect(formatDate('2025-01-05')).toBe('5 January 2025');
});

test('a selection becomes a text directive: whole when short, start and end words when long', () => {
  expect(textDirective('door for dialogue')).toBe(':~:text=door%20for%20dialogue');
  expect(textDirective('Japan-U.S. alliance, ok')).toBe(':~:text=Japan%2DU.S.%20alliance%2C%20ok');
  expect(textDirective('one two three four five six seven eight nine ten')).toBe(':~:text=one%20two%20three%20four,seven%20eight%20nine%20ten');
  expect(textDirective('   ')).toBe('');
});
