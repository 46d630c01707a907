/**
 * Recurring phrases: the phrases that commentaries of two or more documents
 * put in quotation marks, and every place in the corpus where they occur,
 * quoted or used, in a statement or a commentary, with the same matching as
 * quote tracing (src/lib/notes/trace.ts): every content word, up to
 * inflection, in order, with gaps of up to three words.
 *
 * Only phrases of two or more content words count: one shared word
 * ("concerns") says little about a shared framing. A phrase's identity is its
 * content words' stems (`china threat theory`), so "exacerbating tension"
 * and "exacerbated tensions" are one phrase, and its page's slug comes from
 * them: it does not change as the corpus grows.
 *
 * A phrase recurs when two documents quote it, not when one quotes it and
 * its words happen to occur elsewhere: every quoted phrase of common words
 * occurs in more documents as the corpus grows, so that rule made the
 * phrases, their places and their pages grow with the square of the corpus
 * (185,000 places on 7,500 pages at 20,000 documents); the framings that
 * commentaries repeat stay a few hundred, and their places grow with it.
 *
 * The work is linear in the corpus and needs one document at a time
 * ({@link PhraseSource}), so the documents of a sharded build can be read
 * shard by shard: a first pass gathers the quoted phrases, a second looks
 * for them in each document's words, where a phrase can start.
 */
import { VOICE_LIST, type Voice } from '../seed/document.ts';
import { partOf, type SeedDocument } from '../seed/parse.ts';
import { slugOf } from '../common/slug.ts';
import { MAX_GAP, STOPWORDS, wordsOf, type TracedQuote } from '../notes/trace.ts';

/** What the phrase finder needs of a document: its quotes and its voices' text, sentence by sentence. */
export interface PhraseSource {
  slug: string;
  title: string;
  lang: string;
  /** The commentary's quoted phrases: their text and where they start in the document's text. */
  quotes: { text: string; start: number }[];
  /** The statement and the commentary: where each starts in the document's text, its text, and its sentences. */
  parts: { voice: Voice; start: number; text: string; sentences: { id: string; paragraphId: string; start: number; end: number }[] }[];
}

/** What the phrase finder's first pass reads of a document: its quoted phrases. */
export type QuoteSource = Pick<PhraseSource, 'slug' | 'quotes'>;

/**
 * The documents, for each of the finder's two passes, yielded afresh at each
 * call: their quotes (a sharded build's assemble step reads them from a small
 * file of each shard's, not from its documents' whole text), then their
 * whole sources.
 */
export interface PhrasePasses {
  quotes: () => Iterable<QuoteSource>;
  sources: () => Iterable<PhraseSource>;
}

/** A document with its traced quotes, as the phrase finder reads it (see {@link phraseSource}). */
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

/** A phrase two or more documents quote. */
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
/** The least number of documents that quote a phrase for it to recur. */
export const MIN_QUOTING_DOCUMENTS = 2;
/**
 * Where a shard build leaves its documents' {@link PhraseSource}s, for `npm
 * run assemble` to find the corpus's phrases: JSON Lines, one document a
 * line, so the assemble step parses one document at a time and its objects
 * die young (one array of a shard's 10,000 documents, 56 MB, lived until the
 * shard was done, in the old space).
 */
export const SHARD_PHRASES = 'shard-phrases.jsonl';
/** Where it leaves their {@link QuoteSource}s, which the finder's first pass reads. */
export const SHARD_QUOTES = 'shard-quotes.json';

/** A quoted phrase's key: its content words' stems (undefined when it has too few to count). */
function phraseKey(text: string): string | undefined {
  const stems = wordsOf(text, 0, text.length)
    .filter((w) => !STOPWORDS.has(w.lower))
    .map((w) => w.stem);
  return stems.length < MIN_CONTENT_WORDS ? undefined : stems.join(' ');
}

/** What the phrase finder's first pass reads of a document: its slug and quoted phrases. */
export const quoteSource = (d: PhraseDocument): QuoteSource => ({ slug: d.slug, quotes: d.traces.map((t) => ({ text: t.text, start: t.start })) });

/** What the phrase finder reads of a document: its quotes, and its statement and commentary with their sentences. */
export function phraseSource(d: PhraseDocument): PhraseSource {
  const parts: PhraseSource['parts'] = [];
  for (const voice of VOICE_LIST) {
    const part = partOf(d.doc, voice);
    if (!part) continue;
    const sentences = part.paragraphs.flatMap((p) => p.sentences.map((s) => ({ id: s.id, paragraphId: p.id, start: s.start, end: s.end })));
    parts.push({ voice, start: part.start, text: d.doc.text.slice(part.start, part.end), sentences });
  }
  return { ...quoteSource(d), title: d.title, lang: d.doc.lang, parts };
}

/**
 * Find the recurring phrases of a corpus. `passes` yields every document,
 * afresh for each of the two passes (one document at a time is all it
 * needs). `order` gives a document's place in the list (by default, the
 * order the first pass yields them in): occurrences follow it, and a phrase
 * is written as the earliest document that quotes it writes it.
 */
/**
 * What {@link recurringPhrases} found in each document, kept for its next
 * call (in `astro dev`, after an edit): a document whose source is the same
 * object is not read again while the quoted phrases are the same.
 */
export interface PhraseMemo {
  /** The phrases looked for, by key: when they change, nothing found before is kept. */
  keys?: string;
  found: WeakMap<PhraseSource, { p: number; occurrence: Occurrence }[]>;
}

/** A memo for {@link recurringPhrases}' next calls. */
export const phraseMemo = (): PhraseMemo => ({ found: new WeakMap() });

