/**
 * What a reader's query asks of the index. The commonest words of English,
 * its function words ("the", "for", "with": quote tracing's list), are in
 * nearly every passage, and Pagefind keeps every place of every word: a
 * search that names one downloads an index entry as large as the corpus (at
 * 100,000 documents, 600 KB for "for" alone), and ranks nothing by it. So
 * they are never asked of Pagefind. A query's other words are; a quoted
 * phrase that holds a function word ("door for dialogue") is asked as its
 * other words, and each passage found is kept only where the whole phrase
 * stands in it, word for word (results.ts).
 *
 * In a large index (built in parts, merged), the function words are capped
 * (capped-words.ts): a quoted phrase with one asks its places in one range
 * of pages at a time, by its alias, as it does a capped content word's, so
 * that only pages where the phrase's words stand in order are loaded.
 *
 * The commonest other words are capped in a large index (capped-words.ts):
 * their own entries say which pages hold them but not where. A query names
 * them as typed, and the passages found are searched for them in their text;
 * a quoted phrase names them by their aliases, whose entries hold their
 * places in one range of pages each, so that only pages where the phrase may
 * stand are loaded, one range at a time.
 */
import { STOPWORDS } from '../notes/trace.ts';
import { aliasOf, type CappedList } from './capped-words.ts';

/** A query as the search asks it. */
export interface PlannedQuery {
  /** What Pagefind searches; null when the query has only function words (or none). */
  pagefind: string | null;
  /** A quoted phrase with a function word: its words, lowercased, which a passage must hold in this order. */
  phrase?: string[] | undefined;
  /** The offsets in `phrase` of the words `pagefind` asks for their places (by default its words but function words). */
  placed?: number[] | undefined;
  /** The words passages are ranked and marked by, lowercased: the query's words but its function words. */
  terms: string[];
  /** The function words left out. */
  common: string[];
  /** The query's terms that reach capped words, with those words: their places are found in a passage's text. */
  unplaced: UnplacedTerm[];
  /** When `pagefind` names capped words by their aliases (for the first range of pages): the next ranges' searches. */
  more?: string[] | undefined;
  /** When `pagefind` names capped words by their aliases: the same search without them, should no range find anything. */
  plain?: string | undefined;
}

/** A term whose places Pagefind may not give (see {@link cappedWordsOf}). */
export interface UnplacedTerm {
  term: string;
  /** The capped index words it reaches. */
  capped: string[];
}

/**
 * The capped index words (stems, as Pagefind indexes them: "minist") a typed
 * term reaches as Pagefind matches it: those it begins (a word typed so far)
 * and those it extends ("minister", "ministers" → "minist"; "policy" →
 * "polici"). Generous: a word wrongly taken for one of them costs only a
 * search of the passages' text, or a second search (see `plain`): a word
 * that is not capped but extends one ("statement", "state" capped) has an
 * empty alias in each range (the merger writes one: merge.ts), so its
 * phrase's search finds nothing in any range and is searched as typed.
 */
export function cappedWordsOf(term: string, capped: Iterable<string>): string[] {
  const t = bare(term);
  if (!t) return [];
  const out: string[] = [];
  for (const c of capped) if (c.startsWith(t) || (c.length >= 3 && beginsWithStem(t, c))) out.push(c);
  return out;
}

/** Whether a word (lowercased) begins with a stem as Pagefind's English stemmer writes it: "policy" with "polici". */
export const beginsWithStem = (word: string, stem: string): boolean =>
  word.startsWith(stem) || (stem.endsWith('i') && word.startsWith(`${stem.slice(0, -1)}y`));

