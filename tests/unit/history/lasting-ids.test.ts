import fc from 'fast-check';
import { expect, test } from 'vitest';
import { assignLastingIds } from '../../../src/lib/history/lasting-ids.ts';
import type { SeedDocument } from '../../../src/lib/seed/document.ts';
import { parseSeed } from '../../../src/lib/seed/parse.ts';

/** A seed with these statement and commentary paragraphs (each paragraph's sentences joined by spaces). */
const seed = (statement: string[][], commentary: string[][]) =>
  `Ana Silva, Minister of Ports, said: ${statement.map((p, i) => `"${p.join(' ')}${i === statement.length - 1 ? '"' : ''}`).join('\n\n')}\n\nComment: ${commentary.map((p) => p.join(' ')).join('\n\n')}\n`;

/** Every id of a version with its text. */
function ids(doc: SeedDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of doc.parts) {
    if (part.kind !== 'statement' && part.kind !== 'commentary' && part.kind !== 'other') continue;
    for (const p of part.paragraphs) {
      out.set(p.id, p.text);
      for (const s of p.sentences) out.set(s.id, s.text);
    }
  }
  return out;
}

/** The versions' ids after assigning lasting ids, each as id → text. */
function history(...texts: string[]): Map<string, string>[] {
  const docs = texts.map(parseSeed);
  assignLastingIds(docs);
  return docs.map(ids);
}

const S = [['The port opened today.', 'Ships may dock at night.'], ['Fees stay the same.']];
const C1 = ['The opening is a show of strength.', 'It follows months of talks.', 'Critics call it rushed.'];
const C2 = ['The recent coordination is a maneuver.', 'It serves both sides.'];
const C3 = ['The so-called alliance is a trade.', 'Neither side says so.'];

test('the first version keeps the numbering by position', () => {
  const [v1] = history(seed(S, [C1, C2, C3]));
  expect([...v1!.keys()]).toEqual(['s1', 's1.1', 's1.2', 's2', 's2.1', 'c1', 'c1.1', 'c1.2', 'c1.3', 'c2', 'c2.1', 'c2.2', 'c3', 'c3.1', 'c3.2']);
});

test('a corrected word keeps the paragraph and sentence ids', () => {
  const fixed = [['The port opened this morning.', 'Ships may dock at night.'], S[1]!];
  const [, v2] = history(seed(S, [C1, C2, C3]), seed(fixed, [C1, C2, C3]));
  expect(v2!.get('s1.1')).toBe('The port opened this morning.');
  expect(v2!.get('s1.2')).toBe('Ships may dock at night.');
  expect(v2!.get('s1')).toContain('this morning');
});

test('a restored paragraph between C1 and C2 gets a new id, C1a; the others keep theirs', () => {
  const restored = ['A paragraph the first copy missed.', 'It had two sentences.'];
  const [, v2] = history(seed(S, [C1, C2, C3]), seed(S, [C1, restored, C2, C3]));
  expect(v2!.get('c1a')).toBe(restored.join(' '));
  expect(v2!.get('c1a.1')).toBe(restored[0]);
  expect(v2!.get('c2')).toBe(C2.join(' '));
  expect(v2!.get('c3')).toBe(C3.join(' '));
  expect(v2!.has('c4')).toBe(false);
});

test('a paragraph added at the end gets the next number; before the first, C0a; after C1a, C1b', () => {
  const extra = ['An added closing thought.'];
  const first = ['An added opening line.'];
  const more = ['Yet another insertion.'];
  const [, v2, v3] = history(seed(S, [C1, C2]), seed(S, [C1, ['Inserted.'], C2, extra]), seed(S, [first, C1, ['Inserted.'], more, C2, extra]));
  expect(v2!.get('c1a')).toBe('Inserted.');
  expect(v2!.get('c3')).toBe(extra.join(' '));
  expect(v3!.get('c0a')).toBe(first.join(' '));
  expect(v3!.get('c1b')).toBe(more.join(' '));
});

