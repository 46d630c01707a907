import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { annotate, compactEntry, expandEntry, type SeedEntry } from '../../../src/lib/notes/entry.ts';
import { parseSeed } from '../../../src/lib/seed/parse.ts';

const roundTrip = (raw: string) => {
  const entry = annotate('x.txt', 'x', parseSeed(raw), undefined);
  const stored = JSON.stringify(compactEntry(entry));
  return { entry: JSON.parse(JSON.stringify(entry)) as SeedEntry, stored, back: expandEntry(JSON.parse(stored) as SeedEntry) };
};

test('the store keeps an entry without its span texts, and gets every text back, on every fixture', () => {
  const dir = new URL('../../fixtures/', import.meta.url);
  for (const c of readdirSync(dir).filter((c) => existsSync(new URL(`${c}/input.txt`, dir)))) {
    const { entry, stored, back } = roundTrip(readFileSync(new URL(`${c}/input.txt`, dir), 'utf8'));
    expect(isDeepStrictEqual(back, entry), c).toBe(true);
    expect(stored.length).toBeLessThanOrEqual(JSON.stringify(entry).length);
  }
  const seed = roundTrip(readFileSync(new URL('../../../seeds/000_dafef29e75211819.txt', import.meta.url), 'utf8'));
  expect(seed.stored.length).toBeLessThan(JSON.stringify(seed.entry).length / 2);
});

test('the round trip holds for any text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ maxLength: 200 }), (a, b) => {
      const { entry, back } = roundTrip(`Ana Silva, Minister, said: "${a}"\n\nComment: ${b}\n`);
      expect(isDeepStrictEqual(back, entry)).toBe(true);
    }),
    { numRuns: 300 },
  );
});
