/**
 * Telling whether two passages are the same passage in two versions of a
 * text: their words, and how much of them they share in order. Matching is
 * by content, never by position, so a passage keeps its id when others are
 * inserted, removed or moved around it.
 */

/** Word tokens of a text for matching: runs of letters and digits, lower-cased; each CJK character is a token of its own. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** Beyond this many cells the longest common subsequence is estimated from shared words instead. */
const LCS_CELLS = 4_000_000;

/** Length of the longest common subsequence of two token lists. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length * b.length > LCS_CELLS) return sharedCount(a, b);
  let prev = new Uint32Array(b.length + 1);
  let row = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/** How many tokens two lists share, counted with multiplicity, in any order. */
function sharedCount(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of b) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  return shared;
}

/**
 * How alike two passages are, from 0 to 1: twice the words they share in
 * order, over the words of both (the Dice coefficient of their longest
 * common subsequence). One corrected word in a sentence of ten: 0.9.
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * lcsLength(a, b)) / (a.length + b.length);
}

/** The similarity of two passages when it reaches {@link SAME_PASSAGE}, else 0 (order-free sharing bounds it first, cheaply). */
function sameEnough(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if ((2 * sharedCount(a, b)) / (a.length + b.length) < SAME_PASSAGE) return 0;
  const score = similarity(a, b);
  return score >= SAME_PASSAGE ? score : 0;
}

/**
 * Two passages at least this alike are one passage corrected: it keeps its
 * id. Below it, the new words are a new passage with a new id, and the old
 * id is gone (with a notice), so an id never names words that are not its own.
 */
export const SAME_PASSAGE = 0.5;

/** One candidate pairing of an old passage with a new one. */
export interface Pairing {
  old: number;
  new: number;
  score: number;
}

/**
 * Pair old passages with new ones by content: first identical texts (in
 * order), then the most alike pairs at or above {@link SAME_PASSAGE}, best
 * first. Each passage is in at most one pair. Candidate pairs come from the
 * rarer words they share, so a long text with few changes costs little.
 */
export function pairPassages(oldTexts: readonly string[], newTexts: readonly string[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  // Identical texts, in order: the k-th copy of a text pairs with the k-th copy.
  const byText = new Map<string, number[]>();
  oldTexts.forEach((t, i) => {
    const list = byText.get(t);
    if (list) list.push(i);
    else byText.set(t, [i]);
  });
  newTexts.forEach((t, j) => {
    const i = byText.get(t)?.shift();
    if (i !== undefined) {
      pairs.set(i, j);
      taken.add(j);
    }
  });
  const oldLeft = oldTexts.map((_, i) => i).filter((i) => !pairs.has(i));
  const newLeft = newTexts.map((_, j) => j).filter((j) => !taken.has(j));
  if (!oldLeft.length || !newLeft.length) return pairs;
  const oldTokens = new Map(oldLeft.map((i) => [i, tokens(oldTexts[i]!)]));
  // Where each word occurs among the old passages left, and how often.
  const postings = new Map<string, number[]>();
  for (const [i, toks] of oldTokens) {
    for (const t of new Set(toks)) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  }
  const candidates: Pairing[] = [];
  for (const j of newLeft) {
    const toks = tokens(newTexts[j]!);
    // Old passages sharing one of this passage's rarest words (a corrected passage keeps most of its words).
    const rare = [...new Set(toks)].filter((t) => postings.has(t)).sort((x, y) => postings.get(x)!.length - postings.get(y)!.length);
    const near = new Set<number>();
    for (const t of rare.slice(0, 6)) for (const i of postings.get(t)!) near.add(i);
    for (const i of near) {
      const score = sameEnough(oldTokens.get(i)!, toks);
      if (score > 0) candidates.push({ old: i, new: j, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.old - b.old || a.new - b.new);
  for (const c of candidates) {
    if (pairs.has(c.old) || taken.has(c.new)) continue;
    pairs.set(c.old, c.new);
    taken.add(c.new);
  }
  return pairs;
}
