import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { entryLinesBySlug, headSlug } from '../../../src/loaders/entries-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'entries-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (file: string, slug: string, words: string) => JSON.stringify({ file, slug, doc: { text: words } });

test('an entry’s slug is read from the start of its line, escapes and all; a line that starts otherwise is not guessed', () => {
  expect(headSlug(line('a "quoted" name.txt', 'a-quoted-name', 'x'))).toBe('a-quoted-name');
  expect(headSlug(line('b.txt', 'b\\u00e9', 'x'))).toBe('b\\u00e9');
  expect(headSlug(JSON.stringify({ slug: 'c', file: 'c.txt' }))).toBeUndefined();
});

test('the entries by slug: a slug’s last line is its entry (the dev server appends an edited one), and only the slugs asked for', () => {
  const file = join(dir, 'entries.jsonl');
  const other = JSON.stringify({ slug: 'd', file: 'd.txt', doc: { text: 'keys in another order' } });
  writeFileSync(
    file,
    [JSON.stringify({ total: 3 }), line('a.txt', 'a', 'first'), line('b.txt', 'b', 'só'), other, line('a.txt', 'a', 'edited'), ''].join('\n'),
  );
  const all = entryLinesBySlug(file);
  expect([...all.keys()]).toEqual(['a', 'b', 'd']);
  expect(JSON.parse(all.get('a')!)).toMatchObject({ doc: { text: 'edited' } });
  const some = entryLinesBySlug(file, new Set(['a', 'd']));
  expect([...some.keys()].sort()).toEqual(['a', 'd']);
  expect(some.get('a')).toBe(all.get('a'));
  expect(some.get('d')).toBe(other);
  expect(entryLinesBySlug(join(dir, 'none.jsonl')).size).toBe(0);
});
