/**
 * Pagefind excerpts and query terms as plain data, so the search UI can build
 * its DOM from text nodes only (never `innerHTML`), and the landing script can
 * mark terms in a passage.
 */

/** A run of excerpt text, marked when Pagefind matched it. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'" };

/** Split a Pagefind excerpt (escaped text with `<mark>` tags) into parts. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const re = /<mark>(.*?)<\/mark>/gsu;
  let at = 0;
  for (const m of excerpt.matchAll(re)) {
    if (m.index > at) parts.push({ text: decode(excerpt.slice(at, m.index)), marked: false });
    // Pagefind marks a word with its punctuation ("airspace,"); mark the word alone.
    const [, lead, word, trail] = /^(\p{P}*)(.*?)(\p{P}*)$/su.exec(decode(m[1]!))!;
    parts.push({ text: lead!, marked: false }, { text: word!, marked: true }, { text: trail!, marked: false });
    at = m.index + m[0].length;
  }
  if (at < excerpt.length) parts.push({ text: decode(excerpt.slice(at)), marked: false });
  // Join neighbours of the same kind, so the parts alternate.
  const joined: ExcerptPart[] = [];
  for (const p of parts) {
    if (p.text === '') continue;
    const last = joined.at(-1);
    if (last && last.marked === p.marked) last.text += p.text;
    else joined.push({ ...p });
  }
  return joined;
}

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/gu, (_, name: string) => ENTITIES[name]!);
}

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
    const spaced = !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(term);
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
