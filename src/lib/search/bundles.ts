/**
 * What the search index holds, as plain data: every passage (one paragraph
 * of one voice) of every document, grouped into Pagefind pages.
 *
 * Pagefind's browser runtime downloads one metadata entry per page before
 * the first search, so one page per passage costs 6–7 bytes × 45,000 pages
 * at 10,000 documents. Here a page ("bundle") holds the passages of one
 * voice of a few consecutive documents, each passage marked by an anchor
 * whose title carries what a result needs (document, paragraph, sentence
 * starts). Pagefind ranks bundles; the search UI splits each loaded bundle
 * into passages again (src/lib/search/results.ts), so a result is still one
 * passage linking to its best sentence.
 */
import { VOICE_LIST, VOICES, voiceParagraphs, type Voice } from '../seed/document.ts';
import type { SeedEntry } from '../notes/entry.ts';
import { fnv1a } from '../common/hash.ts';
import { speakerKey } from '../notes/speakers.ts';
import { escapeHtml } from '../common/escape.ts';

/** One passage as the index stores it. */
export interface SearchPassage {
  voice: Voice;
  /** The paragraph id, `s1`, `c2`. */
  id: string;
  text: string;
  /** Where each sentence starts, in the passage's text with white space collapsed (see {@link collapseSpace}). */
  sentenceStarts: number[];
  /** The sentences' ids, when they are not `<paragraph id>.1`, `.2`, … (lasting ids after a correction: src/lib/history). */
  sentenceIds?: string[];
}

/** What a document contributes to search. */
export interface SearchDocument {
  slug: string;
  title: string;
  speaker?: string | undefined;
  /** The keys the speaker filter finds this document under: their name's, and every spelling the alias file gives them. */
  speakerKeys: string[];
  lang: string;
  passages: SearchPassage[];
}

/** What an anchor's title carries: the passage, and for a document's first passage in a bundle its document. */
export interface AnchorData {
  /** Paragraph id. */
  p: string;
  /** Sentence starts (collapsed text offsets). */
  o: number[];
  /** Sentence ids, when they are not `<p>.1`, `<p>.2`, …. */
  i?: string[];
  /** Document slug, title, speaker: on the document's first passage in the bundle; later passages inherit them. */
  d?: string;
  t?: string;
  s?: string;
  /** The other keys the speaker is filed under (spellings from the alias file), when there are any. */
  k?: string[];
}

/** A Pagefind page of the index: synthetic HTML that Pagefind reads with `addHTMLFile`. */
export interface BundlePage {
  url: string;
  language: string;
  voice: Voice;
  html: string;
  /** How many passages it holds. */
  passages: number;
}

/** Filters that are split over several Pagefind filter names, so a search loads only a small one. */
export const SPLIT_FILTERS = { speaker: 32, document: 64 } as const;
export type SplitFilter = keyof typeof SPLIT_FILTERS;

/** Whether a Pagefind filter name is one of the split filters' (`speaker_7`, `document_12`). */
const SPLIT_FILTER_NAME = new RegExp(`^(?:${Object.keys(SPLIT_FILTERS).join('|')})_\\d+$`, 'u');
export const isSplitFilterName = (name: string): boolean => SPLIT_FILTER_NAME.test(name);

/** The Pagefind filter name that holds `value` of a split filter: `speaker_7`. */
export function filterName(key: SplitFilter, value: string): string {
  return `${key}_${fnv1a(value) % SPLIT_FILTERS[key]}`;
}

/**
 * The Pagefind filter for a speaker: their name's key (src/lib/notes/speakers.ts),
 * so that every spelling of one speaker ("Shinjiro Koizumi", "Koizumi
 * Shinjirō") selects the same passages.
 */
export function speakerFilter(name: string): { name: string; value: string } {
  const value = speakerKey(name);
  return { name: filterName('speaker', value), value };
}

/** White space as Pagefind keeps it in a page's content: each run one space, none at the ends. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The passages of a document, statement first, in reading order. */
export function searchDocument(entry: Pick<SeedEntry, 'slug' | 'title' | 'doc' | 'meta' | 'speaker'>): SearchDocument {
  const passages: SearchPassage[] = [];
  for (const voice of VOICE_LIST) {
    for (const p of voiceParagraphs(entry.doc, voice)) {
      const numbered = p.sentences.every((s, n) => s.id === `${p.id}.${n + 1}`);
      passages.push({
        voice,
        id: p.id,
        text: p.text,
        sentenceStarts: p.sentences.map((s) => collapsedOffset(p.text, s.start - p.start)),
        ...(numbered ? {} : { sentenceIds: p.sentences.map((s) => s.id) }),
      });
    }
  }
  const speaker = entry.speaker?.name ?? entry.meta.speaker;
  const speakerKeys = speaker === undefined ? [] : [...new Set([speakerKey(speaker), ...(entry.speaker?.keys ?? [])])];
  return { slug: entry.slug, title: entry.title, speaker, speakerKeys, lang: entry.doc.lang, passages };
}

