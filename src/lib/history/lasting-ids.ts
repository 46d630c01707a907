/**
 * Lasting ids: the ids of paragraphs and sentences (`c2`, `s1.4`) across the
 * versions of a text, so that an address names the same words for as long
 * as they exist.
 *
 * The first version is numbered by position, as the parser numbers any text
 * (`s1`, `s2`, `c1`, … and `c1.1`, `c1.2`, …). Each later version is matched
 * to the one before by content (match.ts), never by position:
 *
 * - a paragraph or sentence found again, unchanged or corrected (at least
 *   half its words in order), keeps its id, wherever it now stands;
 * - one that was removed and comes back keeps the id it had;
 * - a sentence moved to another paragraph (a paragraph split or merged)
 *   keeps its id there;
 * - anything else is new and gets an id never used before in the document:
 *   after the last numbered one, the next number (`c4`, `c2.5`); between two,
 *   the id before it with the next letter (`c1a` after `c1`, `c1b` after
 *   `c1a`; `c0a` before the first), as legislation numbers inserted sections.
 *
 * Ids of a voice keep their letter (`s`, `c`, `o`): a paragraph that moves
 * to the other voice is a new paragraph there.
 */
import type { Paragraph, SeedDocument } from '../seed/document.ts';
import { pairPassages } from './match.ts';

/** The letter of each kind of paragraph's ids. */
const PREFIXES = { statement: 's', commentary: 'c', other: 'o' } as const;
type Prefix = (typeof PREFIXES)[keyof typeof PREFIXES];

/** A document's paragraphs with the given id letter, in reading order. */
function paragraphsOf(doc: SeedDocument, prefix: Prefix): Paragraph[] {
  return doc.parts.flatMap((p) =>
    (p.kind === 'statement' || p.kind === 'commentary' || p.kind === 'other') && PREFIXES[p.kind] === prefix ? p.paragraphs : [],
  );
}

