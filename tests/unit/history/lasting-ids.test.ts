import fc from 'fast-check';
import { expect, test } from 'vitest';
import { assignLastingIds } from '../../../src/lib/history/lasting-ids.ts';
import { commonLength, pairPassages, SAME_PASSAGE, tokens } from '../../../src/lib/history/match.ts';

/** Two passages' similarity, as src/lib/history/match.ts defines it: the Dice coefficient of their longest common subsequence. */
const similarity = (a: readonly string[], b: readonly string[]) => (2 * commonLength(a, b)) / (a.length + b.length);
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
  const docs = texts.map((t) => parseSeed(t));
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

test('merged paragraphs: the id of the larger part names the whole, every sentence keeps its id, the other paragraph id is gone', () => {
  // C3 has 11 words, C2 9: the joined paragraph is more C3's.
  const [, v2] = history(seed(S, [C1, C2, C3]), seed(S, [C1, [...C2, ...C3], ['x']]));
  expect(v2!.get('c3')).toBe([...C2, ...C3].join(' '));
  expect(v2!.get('c2.1')).toBe(C2[0]);
  expect(v2!.get('c2.2')).toBe(C2[1]);
  expect(v2!.get('c3.1')).toBe(C3[0]);
  expect(v2!.has('c2')).toBe(false);
});

test('a sentence added inside a paragraph gets C1.1a; at its end, the next number', () => {
  const [, v2] = history(seed(S, [C1]), seed(S, [[C1[0]!, 'An added sentence.', ...C1.slice(1), 'A final one.']]));
  expect(v2!.get('c1.1a')).toBe('An added sentence.');
  expect(v2!.get('c1.2')).toBe(C1[1]);
  expect(v2!.get('c1.4')).toBe('A final one.');
});

test('a name respelled in every paragraph at once: each paragraph keeps its id, however many changed', () => {
  const v1 = [
    'Minister Li spoke of tariffs on Tuesday.',
    'Minister Li praised harbours in Qingdao.',
    'Minister Li denied rumours about dredging.',
    'Minister Li met envoys from Busan.',
    'Minister Li cited freight statistics.',
    'Minister Li welcomed container ships.',
    'Minister Li said the talks will resume in the spring of next year after the storm season.',
  ];
  const v2 = v1.map((p) => p.replace('Li', 'Lee'));
  // The last also gains a clause of words the others use once each: the rarest words are not the ones it shares.
  v2[6] = 'Tariffs, harbours, dredging, envoys, freight, container: Minister Lee said the talks will resume in the spring of next year after the storm season.';
  const [, after] = history(
    seed(
      S,
      v1.map((p) => [p]),
    ),
    seed(
      S,
      v2.map((p) => [p]),
    ),
  );
  expect(v2.map((_, i) => after!.get(`c${i + 1}`))).toEqual(v2);
});

test('long paragraphs are compared word by word in order, never estimated: unrelated long paragraphs are not one', () => {
  // The same 400 words, 2,100 of them, in two unrelated orders: all their words are shared, few in order.
  const words = (step: number) => Array.from({ length: 2100 }, (_, i) => `w${(i * step) % 400}`).join(' ');
  const a = `${words(1)}.`;
  const b = `${words(173)}.`;
  expect(similarity(tokens(a), tokens(b))).toBeLessThan(SAME_PASSAGE);
  expect(pairPassages([a], [b])).toEqual(new Map());
  // The same characters in another order are other words.
  const cjk = Array.from({ length: 2100 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 31) % 500))).join('');
  expect(pairPassages([cjk], [[...cjk].reverse().join('')])).toEqual(new Map());
  // One word changed in a long paragraph is the same paragraph.
  expect(pairPassages([a], [a.replace('w1 ', 'w401 ')])).toEqual(new Map([[0, 0]]));
});

test('a removed sentence’s id is not given to other words that come later and look alike', () => {
  const [, , v3] = history(
    seed(S, [['The opening is a show of strength.', 'It serves both sides.'], ['Critics call it rushed.']]),
    seed(S, [['The opening is a show of strength.'], ['Critics call it rushed.']]),
    seed(S, [['The opening is a show of strength.'], ['Critics call it rushed.', 'It serves neither side.']]),
  );
  expect(v3!.get('c2.2')).toBe('It serves neither side.');
  expect([...v3!.values()]).not.toContain('It serves both sides.');
  expect(v3!.has('c1.2')).toBe(false);
});

// Property: random sequences of corrections, each of one to three edits. Every sentence the generator writes has an
// origin; fixing a word keeps it, and a removed sentence or paragraph may come back with its origins. A sentence id
// names one origin for ever; words found again as they last were, or with one word fixed, keep their id (through
// moves, splits, merges and returns); a paragraph id only ever names words of the origins it named; a paragraph
// whose text is unchanged keeps its id.

/** A vocabulary large enough that unrelated sentences are unlike, as in real text. */
const WORDS = Array.from({ length: 3000 }, (_, i) => `w${[...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('')}`);

interface Sentence {
  origin: number;
  words: string[];
}
type Voice = 'statement' | 'commentary';
type Doc = Record<Voice, Sentence[][]>;

const text = (s: Sentence) => `${s.words.join(' ')}.`.replace(/^w/u, 'W');
const render = (d: Doc) =>
  seed(
    d.statement.map((p) => p.map(text)),
    d.commentary.map((p) => p.map(text)),
  );

type Edit = {
  kind: 'fix' | 'remove' | 'move' | 'split' | 'merge' | 'addSentence' | 'removeSentence' | 'insert' | 'revive';
  voice: Voice;
  at: number;
  to: number;
  seed: number;
};

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('fix', 'remove', 'move', 'split', 'merge', 'addSentence', 'removeSentence', 'insert', 'revive'),
  voice: fc.constantFrom('statement', 'commentary'),
  at: fc.nat(20),
  to: fc.nat(20),
  seed: fc.nat(1_000_000),
});