/** Where `offset` of `text` lands once white space is collapsed. */
function collapsedOffset(text: string, offset: number): number {
  return collapseSpace(`${text.slice(0, offset)}x`).length - 1;
}

/**
 * How much passage text (in characters) a bundle gathers, for a corpus of
 * `total` documents averaging `meanText` characters of passages each. Up to
 * 1,000 documents: none, so a bundle is one voice of one document. Above, a
 * first search loads about 7 bytes of metadata per bundle and then one or
 * two bundles (text compresses about 2.5 times), so its cost, at most
 * `7 · corpus / T + 2 · T / 2.5`, is least when T = √(8.75 · corpus):
 * about 16 KB at 10,000 documents, 52 KB at 100,000.
 */
export function bundleTarget(total: number, meanText: number): number {
  if (total <= 1000) return 0;
  return Math.round(Math.sqrt(8.75 * total * meanText));
}

/**
 * The bundle pages of documents in list order: each bundle the passages of
 * one voice of consecutive documents of one language, closed once it holds
 * `target` characters of text (every bundle holds at least one document).
 * `prefix` keeps the URLs of separately built shards apart.
 */
export function bundlePages(docs: readonly SearchDocument[], target: number, prefix = ''): BundlePage[] {
  const pages: BundlePage[] = [];
  const open = new Map<string, { members: { d: SearchDocument; ps: SearchPassage[] }[]; size: number }>();
  const close = (language: string, voice: Voice) => {
    const key = `${language}\u0000${voice}`;
    const b = open.get(key);
    if (!b?.members.length) return;
    open.delete(key);
    pages.push({
      url: `/_search/${prefix}${language}-${pages.length}/`,
      language,
      voice,
      html: bundleHtml(language, voice, b.members),
      passages: b.members.reduce((n, m) => n + m.ps.length, 0),
    });
  };
  for (const d of docs) {
    for (const voice of VOICE_LIST) {
      const ps = d.passages.filter((p) => p.voice === voice);
      if (!ps.length) continue;
      const key = `${d.lang}\u0000${voice}`;
      const b = open.get(key) ?? { members: [], size: 0 };
      b.members.push({ d, ps });
      b.size += ps.reduce((n, p) => n + p.text.length, 0);
      open.set(key, b);
      if (b.size >= target) close(d.lang, voice);
    }
  }
  for (const key of [...open.keys()]) {
    const [language, voice] = key.split('\u0000') as [string, Voice];
    close(language, voice);
  }
  return pages;
}

function filterTag(name: string, value: string): string {
  return `<span data-pagefind-filter="${name}[data-v]" data-v="${escapeHtml(value)}"></span>`;
}

/**
 * A bundle as HTML for Pagefind: filters as empty elements (attribute
 * values, so no filter text is indexed), then each passage's text after an
 * empty anchor. Everything is inline: Pagefind adds a period after a block
 * that lacks one, which would put a character into an excerpt that is not
 * in the seed.
 */
function bundleHtml(language: string, voice: Voice, members: { d: SearchDocument; ps: SearchPassage[] }[]): string {
  const filters = new Set<string>([filterTag('voice', VOICES[voice])]);
  for (const { d } of members) {
    for (const key of d.speakerKeys) filters.add(filterTag(filterName('speaker', key), key));
    filters.add(filterTag(filterName('document', d.slug), d.slug));
    filters.add(filterTag(filterName('document', d.title), d.title));
  }
  let body = '';
  let n = 0;
  for (const { d, ps } of members) {
    // The first key is the name's own, which a result finds from `s`; the others are the alias file's.
    const others = d.speakerKeys.slice(1);
    ps.forEach((p, i) => {
      const data: AnchorData =
        i === 0
          ? { d: d.slug, t: d.title, ...(d.speaker ? { s: d.speaker } : {}), ...(others.length ? { k: others } : {}), p: p.id, o: p.sentenceStarts }
          : { p: p.id, o: p.sentenceStarts };
      if (p.sentenceIds) data.i = p.sentenceIds;
      body += `<span id="p${n++}" data-pagefind-title="${escapeHtml(JSON.stringify(data))}"></span>${escapeHtml(p.text)}\n`;
    });
  }
  return `<!doctype html><html lang="${escapeHtml(language)}"><head><title></title></head><body data-pagefind-body>${[...filters].join('')}\n${body}</body></html>`;
}
