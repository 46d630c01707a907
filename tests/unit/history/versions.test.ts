import fc from 'fast-check';
import { expect, test } from 'vitest';
import { diffWords, paragraphChanges, withContext } from '../../../src/lib/history/diff.ts';
import { fileHistories, parseGitLog } from '../../../src/lib/history/git-log.ts';
import { documentHistory, parseVersions, versionDocs, type Revision } from '../../../src/lib/history/versions.ts';

const seed = (commentary: string[]) =>
  `Ana Silva, Minister of Ports, said: "The port opened today. Ships may dock at night."\n\nComment: ${commentary.join('\n\n')}\n`;
const C1 = 'The opening is a show of strength. It follows months of talks.';
const C2 = 'The recent coordination is a maneuver. It serves both sides.';
const C3 = 'The so-called alliance is a trade. Neither side says so.';

/** Revisions of one seed, one a day from 1 December 2026. */
const revisions = (...texts: string[]): Revision[] =>
  texts.map((text, i) => ({ commit: `c${i + 1}`, date: `2026-12-0${i + 1}T09:00:00Z`, note: `Correction ${i + 1}`, file: 'a.txt', text }));

function historyOf(...texts: string[]) {
  const parsed = parseVersions(revisions(...texts));
  return { ...parsed, history: documentHistory(parsed.revisions, parsed.docs) };
}

test('the current text marks the paragraphs a correction changed or added, with the version that did', () => {
  const { history } = historyOf(
    seed([C1, C2]),
    seed([C1, C2.replace('maneuver', 'manoeuvre')]),
    seed([C1, 'A restored paragraph.', C2.replace('maneuver', 'manoeuvre')]),
  );
  expect(history.versions.map((v) => [v.n, v.date, v.note])).toEqual([
    [1, '2026-12-01T09:00:00Z', 'Correction 1'],
    [2, '2026-12-02T09:00:00Z', 'Correction 2'],
    [3, '2026-12-03T09:00:00Z', 'Correction 3'],
  ]);
  expect(history.marks).toEqual({ c2: { n: 2, how: 'corrected' }, c1a: { n: 3, how: 'added' } });
  expect(history.earlier).toHaveLength(2);
});

test('a removed paragraph lands after the paragraph before it; a merged one where its words begin; a removed sentence after the sentence before it', () => {
  const { history } = historyOf(seed([C1, C2, C3]), seed([`${C1} ${C3}`, C2.replace('It serves both sides.', '')]));
  const gone = Object.fromEntries(history.gone.map((g) => [g.id, g]));
  expect(gone.c3).toMatchObject({ kind: 'paragraph', status: 'moved', lastIn: 1, within: 'c1', after: 'c1.2' });
  expect(gone['c2.2']).toMatchObject({ kind: 'sentence', status: 'removed', lastIn: 1, within: 'c2', after: 'c2.1', text: 'It serves both sides.' });
  const removed = historyOf(seed([C1, C2, C3]), seed([C1, C3])).history.gone;
  expect(removed.find((g) => g.id === 'c2')).toMatchObject({ status: 'removed', within: 'c', after: 'c1', text: C2 });
  // Its sentences land on its notice.
  expect(removed.find((g) => g.id === 'c2.1')).toMatchObject({ within: 'c2', after: '' });
});

test('texts the same once normalized are one version (a change of line endings is not a correction)', () => {
  const { revisions: kept, docs } = parseVersions(revisions(seed([C1]), seed([C1]).replace(/\n/gu, '\r\n'), seed([C2])));
  expect(kept.map((r) => r.note)).toEqual(['Correction 1', 'Correction 3']);
  expect(docs).toHaveLength(2);
});

test('the versions parsed again from the history get the same ids the loader gave them', () => {
  const { docs, history } = historyOf(seed([C1, C2]), seed([C1, 'New.', C2]), seed([C2, C1]));
  const again = versionDocs(history, docs.at(-1)!.text);
  expect(JSON.stringify(again)).toBe(JSON.stringify(docs));
});

test('a word-level diff keeps every character: unchanged and deleted runs are the old text, unchanged and inserted the new', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('the', 'port', 'opened', 'today', ' ', '  ', '\n', 'ships', 'dock.'), { maxLength: 30 }),
      fc.array(fc.nat(8), { maxLength: 30 }),
      (a, edits) => {
        const before = a.join(' ');
        const b: string[] = [...a];
        for (const e of edits) b.splice(e % (b.length + 1), e % 3, ['near', 'over', 'the'][e % 3]!);
        const after = b.join(' ');
        const runs = diffWords(before, after);
        expect(
          runs
            .filter((r) => r.op !== 'ins')
            .map((r) => r.text)
            .join(''),
        ).toBe(before);
        expect(
          runs
            .filter((r) => r.op !== 'del')
            .map((r) => r.text)
            .join(''),
        ).toBe(after);
      },
    ),
  );
  expect(diffWords('flying over Japanese airspace', 'flying near Japanese airspace')).toEqual([
    { op: 'same', text: 'flying ' },
    { op: 'del', text: 'over' },
    { op: 'ins', text: 'near' },
    { op: 'same', text: ' Japanese airspace' },
  ]);
});

test('a Chinese correction is shown character by character, not as the whole sentence replaced', () => {
  expect(diffWords('中方对此表示强烈不满，已向日方提出严正交涉。', '中方对此表示强烈不满，已向日方提出交涉。')).toEqual([
    { op: 'same', text: '中方对此表示强烈不满，已向日方提出' },
    { op: 'del', text: '严正' },
    { op: 'same', text: '交涉。' },
  ]);
});

