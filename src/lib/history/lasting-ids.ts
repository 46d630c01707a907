/**
 * Lasting ids: the ids of paragraphs and sentences (`c2`, `s1.4`) across the
 * versions of a text, so that an address names the same words for as long
 * as they exist.
 *
 * The first version is numbered by position, as the parser numbers any text
 * (`s1`, `s2`, `c1`, … and `c1.1`, `c1.2`, …). Each later version is matched
 * to the one before by content (match.ts), never by position:
 *
 * - a paragraph or sentence found again, unchanged or corrected (half its
 *   words in order), keeps its id, wherever it now stands;
 * - a sentence moved to another paragraph (a paragraph split or merged)
 *   keeps its id there, if most of its words are still its own;
 * - one that was removed and comes back (most of its words, and at least
 *   three) gets the id it had;
 * - anything else is new and gets an id never used before in the document:
 *   after the last numbered one, the next number (`c4`, `c2.5`); between two,
 *   the id before it with the next unused letter (`c1a` after `c1`, `c1b`
 *   after `c1a`; `c0a` before the first), as legislation numbers inserted
 *   sections. Ids never change, so a later insertion can read out of order
 *   (`C1`, `C1b`, `C1a` when a paragraph is inserted before `C1a`).
 *
 * Ids keep their voice's letter (`s`, `c`, `o`): a paragraph that moves to
 * the other voice is a new paragraph there.
 *
 * A document's record of published ids (published.ts), when it has one,
 * stands before the first version: the first version is matched to it as
 * any version to the one before, so a change of the reading rules, which
 * re-reads every version, keeps every recorded id on its words.
 */
import { allParagraphs, ID_LETTERS, type IdLetter, type Paragraph, type SeedDocument, type Sentence } from '../seed/document.ts';
import { MIN_SHARED, pairPassages, SAME_ELSEWHERE } from './match.ts';
import type { PublishedParagraph } from './published.ts';

/** A paragraph as matching needs it: its id, its text and its sentences'. */
type Passages = Pick<Paragraph, 'id' | 'text'> & { sentences: readonly Pick<Sentence, 'id' | 'text'>[] };

/** Passages coming back, or found far from where they stood, must be this alike. */
const ELSEWHERE = { threshold: SAME_ELSEWHERE, minShared: MIN_SHARED };

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

/** Every id ever used in a document, with the highest number used under each stem. */
class UsedIds {
  private readonly ids = new Set<string>();
  private readonly top = new Map<string, number>();