test('a removed paragraph’s id is never given to other words; a removed id is not reused by a paragraph added later', () => {
  const [, v2, v3] = history(seed(S, [C1, C2, C3]), seed(S, [C1, C3]), seed(S, [C1, C3, ['A new last paragraph.']]));
  expect(v2!.has('c2')).toBe(false);
  expect(v2!.get('c3')).toBe(C3.join(' '));
  expect(v3!.get('c4')).toBe('A new last paragraph.');
  expect(v3!.has('c2')).toBe(false);
});

test('a paragraph that comes back gets its old id again', () => {
  const [, , v3] = history(seed(S, [C1, C2, C3]), seed(S, [C1, C3]), seed(S, [C1, C2, C3]));
  expect(v3!.get('c2')).toBe(C2.join(' '));
  expect(v3!.get('c2.2')).toBe(C2[1]);
});

test('a moved paragraph keeps its id where it now stands', () => {
  const [, v2] = history(seed(S, [C1, C2, C3]), seed(S, [C3, C1, C2]));
  expect(v2!.get('c3')).toBe(C3.join(' '));
  expect([...v2!.keys()].filter((id) => /^c\d+$/u.test(id))).toEqual(['c3', 'c1', 'c2']);
});

test('a split paragraph: the larger part keeps the id, the other gets a new one, every sentence keeps its id', () => {
  const [, v2] = history(seed(S, [C1, C2]), seed(S, [C1.slice(0, 2), C1.slice(2), C2]));
  expect(v2!.get('c1')).toBe(C1.slice(0, 2).join(' '));
  expect(v2!.get('c1a')).toBe(C1[2]);
  expect(v2!.get('c1.3')).toBe(C1[2]);
  expect(v2!.get('c2')).toBe(C2.join(' '));
});

test('merged paragraphs: one id names the whole, every sentence keeps its id, the other paragraph id is gone', () => {
  const [, v2] = history(seed(S, [C1, C2, C3]), seed(S, [C1, [...C2, ...C3], ['x']]));
  expect(v2!.get('c2')).toBe([...C2, ...C3].join(' '));
  expect(v2!.get('c3.1')).toBe(C3[0]);
  expect(v2!.get('c3.2')).toBe(C3[1]);
  expect(v2!.has('c3')).toBe(false);
});

test('a sentence added inside a paragraph gets C1.1a; at its end, the next number', () => {
  const [, v2] = history(seed(S, [C1]), seed(S, [[C1[0]!, 'An added sentence.', ...C1.slice(1), 'A final one.']]));
  expect(v2!.get('c1.1a')).toBe('An added sentence.');
  expect(v2!.get('c1.2')).toBe(C1[1]);
  expect(v2!.get('c1.4')).toBe('A final one.');
});

// Property: random sequences of edits. Every sentence the generator writes has an origin; an edit that fixes a
// word keeps its origin. An id may only ever name words of the same origin; a passage whose text is unchanged
// keeps its id; an id new in a version was never used before.

/** A vocabulary large enough that unrelated sentences are unlike, as in real text. */
const WORDS = Array.from({ length: 3000 }, (_, i) => `w${[...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('')}`);

interface Sentence {
  origin: number;
  words: string[];
}
type Doc = { statement: Sentence[][]; commentary: Sentence[][] };

const text = (s: Sentence) => `${s.words.join(' ')}.`.replace(/^w/u, 'W');
const render = (d: Doc) =>
  seed(
    d.statement.map((p) => p.map(text)),
    d.commentary.map((p) => p.map(text)),
  );

type Edit = {
  kind: 'fix' | 'remove' | 'move' | 'split' | 'merge' | 'addSentence' | 'insert';
  voice: 'statement' | 'commentary';
  at: number;
  to: number;
  seed: number;
};

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('fix', 'remove', 'move', 'split', 'merge', 'addSentence', 'insert'),
  voice: fc.constantFrom('statement', 'commentary'),
  at: fc.nat(20),
  to: fc.nat(20),
  seed: fc.nat(1_000_000),
});

