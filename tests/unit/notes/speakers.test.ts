import { expect, test } from 'vitest';
import { ProblemError } from '../../../src/lib/common/problem.ts';
import { NO_ALIASES, parseAliases, resolveSpeaker, speakerKey, speakerSlug } from '../../../src/lib/notes/speakers.ts';

test('spellings that differ in case, accents, punctuation or name order are one speaker, with one address', () => {
  expect(speakerKey('Koizumi Shinjirō')).toBe(speakerKey('shinjiro KOIZUMI'));
  expect(speakerSlug('Koizumi Shinjiro')).toBe('koizumi-shinjiro');
  expect(resolveSpeaker('Shinjiro Koizumi', NO_ALIASES)).toEqual({ name: 'Shinjiro Koizumi', slug: 'koizumi-shinjiro' });
  expect(speakerSlug('高市早苗')).toMatch(/^speaker-[0-9a-f]{8}$/u);
  expect(speakerSlug('Doc Rivers')).toBe('doc-rivers');
  expect(resolveSpeaker('  ', NO_ALIASES)).toBeUndefined();
});

test('the alias file joins other spellings to the name the site uses; the address stays that of the name', () => {
  const aliases = parseAliases('# comment\n\nTakaichi Sanae = PM Takaichi | 高市早苗  # a note\nKoizumi Shinjiro = Shinjiro Koizumi\n');
  // Every spelling the file lists is kept as a key, so the speaker search filter finds the speaker under any of them.
  const takaichi = { name: 'Takaichi Sanae', slug: 'sanae-takaichi', keys: ['sanae takaichi', 'pm takaichi', '高市早苗'] };
  expect(resolveSpeaker('PM Takaichi', aliases)).toEqual(takaichi);
  expect(resolveSpeaker('高市早苗', aliases)).toEqual(takaichi);
  expect(resolveSpeaker('Sanae Takaichi', aliases)?.name).toBe('Takaichi Sanae');
  expect(resolveSpeaker('Wang Yi', aliases)).toEqual({ name: 'Wang Yi', slug: 'wang-yi' });
});

test('a bad alias line is an error naming its line and the reason', () => {
  const error = (raw: string) => {
    try {
      parseAliases(raw);
    } catch (e) {
      return e instanceof ProblemError ? e.problems.map((p) => `${p.line}: ${p.message}`).join('\n') : String(e);
    }
    return 'no error';
  };
  expect(error('Takaichi Sanae\n')).toBe('1: expected "Name = other spelling | other spelling", found "Takaichi Sanae"');
  expect(error('A B = C\n\nD E = c\n')).toBe('3: "c" is already a spelling of "A B" (line 1)');
  expect(error(' = C\n')).toBe('1: the name before "=" is empty');
  expect(error('A = B ||\n')).toBe('1: an empty spelling after "=" (spellings are separated by |)');
});

test('a body’s address keeps its words in order, and names the address it had as a person’s; a person’s has none', () => {
  expect(resolveSpeaker('The White House', NO_ALIASES, 'body')).toEqual({ name: 'The White House', slug: 'white-house', formerSlug: 'house-the-white' });
  expect(resolveSpeaker('Xinhua', NO_ALIASES, 'body')).toEqual({ name: 'Xinhua', slug: 'xinhua' });
  expect(resolveSpeaker('Koizumi Shinjiro', NO_ALIASES)).toEqual({ name: 'Koizumi Shinjiro', slug: 'koizumi-shinjiro' });
});
