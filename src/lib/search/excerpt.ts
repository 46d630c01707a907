/**
 * Query terms, and where they occur in a text: the search UI marks them in
 * its results (src/lib/search/results.ts cuts the excerpts), and the landing
 * script marks them in the passage a reader opens.
 */
import { writtenWithoutSpaces } from '../seed/language.ts';

/**
 * Where the terms occur in `text`: ranges of whole words that start with a
 * term (so "radar" marks "radar" and "radars"), and of any occurrence for
 * scripts written without spaces (Chinese, Japanese). Sorted, not overlapping.
 */
export function termRanges(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const lower = text.toLowerCase();
  for (const term of terms) {
    if (!term) continue;
    const spaced = !writtenWithoutSpaces(term);
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
      if (spaced && at > 0 && /[\p{L}\p{N}]/u.test(lower[at - 1]!)) continue;
      let end = at + term.length;
      if (spaced) while (end < lower.length && /[\p{L}\p{N}]/u.test(lower[end]!)) end++;
      ranges.push({ start: at, end });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}