/** `a`, `b`, … `z`, `aa`, `ab`, …: the k-th letter suffix (k ≥ 1). */
function letters(k: number): string {
  let out = '';
  for (let n = k; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
  return out;
}

/** The position of a letter suffix in that order (`''` → 0, `a` → 1, `aa` → 27). */
function letterIndex(s: string): number {
  let k = 0;
  for (const ch of s) k = k * 26 + (ch.charCodeAt(0) - 96);
  return k;
}

/** The number and letters of an id under `stem` (`c` for paragraphs, `c2.` for a paragraph's sentences). */
function idParts(id: string, stem: string): { n: number; letters: string } | undefined {
  if (!id.startsWith(stem)) return undefined;
  const m = /^(\d+)([a-z]*)$/u.exec(id.slice(stem.length));
  return m ? { n: Number(m[1]), letters: m[2]! } : undefined;
}

/**
 * An id never used before, under `stem`: after every numbered one
 * (`appending`) the next number; else the id before it (the nearest of the
 * same stem) with the next unused letter.
 */
function newId(stem: string, before: readonly string[], appending: boolean, used: Set<string>): string {
  if (appending) {
    let max = 0;
    for (const id of used) {
      const parts = idParts(id, stem);
      if (parts && parts.n > max) max = parts.n;
    }
    return `${stem}${max + 1}`;
  }
  const prev = [...before].reverse().reduce<{ n: number; letters: string } | undefined>((found, id) => found ?? idParts(id, stem), undefined) ?? {
    n: 0,
    letters: '',
  };
  for (let k = letterIndex(prev.letters) + 1; ; k++) {
    const id = `${stem}${prev.n}${letters(k)}`;
    if (!used.has(id)) return id;
  }
}

/** Give each item without an id (left to right) a new one; `stemOf` and `kept` say how it is numbered. */
function numberNew<T extends { id: string }>(
  items: readonly T[],
  fresh: ReadonlySet<T>,
  stem: string,
  used: Set<string>,
  keptUnderStem: (item: T) => boolean,
): void {
  items.forEach((item, i) => {
    if (!fresh.has(item)) return;
    const appending = !items.slice(i + 1).some((later) => !fresh.has(later) && keptUnderStem(later));
    item.id = newId(
      stem,
      items.slice(0, i).map((x) => x.id),
      appending,
      used,
    );
    used.add(item.id);
  });
}

/**
 * Give the paragraphs and sentences of every version their lasting ids, in
 * place: `versions` oldest first, each freshly parsed (numbered by position).
 * The first keeps its numbering; each later one is matched to the one before.
 */
export function assignLastingIds(versions: readonly SeedDocument[]): void {
  /** Every id ever used in the document, paragraphs' and sentences'. */
  const used = new Set<string>();
  /** The last text of every paragraph and sentence id ever used. */
  const lastText = new Map<string, string>();
  const record = (doc: SeedDocument) => {
    for (const prefix of Object.values(PREFIXES)) {
      for (const p of paragraphsOf(doc, prefix)) {
        used.add(p.id);
        lastText.set(p.id, p.text);
        for (const s of p.sentences) {
          used.add(s.id);
          lastText.set(s.id, s.text);
        }
      }
    }
  };
  if (versions[0]) record(versions[0]);
  for (let v = 1; v < versions.length; v++) {
    const prev = versions[v - 1]!;
    const next = versions[v]!;
    for (const prefix of Object.values(PREFIXES)) matchVoice(paragraphsOf(prev, prefix), paragraphsOf(next, prefix), prefix, used, lastText);
    record(next);
  }
}

/** Match one voice's paragraphs and sentences of a version to the version before. */
function matchVoice(olds: readonly Paragraph[], news: readonly Paragraph[], prefix: Prefix, used: Set<string>, lastText: ReadonlyMap<string, string>): void {
  const carried = new Set<Paragraph>();
  const claim = (p: Paragraph, id: string) => {
    p.id = id;
    carried.add(p);
  };
  // Paragraphs: found again in the version before, or come back from an earlier one.
  for (const [i, j] of pairPassages(
    olds.map((p) => p.text),
    news.map((p) => p.text),
  ))
    claim(news[j]!, olds[i]!.id);
  const current = new Set(olds.map((p) => p.id));
  const gone = [...lastText.keys()].filter((id) => idParts(id, prefix) && !current.has(id));
  const waiting = news.filter((p) => !carried.has(p));
  for (const [i, j] of pairPassages(
    gone.map((id) => lastText.get(id)!),
    waiting.map((p) => p.text),
  ))
    claim(waiting[j]!, gone[i]!);
  numberNew(news, new Set(news.filter((p) => !carried.has(p))), prefix, used, () => true);

  // Sentences: first within the same paragraph, then anywhere in the voice (a split or merged paragraph), then come back.
  const oldSentences = olds.flatMap((p) => p.sentences.map((s) => ({ s, paragraph: p.id })));
  const matched = new Set<object>();
  const claimSentence = (s: { id: string }, id: string) => {
    s.id = id;
    matched.add(s);
  };
  const taken = new Set<string>();
  for (const p of news) {
    const before = oldSentences.filter((o) => o.paragraph === p.id);
    for (const [i, j] of pairPassages(
      before.map((o) => o.s.text),
      p.sentences.map((s) => s.text),
    )) {
      claimSentence(p.sentences[j]!, before[i]!.s.id);
      taken.add(before[i]!.s.id);
    }
  }
  const freeOld = oldSentences.filter((o) => !taken.has(o.s.id));
  let freeNew = news.flatMap((p) => p.sentences.filter((s) => !matched.has(s)));
  for (const [i, j] of pairPassages(
    freeOld.map((o) => o.s.text),
    freeNew.map((s) => s.text),
  ))
    claimSentence(freeNew[j]!, freeOld[i]!.s.id);
  const inVoice = new Set(oldSentences.map((o) => o.s.id));
  const goneSentences = [...lastText.keys()].filter((id) => id.startsWith(prefix) && id.includes('.') && !inVoice.has(id));
  freeNew = freeNew.filter((s) => !matched.has(s));
  for (const [i, j] of pairPassages(
    goneSentences.map((id) => lastText.get(id)!),
    freeNew.map((s) => s.text),
  ))
    claimSentence(freeNew[j]!, goneSentences[i]!);
  for (const p of news) {
    const stem = `${p.id}.`;
    numberNew(p.sentences, new Set(p.sentences.filter((s) => !matched.has(s))), stem, used, (s) => s.id.startsWith(stem));
  }
}