export function recurringPhrases(passes: PhrasePasses, order?: (slug: string) => number, memo?: PhraseMemo): PhraseIndex {
  let n = 0;
  const yielded = new Map<string, number>();
  const place = order ?? ((slug: string) => yielded.get(slug) ?? (yielded.set(slug, n++), n - 1));
  // 1. The quoted phrases: by key, the documents quoting each and the earliest one's spelling.
  const quoted = new Map<string, { text: string; at: number; docs: Set<string> }>();
  const quotes: { slug: string; start: number; key: string }[] = [];
  for (const d of passes.quotes()) {
    const at = place(d.slug);
    for (const q of d.quotes) {
      const key = phraseKey(q.text);
      if (!key) continue;
      quotes.push({ slug: d.slug, start: q.start, key });
      const entry = quoted.get(key) ?? { text: q.text, at, docs: new Set<string>() };
      if (at < entry.at) Object.assign(entry, { text: q.text, at });
      entry.docs.add(d.slug);
      quoted.set(key, entry);
    }
  }
  const keys = [...quoted].filter(([, q]) => q.docs.size >= MIN_QUOTING_DOCUMENTS).map(([key]) => key);
  if (!keys.length) return { phrases: [], byQuote: new Map() };

  // Every stem of a phrase gets a number; each phrase is looked for where its first word is.
  const ids = new Map<string, number>();
  const wants = keys.map((key) => key.split(' ').map((s) => (ids.has(s) ? ids.get(s)! : (ids.set(s, ids.size), ids.size - 1))));
  const byFirst = new Map<number, number[]>();
  wants.forEach((want, p) => {
    const list = byFirst.get(want[0]!);
    if (list) list.push(p);
    else byFirst.set(want[0]!, [p]);
  });

  // 2. Each document's places, one document at a time.
  const found = keys.map(() => ({ occurrences: [] as Occurrence[], docs: 0 }));
  if (memo && memo.keys !== keys.join('\n')) Object.assign(memo, { keys: keys.join('\n'), found: new WeakMap() });
  for (const d of passes.sources()) {
    let places = memo?.found.get(d);
    if (!places) {
      places = placesIn(d, ids, byFirst, wants);
      memo?.found.set(d, places);
    }
    const inDoc = new Set<number>();
    for (const { p, occurrence } of places) {
      inDoc.add(p);
      found[p]!.occurrences.push(occurrence);
    }
    for (const p of inDoc) found[p]!.docs++;
  }

  const phrases: RecurringPhrase[] = keys.map((key, p) => ({
    key,
    slug: phraseSlug(key),
    text: quoted.get(key)!.text,
    documents: found[p]!.docs,
    // In the documents' order (a stable sort: within a document, as found).
    occurrences: found[p]!.occurrences.sort((a, b) => place(a.slug) - place(b.slug)),
  }));
  phrases.sort((a, b) => b.documents - a.documents || b.occurrences.length - a.occurrences.length || (a.key < b.key ? -1 : 1));

  const byKey = new Map(phrases.map((p) => [p.key, p]));
  const byQuote = new Map<string, Map<number, RecurringPhrase>>();
  for (const q of quotes) {
    const phrase = byKey.get(q.key);
    if (!phrase) continue;
    if (!byQuote.has(q.slug)) byQuote.set(q.slug, new Map());
    byQuote.get(q.slug)!.set(q.start, phrase);
  }
  return { phrases, byQuote };
}

/**
 * The places in one document where the phrases (`wants`, each its stems'
 * numbers in `ids`, found by their first in `byFirst`) occur, each with the
 * phrase's number, in the order they stand.
 */
function placesIn(
  d: PhraseSource,
  ids: ReadonlyMap<string, number>,
  byFirst: ReadonlyMap<number, readonly number[]>,
  wants: readonly (readonly number[])[],
): { p: number; occurrence: Occurrence }[] {
  const places: { p: number; occurrence: Occurrence }[] = [];
  for (const part of d.parts) {
    // The part's words as quote tracing reads them (offsets within the part's text), each its stem's number.
    const words = wordsOf(part.text, 0, part.text.length);
    const codes = Int32Array.from(words, (w) => ids.get(w.stem) ?? -1);
    // A phrase's places do not overlap, as a reader would count them.
    const lastTo = new Map<number, number>();
    for (let from = 0; from < codes.length; from++) {
      for (const p of byFirst.get(codes[from]!) ?? []) {
        if (from <= (lastTo.get(p) ?? -1)) continue;
        const to = matchAt(codes, from, wants[p]!);
        if (to < 0) continue;
        lastTo.set(p, to);
        const [start, end] = [part.start + words[from]!.start, part.start + words[to]!.end];
        const sentence = part.sentences.find((s) => start >= s.start && start < s.end);
        if (!sentence) continue;
        places.push({
          p,
          occurrence: {
            slug: d.slug,
            title: d.title,
            lang: d.lang,
            voice: part.voice,
            paragraphId: sentence.paragraphId,
            sentenceId: sentence.id,
            sentence: detached(part.text.slice(sentence.start - part.start, sentence.end - part.start)),
            markStart: start - sentence.start,
            markEnd: end - sentence.start,
            quoted: d.quotes.some((q) => q.start <= start && end <= q.start + q.text.length + 1),
          },
        });
      }
    }
  }
  return places;
}

/**
 * A copy of `slice` that does not keep the string it was cut from alive (V8
 * keeps a slice as a view of its parent): an occurrence would otherwise hold
 * its document's whole voice in memory for as long as the phrase pages are
 * built, every document of a 100,000-document corpus.
 */
const detached = (slice: string): string => ` ${slice}`.slice(1);

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