test('a long unchanged run is shortened around the change', () => {
  const words = Array.from({ length: 80 }, (_, i) => `w${i}`).join(' ');
  const runs = withContext(diffWords(`${words} over ${words}`, `${words} near ${words}`), 5);
  expect(runs.map((r) => r.op)).toEqual(['gap', 'same', 'del', 'ins', 'same', 'gap']);
});

test('what a version changed, paragraph by paragraph: corrected (with its diff), added, removed, moved, split, merged, restored', () => {
  const v = (...c: string[]) => seed(c);
  const changes = (a: string, b: string, earlier?: string) => {
    const docs = parseVersions(revisions(...[earlier, a, b].filter((t): t is string => t !== undefined))).docs;
    const earlierIds = earlier ? new Set(docs[0]!.parts.flatMap((p) => ('paragraphs' in p ? p.paragraphs.map((q) => q.id) : []))) : new Set<string>();
    return paragraphChanges(docs.at(-2)!, docs.at(-1)!, earlierIds).map((c) => [c.id, c.kind, c.other ?? '']);
  };
  expect(changes(v(C1, C2, C3), v(C1, C2.replace('maneuver', 'trick'), C3))).toEqual([['c2', 'corrected', '']]);
  expect(changes(v(C1, C2, C3), v(C1, 'New words here.', C2, C3))).toEqual([['c1a', 'added', '']]);
  expect(changes(v(C1, C2, C3), v(C1, C3))).toEqual([['c2', 'removed', '']]);
  expect(changes(v(C1, C2, C3), v(C3, C1, C2))).toEqual([['c3', 'moved', '']]);
  expect(changes(v(C1, C2), v('The opening is a show of strength.', 'It follows months of talks.', C2))).toEqual([
    ['c1', 'corrected', ''],
    ['c1a', 'split', 'c1'],
  ]);
  // C3 has more words than C2: the joined paragraph keeps its id.
  expect(changes(v(C1, C2, C3), v(C1, `${C2} ${C3}`))).toEqual([
    ['c2', 'merged', 'c3'],
    ['c3', 'corrected', ''],
  ]);
  expect(changes(v(C1, C3), v(C1, C2, C3), v(C1, C2, C3))).toEqual([['c2', 'restored', '']]);
});

// One `git log` pass, parsed: the raw format of GIT_LOG_ARGS (`-z --raw --format=%x1e%H%x1f%cI%x1f%B%x1f`).
const raw = (hash: string, date: string, message: string, changes: string[][]) =>
  `\x1e${hash}\x1f${date}\x1f${message}\n\x1f\0\n${changes.map(([status, blob, ...paths]) => `:100644 100644 ${'0'.repeat(40)} ${blob} ${status}\0${paths.join('\0')}\0`).join('')}`;

test('a git log pass is read into each file’s commits, followed through renames, a deletion and a file of the same name after it', () => {
  const out = [
    raw('a1', '2026-11-01T10:00:00+00:00', 'Add two seeds', [
      ['A', 'b1', 'one.txt'],
      ['A', 'b2', 'two é.txt'],
    ]),
    raw('a2', '2026-12-01T10:00:00+09:00', 'Fix one\n\nWith a body', [['M', 'b3', 'one.txt']]),
    raw('a3', '2026-12-02T10:00:00+00:00', 'Rename two', [['R100', 'b2', 'two é.txt', 'deux.txt']]),
    raw('a4', '2026-12-03T10:00:00+00:00', 'Rename and fix one', [['R087', 'b4', 'one.txt', 'uno.txt']]),
    raw('a5', '2026-12-04T10:00:00+00:00', 'Drop three', [['A', 'b5', 'three.txt']]),
    raw('a6', '2026-12-05T10:00:00+00:00', 'Drop three', [['D', '0'.repeat(40), 'three.txt']]),
    raw('a7', '2026-12-06T10:00:00+00:00', 'Bring three back', [['A', 'b6', 'three.txt']]),
  ].join('');
  const commits = parseGitLog(out);
  expect(commits.map((c) => [c.hash, c.message])).toEqual([
    ['a1', 'Add two seeds'],
    ['a2', 'Fix one\n\nWith a body'],
    ['a3', 'Rename two'],
    ['a4', 'Rename and fix one'],
    ['a5', 'Drop three'],
    ['a6', 'Drop three'],
    ['a7', 'Bring three back'],
  ]);
  const files = fileHistories(commits);
  expect([...files.keys()].sort()).toEqual(['deux.txt', 'three.txt', 'uno.txt']);
  expect(files.get('uno.txt')!.revisions.map((r) => [r.commit, r.blob, r.file])).toEqual([
    ['a1', 'b1', 'one.txt'],
    ['a2', 'b3', 'one.txt'],
    ['a4', 'b4', 'uno.txt'],
  ]);
  expect(files.get('uno.txt')!.formerNames).toEqual(['one.txt']);
  // A rename without a change is not a version.
  expect(files.get('deux.txt')!.revisions.map((r) => [r.commit, r.file])).toEqual([['a1', 'deux.txt']]);
  expect(files.get('deux.txt')!.formerNames).toEqual(['two é.txt']);
  expect(files.get('three.txt')!.revisions.map((r) => r.blob)).toEqual(['b5', 'b6']);
});