/** A token's letters and digits, lowercased: how it is compared with the function words and a passage's words. */
const bare = (token: string) => (token.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join('');
/** Whether a token is a function word. */
export const isCommonWord = (token: string): boolean => STOPWORDS.has(bare(token));

/**
 * Plan a query (as typed: a whole query in double quotation marks is a phrase, as Pagefind reads it), for an
 * index whose `capped` words (its `capped.json`) have no places under their own keys.
 */
export function planQuery(query: string, capped: CappedList = { ranges: 1, words: [] }): PlannedQuery {
  const quoted = /^\s*["“”](.+)["“”]\s*$/su.exec(query);
  const tokens = (quoted ? quoted[1]! : query).split(/\s+/u).filter((t) => bare(t) !== '');
  const kept = tokens.filter((t) => !isCommonWord(t));
  const common = [...new Set(tokens.filter(isCommonWord).map(bare))];
  const terms = [...new Set(kept.flatMap((t) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []))];
  const list = capped.words;
  // A content word never reaches a capped function word ("Washington" is not "was"): those are asked only as typed.
  const contentCapped = list.filter((w) => !STOPWORDS.has(w));
  const unplaced = terms.flatMap((term) => {
    const words = cappedWordsOf(term, contentCapped);
    return words.length ? [{ term, capped: words }] : [];
  });
  if (!kept.length) return { pagefind: null, terms, common, unplaced };
  if (!quoted) return { pagefind: kept.join(' '), terms, common, unplaced };
  // A function word of a large index is capped too: its places are under its aliases, a range of pages each.
  const commonCapped = (t: string) => isCommonWord(t) && list.includes(bare(t));
  if (unplaced.length || tokens.some(commonCapped)) {
    // A phrase with a capped word: its places are under its aliases, a range of pages each, searched in turn, so
    // that only pages where its words stand as in the phrase are loaded; the phrase is checked in the text.
    const searched = (t: string) => !isCommonWord(t) || commonCapped(t);
    const inRange = (k: number) =>
      tokens
        .filter(searched)
        .map((t) => (commonCapped(t) || cappedWordsOf(t, contentCapped).length ? aliasOf(bare(t), k) : t))
        .join(' ');
    const [first, ...more] = Array.from({ length: Math.max(1, capped.ranges) }, (_, k) => inRange(k));
    const placed = tokens.flatMap((t, i) => (searched(t) ? [i] : []));
    return { pagefind: first!, phrase: tokens.map(bare), placed, terms, common, unplaced, more, plain: kept.join(' ') };
  }
  // A phrase of content words only is Pagefind's own exact search.
  if (!common.length) return { pagefind: `"${kept.join(' ')}"`, terms, common, unplaced };
  return { pagefind: kept.join(' '), phrase: tokens.map(bare), terms, common, unplaced };
}

/**
 * Whether a result's matched word places (Pagefind's `locations`) may hold the
 * phrase: its words that Pagefind searched (all but its function words), each
 * at its offset in the phrase from the first. Checked before a result's text
 * is loaded; the text decides. (Where capped function words were searched too,
 * each word's own places say it: {@link holdsInOrder}.)
 */
export function mayHoldPhrase(locations: readonly number[], phrase: readonly string[]): boolean {
  const offsets = phrase.flatMap((w, i) => (STOPWORDS.has(w) ? [] : [i]));
  if (offsets.length < 2) return true;
  const at = new Set(locations);
  return locations.some((a) => offsets.every((o) => at.has(a + o - offsets[0]!)));
}

/**
 * Whether a page may hold the phrase, from each searched word's own places
 * in it (`places[j]`: those of the word at offset `offsets[j]` of the phrase,
 * as Pagefind gives them for that word alone): every word at its offset from
 * the first, in order. Checked before the page's text is loaded; the text
 * decides.
 */
export function holdsInOrder(places: readonly (readonly number[])[], offsets: readonly number[]): boolean {
  const sets = places.map((p) => new Set(p));
  return (places[0] ?? []).some((a) => offsets.every((o, j) => sets[j]!.has(a + o - offsets[0]!)));
}

/**
 * Whether `after` is `before` with one character typed or deleted (anywhere
 * in it): a keystroke, after which more keystrokes are likely, so the search
 * waits a moment for them. Any other change (a paste, a query from a link, a
 * word chosen from the browser's suggestions, the box cleared) is a whole
 * query, searched at once.
 */
export function isKeystroke(before: string, after: string): boolean {
  const [short, long] = before.length < after.length ? [before, after] : [after, before];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}