  add(id: string): void {
    this.ids.add(id);
    // A sentence id's stem is its paragraph's id and a dot; a paragraph id's, its letter.
    const dot = id.lastIndexOf('.');
    const stem = dot >= 0 ? id.slice(0, dot + 1) : id.charAt(0);
    const n = idParts(id, stem)?.n ?? 0;
    if (n > (this.top.get(stem) ?? 0)) this.top.set(stem, n);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /**
   * An id never used before under `stem`: after every numbered one
   * (`appending`) the next number; else `before` (the nearest id before it
   * under the same stem, if any) with the next unused letter.
   */
  fresh(stem: string, before: string | undefined, appending: boolean): string {
    const id = appending ? `${stem}${(this.top.get(stem) ?? 0) + 1}` : this.lettered(stem, before);
    this.add(id);
    return id;
  }

  private lettered(stem: string, before: string | undefined): string {
    const prev = (before !== undefined && idParts(before, stem)) || { n: 0, letters: '' };
    for (let k = letterIndex(prev.letters) + 1; ; k++) {
      const id = `${stem}${prev.n}${letters(k)}`;
      if (!this.ids.has(id)) return id;
    }
  }
}

/**
 * Number the items not `kept` (left to right) with new ids under `stem`. An
 * item after the last kept one under the stem appends; any other is
 * inserted after the nearest id under the stem before it.
 */
function numberNew<T extends { id: string }>(items: readonly T[], kept: ReadonlySet<T>, stem: string, used: UsedIds): void {
  let lastKept = -1;
  items.forEach((item, i) => {
    if (kept.has(item) && idParts(item.id, stem)) lastKept = i;
  });
  let before: string | undefined;
  items.forEach((item, i) => {
    if (!kept.has(item)) item.id = used.fresh(stem, before, i > lastKept);
    if (idParts(item.id, stem)) before = item.id;
  });
}

/**
 * Give the paragraphs and sentences of every version their lasting ids, in
 * place: `versions` oldest first, each freshly parsed (numbered by position).
 * The first keeps its numbering, or, with a record of `published` ids, is
 * matched to it; each later one is matched to the one before.
 */
export function assignLastingIds(versions: readonly SeedDocument[], published: readonly PublishedParagraph[] = []): void {
  const used = new UsedIds();
  /** The last text of every paragraph and sentence id ever used. */
  const lastText = new Map<string, string>();
  const record = (paragraphs: readonly Passages[]) => {
    for (const p of paragraphs) {
      used.add(p.id);
      lastText.set(p.id, p.text);
      for (const s of p.sentences) {
        used.add(s.id);
        lastText.set(s.id, s.text);
      }
    }
  };
  const chain: (readonly Passages[])[] = [...(published.length ? [published] : []), ...versions.map((doc) => allParagraphs(doc))];
  if (chain[0]) record(chain[0]);
  for (let v = 1; v < chain.length; v++) {
    const prev = chain[v - 1]!;
    const next = chain[v]! as Paragraph[];
    for (const letter of Object.values(ID_LETTERS)) {
      const of = <P extends Passages>(paragraphs: readonly P[]) => paragraphs.filter((p) => p.id.startsWith(letter));
      matchVoice(of(prev), of(next), letter, used, lastText);
    }
    record(next);
  }
}

/** Ids of `gone` (in the order given) paired with the `waiting` items whose texts are theirs. */
function revive<T extends { id: string; text: string }>(
  gone: readonly string[],
  waiting: readonly T[],
  lastText: ReadonlyMap<string, string>,
  claim: (item: T, id: string) => void,
) {
  for (const [i, j] of pairPassages(
    gone.map((id) => lastText.get(id)!),
    waiting.map((w) => w.text),
    ELSEWHERE,
  ))
    claim(waiting[j]!, gone[i]!);
}

/** Match one voice's paragraphs and sentences of a version to the version before. */
function matchVoice(olds: readonly Passages[], news: readonly Paragraph[], letter: IdLetter, used: UsedIds, lastText: ReadonlyMap<string, string>): void {
  // Paragraphs: found again in the version before, or come back from an earlier one.
  const carried = new Set<Paragraph>();
  const claim = (p: Paragraph, id: string) => {
    p.id = id;
    carried.add(p);
  };
  for (const [i, j] of pairPassages(
    olds.map((p) => p.text),
    news.map((p) => p.text),
  ))
    claim(news[j]!, olds[i]!.id);
  const current = new Set(olds.map((p) => p.id));
  const goneParagraphs = [...lastText.keys()].filter((id) => idParts(id, letter) && !current.has(id));
  revive(
    goneParagraphs,
    news.filter((p) => !carried.has(p)),
    lastText,
    claim,
  );
  numberNew(news, carried, letter, used);

  // Sentences: within the same paragraph; then anywhere in the voice (a split or merged paragraph); then come back.
  const matched = new Set<Sentence>();
  const claimSentence = (s: Sentence, id: string) => {
    s.id = id;
    matched.add(s);
  };
  const oldByParagraph = new Map(olds.map((p) => [p.id, p.sentences]));
  const taken = new Set<string>();
  for (const p of news) {
    const before = oldByParagraph.get(p.id) ?? [];
    for (const [i, j] of pairPassages(
      before.map((s) => s.text),
      p.sentences.map((s) => s.text),
    )) {
      claimSentence(p.sentences[j]!, before[i]!.id);
      taken.add(before[i]!.id);
    }
  }
  const freeOld = olds.flatMap((p) => p.sentences.filter((s) => !taken.has(s.id)));
  const freeNew = () => news.flatMap((p) => p.sentences.filter((s) => !matched.has(s)));
  const waiting = freeNew();
  for (const [i, j] of pairPassages(
    freeOld.map((s) => s.text),
    waiting.map((s) => s.text),
    ELSEWHERE,
  ))
    claimSentence(waiting[j]!, freeOld[i]!.id);
  const inVoice = new Set(olds.flatMap((p) => p.sentences.map((s) => s.id)));
  const goneSentences = [...lastText.keys()].filter((id) => id.startsWith(letter) && id.includes('.') && !inVoice.has(id));
  revive(goneSentences, freeNew(), lastText, claimSentence);
  for (const p of news) numberNew(p.sentences, matched, `${p.id}.`, used);
}
