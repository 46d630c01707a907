/**
 * Recurring phrases: the phrases commentaries put in quotation marks,
 * looked up in every document's statement and commentary, with the same
 * matching as quote tracing (src/lib/trace.ts): every content word, up to
 * inflection, in order, with gaps of up to three words. A phrase found in
 * two or more documents recurs; its page lists every place it occurs.
 *
 * Only phrases of two or more content words count: one shared word
 * ("concerns") says little about a shared framing. A phrase's identity is its
 * content words' stems (`china threat theory`), so "exacerbating tension"
 * and "exacerbated tensions" are one phrase, and its page's slug comes from
 * them: it does not change as the corpus grows.
 *
 * The work is linear in the corpus: each document's words become numbers
 * once; a phrase is looked for only in the documents that hold all its
 * content words.
 */
import type { Voice } from './addresses.ts';
import { partOf, type SeedDocument } from './parse.ts';
import { slugify } from './slug.ts';
import { MAX_GAP, STOPWORDS, wordsOf, type TracedQuote, type Word } from './trace.ts';

/** What the phrase finder needs of a document. */
export interface PhraseDocument {
  slug: string;
  title: string;
  doc: SeedDocument;
  traces: readonly Pick<TracedQuote, 'text' | 'start'>[];
}

/** One place a phrase occurs. */
export interface Occurrence {
  slug: string;
  title: string;
  /** The document's language. */
  lang: string;
  voice: Voice;
  paragraphId: string;
  /** The sentence (`c1.3`) holding it. */
  sentenceId: string;
  /** The sentence's text, and where the phrase is in it. */
  sentence: string;
  markStart: number;
  markEnd: number;
  /** Whether this is the commentary quoting it (in quotation marks), not a use of the words. */
  quoted: boolean;
}

/** A phrase found in two or more documents. */
export interface RecurringPhrase {
  /** Its content words' stems, space-separated: its identity. */
  key: string;
  /** The page's slug, from the key. */
  slug: string;
  /** The phrase as the earliest document that quotes it writes it. */
  text: string;
  /** How many documents it occurs in. */
  documents: number;
  /** Every occurrence, in the documents' order. */
  occurrences: Occurrence[];
}

/** The recurring phrases, and for each document's quoted phrases (by the quote's start), its phrase. */
export interface PhraseIndex {
  /** Most recurrent first (by documents, then occurrences, then key). */
  phrases: RecurringPhrase[];
  /** `slug` → quote start → phrase: for a reading page's "in N other documents". */
  byQuote: Map<string, Map<number, RecurringPhrase>>;
}

/** The least number of content words a phrase needs to count. */
export const MIN_CONTENT_WORDS = 2;

const contentStems = (words: Word[]) => words.filter((w) => !STOPWORDS.has(w.lower)).map((w) => w.stem);