/** What edits removed, by voice, to bring back later. */
type Removed = Record<Voice, Sentence[][]>;

function apply(d: Doc, e: Edit, fresh: () => Sentence, removed: Removed): Doc {
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
      if (ps.length > 1) removed[e.voice].push(...ps.splice(i, 1));
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
    case 'removeSentence':
      if (ps[i] && ps[i].length > 1) removed[e.voice].push(ps[i].splice(e.seed % ps[i].length, 1));
      break;
    case 'insert':
      ps.splice(e.to % (ps.length + 1), 0, [fresh(), fresh()]);
      break;
    case 'revive': {
      // Something removed earlier comes back, word for word: as a paragraph, or a sentence inside one.
      const back = removed[e.voice].splice(e.seed % (removed[e.voice].length || 1), 1)[0];
      if (!back) break;
      const present = new Set(ps.flat().map((s) => s.origin));
      const words = back.filter((s) => !present.has(s.origin)).map((s) => ({ ...s, words: [...s.words] }));
      if (!words.length) break;
      if (e.seed % 2 && ps[i]) ps[i].splice(e.to % (ps[i].length + 1), 0, ...words);
      else ps.splice(e.to % (ps.length + 1), 0, words);
      break;
    }
  }
  return next;
}

/** Each paragraph and sentence of a version with the origins of its words, as the model says. */
function byElement(d: Doc, doc: SeedDocument): { paragraphs: Map<string, Set<number>>; sentences: Map<string, number> } {
  const paragraphs = new Map<string, Set<number>>();
  const sentences = new Map<string, number>();
  for (const part of doc.parts) {
    if (part.kind !== 'statement' && part.kind !== 'commentary') continue;
    const model = d[part.kind];
    expect(part.paragraphs.length).toBe(model.length);
    part.paragraphs.forEach((p, k) => {
      const ss = model[k]!;
      expect(p.sentences.map((s) => s.text)).toEqual(ss.map(text));
      expect(paragraphs.has(p.id), `${p.id} twice`).toBe(false);
      paragraphs.set(p.id, new Set(ss.map((s) => s.origin)));
      p.sentences.forEach((s, n) => {
        expect(sentences.has(s.id), `${s.id} twice`).toBe(false);
        sentences.set(s.id, ss[n]!.origin);
      });
    });
  }
  return { paragraphs, sentences };
}

test('property: over random corrections, an id names the same words for ever, and words keep their id', () => {
  fc.assert(
    fc.property(fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.nat(1000), (corrections, start) => {
      let origin = 0;
      let cursor = start;
      const fresh = (): Sentence => ({
        origin: origin++,
        // A 32-bit linear congruential generator (Math.imul keeps it exact): fresh sentences are unlike each other.
        words: Array.from({ length: 6 + (cursor % 7) }, () => WORDS[(cursor = (Math.imul(cursor, 1103515245) + 12345) >>> 0) % WORDS.length]!),
      });
      const removed: Removed = { statement: [], commentary: [] };
      const models: Doc[] = [{ statement: [[fresh(), fresh()], [fresh()]], commentary: [[fresh(), fresh(), fresh()], [fresh(), fresh()], [fresh()]] }];
      for (const edits of corrections) models.push(edits.reduce((d, e) => apply(d, e, fresh, removed), models.at(-1)!));
      const docs = models.map((m) => parseSeed(render(m)));
      assignLastingIds(docs);
      const originOf = new Map<string, number>();
      const idOf = new Map<number, string>();
      /** Each origin's words as the last version that had them had them. */
      const lastWords = new Map<number, string[]>();
      const paragraphOrigins = new Map<string, Set<number>>();
      models.forEach((m, v) => {
        const { paragraphs, sentences } = byElement(m, docs[v]!);
        const now = new Map([...m.statement, ...m.commentary].flat().map((s) => [s.origin, s.words]));
        for (const [id, o] of sentences) {
          // A sentence id names one origin for ever.
          if (originOf.has(id)) expect(o, `version ${v + 1}: ${id} names other words`).toBe(originOf.get(id));
          // Words found again as they were, or with one word fixed, keep their id, wherever they are now.
          const before = lastWords.get(o);
          const changed = before ? before.filter((w, k) => w !== now.get(o)![k]).length : Infinity;
          if (idOf.has(o) && changed <= 1) expect(id, `version ${v + 1}: the words of ${idOf.get(o)} changed id`).toBe(idOf.get(o));
          originOf.set(id, o);
          idOf.set(o, id);
          lastWords.set(o, now.get(o)!);
        }
        for (const [id, origins] of paragraphs) {
          const before = paragraphOrigins.get(id);
          if (before)
            expect(
              [...origins].some((o) => before.has(o)),
              `version ${v + 1}: paragraph ${id} names other words`,
            ).toBe(true);
          paragraphOrigins.set(id, new Set([...(before ?? []), ...origins]));
        }
        if (v > 0) {
          // A paragraph whose text appears once, unchanged, in both versions keeps its id.
          const prevIds = ids(docs[v - 1]!);
          const nowIds = ids(docs[v]!);
          const count = (map: Map<string, string>, t: string) => [...map.values()].filter((x) => x === t).length;
          for (const [id, t] of prevIds)
            if (!id.includes('.') && count(prevIds, t) === 1 && count(nowIds, t) === 1) expect(nowIds.get(id), `version ${v + 1}: ${id}`).toBe(t);
        }
      });
    }),
    // PROPERTY_RUNS=5000 for a longer search.
    { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
  );
}, 600_000);
