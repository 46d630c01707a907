/**
 * Recurring phrases: the phrases commentaries put in quotation marks,
 * looked up in every document's statement and commentary, with the same
 * matching as quote tracing (src/lib/notes/trace.ts): every content word, up to
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
 * once, with an index of where each phrase word occurs; a phrase is looked
 * for only where its first word is.
 */
import { type Voice } from '../seed/document.ts';
import { partOf, type SeedDocument } from '../seed/parse.ts';
import { slugOf } from '../common/slug.ts';
import { MAX_GAP, STOPWORDS, wordsOf, type TracedQuote, type Word } from '../notes/trace.ts';

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

  // Every stem of a phrase gets a number; other words are -1 (they can only fill gaps). Each part
  // (a document's statement or commentary) keeps only numbers and offsets, not its words as objects.
  const ids = new Map<string, number>();
  for (const { stems } of quoted.values()) for (const s of stems) if (!ids.has(s)) ids.set(s, ids.size);
  const voices: Voice[] = ['statement', 'commentary'];
  const parts = docs.flatMap((d) =>
    voices.map((voice) => {
      const part = partOf(d.doc, voice);
      if (!part) return undefined;
      const words = wordsOf(d.doc.text, part.start, part.end);
      const codes = new Int32Array(words.length);
      const starts = new Int32Array(words.length);
      const ends = new Int32Array(words.length);
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        codes[i] = ids.get(w.stem) ?? -1;
        starts[i] = w.start;
        ends[i] = w.end;
      }
      return { codes, starts, ends };
    }),
  );
  // Where each numbered stem occurs: (part, word) pairs grouped by stem, in corpus order.
  const counts = new Int32Array(ids.size + 1);
  for (const part of parts) {
    if (!part) continue;
    for (let i = 0; i < part.codes.length; i++) if (part.codes[i]! >= 0) counts[part.codes[i]! + 1]!++;
  }
  for (let c = 1; c <= ids.size; c++) counts[c]! += counts[c - 1]!;
  const fill = counts.slice(0, ids.size);
  const occPart = new Int32Array(counts[ids.size]!);
  const occWord = new Int32Array(counts[ids.size]!);
  parts.forEach((part, pi) => {
    if (!part) return;
    for (let wi = 0; wi < part.codes.length; wi++) {
      const c = part.codes[wi]!;
      if (c < 0) continue;
      occPart[fill[c]!] = pi;
      occWord[fill[c]!++] = wi;
    }
  });

  const phrases: RecurringPhrase[] = [];
  for (const [key, { stems, text }] of quoted) {
    const want = stems.map((s) => ids.get(s)!);
    // Look only where the phrase's rarest word is: a match starts at most MAX_GAP + 1 words a word before it.
    let anchor = 0;
    for (let k = 1; k < want.length; k++) if (counts[want[k]! + 1]! - counts[want[k]!]! < counts[want[anchor]! + 1]! - counts[want[anchor]!]!) anchor = k;
    const starts = new Set<number>();
    const found: { pi: number; from: number; to: number }[] = [];
    for (let k = counts[want[anchor]!]!; k < counts[want[anchor]! + 1]!; k++) {
      const pi = occPart[k]!;
      const at = occWord[k]!;
      const codes = parts[pi]!.codes;
      for (let from = Math.max(0, at - anchor * (MAX_GAP + 1)); from <= at; from++) {
        if (codes[from] !== want[0] || starts.has(pi * 2 ** 32 + from)) continue;
        const to = matchAt(codes, from, want);
        if (to < 0) continue;
        starts.add(pi * 2 ** 32 + from);
        found.push({ pi, from, to });
      }
    }
    // In corpus order, and not overlapping (as a reader would count them).
    found.sort((a, b) => a.pi - b.pi || a.from - b.from);
    for (let i = 1; i < found.length; i++) {
      if (found[i]!.pi === found[i - 1]!.pi && found[i]!.from <= found[i - 1]!.to) found.splice(i--, 1);
    }
    const inDocs = new Set(found.map((f) => f.pi >> 1));
    if (inDocs.size < minDocuments) continue;
    const occurrences: Occurrence[] = [];
    for (const { pi, from, to } of found) {
      const d = docs[pi >> 1]!;
      const voice = voices[pi & 1]!;
      const start = parts[pi]!.starts[from]!;
      const end = parts[pi]!.ends[to]!;
      const where = sentenceAt(d.doc, voice, start);
      if (!where) continue;
      occurrences.push({
        slug: d.slug,
        title: d.title,
        lang: d.doc.lang,
        voice,
        paragraphId: where.paragraphId,
        sentenceId: where.id,
        sentence: d.doc.text.slice(where.start, where.end),
        markStart: start - where.start,
        markEnd: end - where.start,
        quoted: d.traces.some((t) => t.start <= start && end <= t.start + t.text.length + 1),
      });
    }
    phrases.push({ key, slug: phraseSlug(key), text, documents: inDocs.size, occurrences });
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
  return slugOf(key, 'phrase');
}

/**
 * Where a match of `want` (content-word numbers) that starts at word `from`
 * ends: each word in order, within {@link MAX_GAP} words of the one before;
 * -1 when there is none.
 */
export function matchAt(codes: Int32Array, from: number, want: readonly number[]): number {
  if (codes[from] !== want[0]) return -1;
  let at = from;
  for (let k = 1; k < want.length; k++) {
    let next = -1;
    for (let j = at + 1; j <= at + 1 + MAX_GAP && j < codes.length; j++) {
      if (codes[j] === want[k]) {
        next = j;
        break;
      }
    }
    if (next < 0) return -1;
    at = next;
  }
  return at;
}

function sentenceAt(doc: SeedDocument, voice: Voice, offset: number) {
  for (const p of partOf(doc, voice)?.paragraphs ?? []) {
    if (offset < p.start || offset >= p.end) continue;
    const s = p.sentences.find((x) => offset >= x.start && offset < x.end);
    return s && { ...s, paragraphId: p.id };
  }
  return undefined;
}