/** Find every recurring phrase of the corpus (documents in list order). */
export function recurringPhrases(docs: readonly PhraseDocument[], minDocuments = 2): PhraseIndex {
  // The quoted phrases, by key, with the first spelling seen.
  const quoted = new Map<string, { stems: string[]; text: string }>();
  for (const d of docs) {
    for (const t of d.traces) {
      const stems = contentStems(wordsOf(t.text, 0, t.text.length));
      if (stems.length < MIN_CONTENT_WORDS) continue;
      const key = stems.join(' ');
      if (!quoted.has(key)) quoted.set(key, { stems, text: t.text });
    }
  }
  if (quoted.size === 0) return { phrases: [], byQuote: new Map() };

  // Every stem of a phrase gets a number; other words are -1 (they can only fill gaps).
  const ids = new Map<string, number>();
  for (const { stems } of quoted.values()) for (const s of stems) if (!ids.has(s)) ids.set(s, ids.size);
  const postings: number[][] = Array.from({ length: ids.size }, () => []);
  const voices: Voice[] = ['statement', 'commentary'];
  const coded = docs.map((d, di) =>
    voices.map((voice) => {
      const part = partOf(d.doc, voice);
      if (!part) return undefined;
      // Numbers and offsets only: the corpus's words are not kept as objects.
      const words = wordsOf(d.doc.text, part.start, part.end);
      const codes = Int32Array.from(words, (w) => ids.get(w.stem) ?? -1);
      const starts = Int32Array.from(words, (w) => w.start);
      const ends = Int32Array.from(words, (w) => w.end);
      for (const c of codes) if (c >= 0 && postings[c]!.at(-1) !== di) postings[c]!.push(di);
      return { codes, starts, ends };
    }),
  );

  const phrases: RecurringPhrase[] = [];
  for (const [key, { stems, text }] of quoted) {
    const want = stems.map((s) => ids.get(s)!);
    // Only documents holding every content word can hold the phrase.
    const lists = [...new Set(want)].map((c) => postings[c]!).sort((a, b) => a.length - b.length);
    const candidates = lists[0]!.filter((di) => lists.every((l) => l === lists[0] || binaryHas(l, di)));
    if (candidates.length < minDocuments) continue;
    const occurrences: Occurrence[] = [];
    const inDocs = new Set<number>();
    for (const di of candidates) {
      const d = docs[di]!;
      coded[di]!.forEach((part, vi) => {
        if (!part) return;
        for (const [from, to] of matches(part.codes, want)) {
          const start = part.starts[from]!;
          const end = part.ends[to]!;
          const where = sentenceAt(d.doc, voices[vi]!, start);
          if (!where) continue;
          inDocs.add(di);
          occurrences.push({
            slug: d.slug,
            title: d.title,
            lang: d.doc.lang,
            voice: voices[vi]!,
            paragraphId: where.paragraphId,
            sentenceId: where.id,
            sentence: d.doc.text.slice(where.start, where.end),
            markStart: start - where.start,
            markEnd: end - where.start,
            quoted: d.traces.some((t) => t.start <= start && end <= t.start + t.text.length + 1),
          });
        }
      });
    }
    if (inDocs.size >= minDocuments) phrases.push({ key, slug: phraseSlug(key), text, documents: inDocs.size, occurrences });
  }
  phrases.sort((a, b) => b.documents - a.documents || b.occurrences.length - a.occurrences.length || (a.key < b.key ? -1 : 1));

  const byKey = new Map(phrases.map((p) => [p.key, p]));
  const byQuote = new Map<string, Map<number, RecurringPhrase>>();
  for (const d of docs) {
    for (const t of d.traces) {
      const phrase = byKey.get(contentStems(wordsOf(t.text, 0, t.text.length)).join(' '));
      if (!phrase) continue;
      if (!byQuote.has(d.slug)) byQuote.set(d.slug, new Map());
      byQuote.get(d.slug)!.set(t.start, phrase);
    }
  }
  return { phrases, byQuote };
}

/** The slug of a phrase's page, from its key. */
export function phraseSlug(key: string): string {
  const slug = slugify(`${key}.x`);
  return slug.startsWith('doc-') ? `phrase-${slug.slice(4)}` : slug;
}

/**
 * Every match of `want` (content-word numbers) in `codes`, as word ranges:
 * the words in order, each within {@link MAX_GAP} words of the one before.
 */
export function matches(codes: Int32Array, want: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] !== want[0]) continue;
    let at = i;
    let ok = true;
    for (let k = 1; k < want.length && ok; k++) {
      let next = -1;
      for (let j = at + 1; j <= at + 1 + MAX_GAP && j < codes.length; j++) {
        if (codes[j] === want[k]) {
          next = j;
          break;
        }
      }
      if (next < 0) ok = false;
      else at = next;
    }
    if (ok) {
      out.push([i, at]);
      i = at;
    }
  }
  return out;
}

function binaryHas(sorted: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === x) return true;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function sentenceAt(doc: SeedDocument, voice: Voice, offset: number) {
  for (const p of partOf(doc, voice)?.paragraphs ?? []) {
    if (offset < p.start || offset >= p.end) continue;
    const s = p.sentences.find((x) => offset >= x.start && offset < x.end);
    return s && { ...s, paragraphId: p.id };
  }
  return undefined;
}
