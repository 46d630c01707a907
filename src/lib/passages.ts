/**
 * Search passages: one record per paragraph of one voice of one document,
 * in the shape Pagefind's `addCustomRecord` takes. Pure data; the Pagefind
 * integration writes them into the index.
 */
import { partOf, type Paragraph, type SeedDocument } from './parse.ts';

/** The voices a passage can belong to, with the labels readers see. */
export const VOICES = { statement: 'Statement', commentary: 'Commentary' } as const;
export type Voice = keyof typeof VOICES;

/** One searchable passage, as Pagefind's custom record. */
export interface PassageRecord {
  url: string;
  content: string;
  language: string;
  meta: {
    /** "<document title> · Statement S1" */
    title: string;
    document: string;
    voice: string;
    paragraph: string;
    /** Where each sentence starts in `content`: "s1.1:0 s1.2:73 …". */
    sentences: string;
  };
  filters: Record<string, string[]>;
}

/** What a document contributes to search. */
export interface PassageSource {
  slug: string;
  title: string;
  doc: SeedDocument;
  /** Who is quoted, when known. */
  speaker?: string | undefined;
}

/** The passages of one document, statement first, in reading order. */
export function passageRecords({ slug, title, doc, speaker }: PassageSource): PassageRecord[] {
  const records: PassageRecord[] = [];
  for (const voice of Object.keys(VOICES) as Voice[]) {
    for (const p of partOf(doc, voice)?.paragraphs ?? []) records.push(record(slug, title, doc.lang, voice, p, speaker));
  }
  return records;
}

function record(slug: string, title: string, language: string, voice: Voice, p: Paragraph, speaker?: string): PassageRecord {
  const label = `${VOICES[voice]} ${p.id.toUpperCase()}`;
  return {
    url: `/${slug}/#${p.id}`,
    content: p.text,
    language,
    meta: {
      title: `${title} · ${label}`,
      document: title,
      voice: VOICES[voice],
      paragraph: p.id,
      sentences: p.sentences.map((s) => `${s.id}:${s.start - p.start}`).join(' '),
    },
    filters: {
      voice: [VOICES[voice]],
      document: [title],
      ...(speaker ? { speaker: [speaker] } : {}),
    },
  };
}

/** One Pagefind bundle per language, so each is segmented as its language needs. */
export interface IndexBundle {
  language: string;
  /** The bundle's folder in the site, e.g. `/pagefind/`, `/pagefind-zh/`. */
  path: string;
}

/**
 * Where each language's passages are indexed: English (or, without English,
 * the first language) in `/pagefind/`, the loaded one; every other language
 * in `/pagefind-<lang>/`, merged into searches with Pagefind's `mergeIndex`.
 */
export function indexBundles(languages: Iterable<string>): IndexBundle[] {
  const langs = [...new Set(languages)].sort();
  const primary = langs.includes('en') ? 'en' : langs[0];
  if (!primary) return [];
  return [primary, ...langs.filter((l) => l !== primary)].map((language, i) => ({
    language,
    path: i === 0 ? '/pagefind/' : `/pagefind-${language}/`,
  }));
}

/**
 * The sentence of a passage that holds most of the matched words, so a
 * result can link to it rather than to the whole paragraph. `marked` are the
 * words Pagefind marked in the passage (its excerpt's `<mark>` contents).
 */
export function bestSentence(content: string, sentences: string, marked: readonly string[]): string | undefined {
  const starts = sentences
    .split(' ')
    .filter(Boolean)
    .map((pair) => {
      const colon = pair.lastIndexOf(':');
      return { id: pair.slice(0, colon), start: Number(pair.slice(colon + 1)) };
    });
  const words = [...new Set(marked.map((w) => w.toLowerCase()).filter(Boolean))];
  if (starts.length === 0 || words.length === 0) return undefined;
  let best: { id: string; score: number } | undefined;
  starts.forEach((s, i) => {
    const text = content.slice(s.start, starts[i + 1]?.start ?? content.length).toLowerCase();
    // Each distinct term counts most; repeats break ties.
    let score = 0;
    for (const w of words) {
      const n = text.split(w).length - 1;
      if (n > 0) score += 100 + n;
    }
    if (score > 0 && (!best || score > best.score)) best = { id: s.id, score };
  });
  return best?.id;
}