function apply(d: Doc, e: Edit, fresh: () => Sentence): Doc {
  const next: Doc = {
    statement: d.statement.map((p) => p.map((s) => ({ ...s, words: [...s.words] }))),
    commentary: d.commentary.map((p) => p.map((s) => ({ ...s, words: [...s.words] }))),
  };
  const ps = next[e.voice];
  const i = ps.length ? e.at % ps.length : 0;
  switch (e.kind) {
    case 'fix': {
      const s = ps[i]?.[e.seed % (ps[i].length || 1)];
      if (s) s.words[e.seed % s.words.length] = WORDS[(e.seed * 7) % WORDS.length]!;
      break;
    }
    case 'remove':
      if (ps.length > 1) ps.splice(i, 1);
      break;
    case 'move':
      if (ps.length > 1) ps.splice(e.to % ps.length, 0, ...ps.splice(i, 1));
      break;
    case 'split':
      if (ps[i] && ps[i].length > 1) ps.splice(i + 1, 0, ps[i].splice(1 + (e.seed % (ps[i].length - 1))));
      break;
    case 'merge':
      if (i + 1 < ps.length) ps.splice(i, 2, [...ps[i]!, ...ps[i + 1]!]);
      break;
    case 'addSentence':
      ps[i]?.splice(e.seed % (ps[i].length + 1), 0, fresh());
      break;
    case 'insert':
      ps.splice(e.to % (ps.length + 1), 0, [fresh(), fresh()]);
      break;
  }
  return next;
}

/** The origins of the sentences a version's id names (a sentence id: one; a paragraph id: its sentences'). */
function originsById(d: Doc, doc: SeedDocument): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const part of doc.parts) {
    if (part.kind !== 'statement' && part.kind !== 'commentary') continue;
    const model = d[part.kind];
    expect(part.paragraphs.length).toBe(model.length);
    part.paragraphs.forEach((p, k) => {
      const sentences = model[k]!;
      expect(p.sentences.map((s) => s.text)).toEqual(sentences.map(text));
      out.set(p.id, new Set(sentences.map((s) => s.origin)));
      p.sentences.forEach((s, n) => out.set(s.id, new Set([sentences[n]!.origin])));
    });
  }
  return out;
}

test('property: over random corrections, no id ever names other words, unchanged passages keep their ids, new ids are new', () => {
  fc.assert(
    fc.property(fc.array(editArb, { minLength: 1, maxLength: 8 }), fc.nat(1000), (edits, start) => {
      let origin = 0;
      let cursor = start;
      const fresh = (): Sentence => ({
        origin: origin++,
        words: Array.from({ length: 6 + (cursor % 7) }, () => WORDS[(cursor = (cursor * 1103515245 + 12345) % 2 ** 31) % WORDS.length]!),
      });
      const models: Doc[] = [{ statement: [[fresh(), fresh()], [fresh()]], commentary: [[fresh(), fresh(), fresh()], [fresh(), fresh()], [fresh()]] }];
      for (const e of edits) models.push(apply(models.at(-1)!, e, fresh));
      const docs = models.map((m) => parseSeed(render(m)));
      assignLastingIds(docs);
      const seen = new Map<string, Set<number>>();
      models.forEach((m, v) => {
        const now = originsById(m, docs[v]!);
        // Ids are unique within a version (the map has one entry per element).
        const all = docs[v]!.parts.flatMap((p) => ('paragraphs' in p ? p.paragraphs.flatMap((q) => [q.id, ...q.sentences.map((s) => s.id)]) : []));
        expect(new Set(all).size).toBe(all.length);
        for (const [id, origins] of now) {
          const before = seen.get(id);
          // An id used before names words of the same origin as then.
          if (before)
            expect(
              [...origins].some((o) => before.has(o)),
              `version ${v + 1}: ${id}`,
            ).toBe(true);
        }
        if (v > 0) {
          const prevDoc = docs[v - 1]!;
          const prevIds = ids(prevDoc);
          const nowIds = ids(docs[v]!);
          // A passage whose text appears once, unchanged, in both versions keeps its id.
          const count = (m: Map<string, string>, t: string) => [...m.values()].filter((x) => x === t).length;
          for (const [id, t] of prevIds) {
            if (count(prevIds, t) === 1 && count(nowIds, t) === 1) expect(nowIds.get(id), `version ${v + 1}: ${id} “${t}”`).toBe(t);
          }
        }
        for (const [id, origins] of now) seen.set(id, new Set([...(seen.get(id) ?? []), ...origins]));
      });
    }),
    { numRuns: 300 },
  );
}, 60_000);
