/**
 * Telling whether two passages are the same passage in two versions of a
 * text: their words, and how many of them they share in order. Matching is
 * by content, never by position, so a passage keeps its id when others are
 * inserted, removed or moved around it.
 */

/** Word tokens of a text for matching: runs of letters and digits, lower-cased; each CJK character is a token of its own. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/**
 * The length of the longest common subsequence of two token lists, when it
 * is at least `atLeast`; otherwise -1. Myers' algorithm, bounded: its work
 * grows with the number of differences it may accept, never with the
 * product of the lengths, so long paragraphs cost little and are never
 * estimated.
 */
export function commonLength(a: readonly string[], b: readonly string[], atLeast = 0): number {
  const n = a.length;
  const m = b.length;
  // Each difference is a token of one list without its match in the other: n + m − 2 × common.
  const maxD = n + m - 2 * Math.max(0, atLeast);
  if (maxD < 0) return -1;
  const offset = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  for (let d = 0; d <= maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return (n + m - d) / 2;
    }
  }
  return -1;
}

/**
 * How alike two passages are, from 0 to 1, is their similarity: twice the
 * words they share in order, over the words of both (the Dice coefficient of
 * their longest common subsequence, {@link commonLength}). One corrected
 * word in a sentence of ten: 0.9.
 *
 * Two passages at least this alike, found in consecutive versions, are one
 * passage corrected: it keeps its id. Below it, the new words are a new
 * passage with a new id, and the old id is gone (with a notice).
 */
export const SAME_PASSAGE = 0.5;

/**
 * Stricter, for a passage found far from where it stood (a sentence in
 * another paragraph) or coming back after it was removed: most of its words,
 * and at least {@link MIN_SHARED} of them.
 */
export const SAME_ELSEWHERE = 0.8;
/** Words a passage found far from where it stood must share with the one it was. */
export const MIN_SHARED = 3;

/** How strict a pairing is. */
export interface Strictness {
  /** The least similarity (see {@link SAME_PASSAGE}). */
  threshold: number;
  /** The fewest words in common, in order. */
  minShared?: number;
}

/** One candidate pairing of an old passage with a new one. */
interface Pairing {
  old: number;
  new: number;
  score: number;
}

/** A passage's tokens as a set: the k-th occurrence of a word is a token of its own, so sets count repeated words. */
function occurrences(toks: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return toks.map((t) => {
    const k = (seen.get(t) ?? 0) + 1;
    seen.set(t, k);
    return `${t}\u0000${k}`;
  });
}

/**
 * Pair old passages with new ones by content: first identical texts (in
 * order), then the most alike pairs that are `strict` enough, best first.
 * Each passage is in at most one pair.
 *
 * Every pair that can reach the threshold is considered: two passages
 * alike enough share at least threshold / 2 of the new one's words (a
 * quarter, at 0.5), so they share one of its rarest words but that many
 * less one (the prefix filter of similarity joins), and only old passages
 * holding one of those are scored.
 */
export function pairPassages(oldTexts: readonly string[], newTexts: readonly string[], strict: Strictness = { threshold: SAME_PASSAGE }): Map<number, number> {
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
  const oldSets = new Map([...oldTokens].map(([i, toks]) => [i, new Set(occurrences(toks))]));
  // Where each (word, occurrence) is among the old passages left.
  const postings = new Map<string, number[]>();
  for (const [i, set] of oldSets) {
    for (const t of set) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  }
  const candidates: Pairing[] = [];
  for (const j of newLeft) {
    const toks = tokens(newTexts[j]!);
    const occ = occurrences(toks);
    if (!occ.length) continue;
    // Rarest first: a pair at the threshold shares at least `least` of this passage's tokens, so one of its first (length − least + 1).
    occ.sort((x, y) => (postings.get(x)?.length ?? 0) - (postings.get(y)?.length ?? 0));
    const least = Math.max(1, Math.ceil((strict.threshold * occ.length) / 2));
    const prefix = occ.length - least + 1;
    const near = new Set<number>();
    for (const t of occ.slice(0, prefix)) for (const i of postings.get(t) ?? []) near.add(i);
    for (const i of near) {
      const set = oldSets.get(i)!;
      let shared = 0;
      for (const t of occ) if (set.has(t)) shared++;
      const total = occ.length + set.size;
      // Words in common in any order bound those in order from above: score only pairs that can pass.
      if ((2 * shared) / total < strict.threshold || shared < (strict.minShared ?? 0)) continue;
      const common = commonLength(oldTokens.get(i)!, toks, Math.max(Math.ceil((strict.threshold * total) / 2), strict.minShared ?? 0));
      if (common >= 0) candidates.push({ old: i, new: j, score: (2 * common) / total });
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
