/**
 * Everything a reading page draws over a document's text, gathered once per
 * page: notes, traced quotes, the decorations they make, and citations.
 */
import { SITE_NAME } from '../lib/common/site.ts';
import { addresses, documentPath, versionPath } from '../config/site-addresses.ts';
import type { VersionInfo } from '../lib/history/versions.ts';
import type { DocumentCitation } from '../lib/publish/cite.ts';
import { allParagraphs } from '../lib/seed/document.ts';
import type { Decoration } from '../lib/publish/inline.ts';
import type { RecurringPhrase } from '../lib/corpus/phrases.ts';
import { afterClosingMark, type TracedQuote } from '../lib/notes/trace.ts';
import type { EntryNote, SeedEntry } from '../lib/notes/entry.ts';
import { pageCorrections, type PageCorrections } from '../lib/publish/corrections.ts';

/** The annotations of one document on one page. */
export interface PageAnnotations {
  /** The document's text; every offset refers to it. */
  text: string;
  slug: string;
  /** The reading page's path, `/<slug>/`. */
  base: string;
  notes: EntryNote[];
  traces: TracedQuote[];
  decorations: Decoration[];
  /** What every citation of the document says; the page's script adds the paragraph (see src/lib/publish/cite.ts). */
  citation: DocumentCitation;
  /** Quoted phrases that recur in other documents, by the quote's start. */
  phrases: ReadonlyMap<number, RecurringPhrase>;
  /** What the page shows of the document's corrections. */
  corrections: PageCorrections;
  /** Whether its paragraphs have share pages (an earlier version's have none). */
  shareable: boolean;
  /** Who the document quotes, when it names them: the statement's words inside the writer's paragraphs name them. */
  speaker?: string | undefined;
}

/**
 * Gather a document's annotations for a page of the site at `site`: its
 * reading page, or the page of an earlier `version` of its text (whose links
 * and citations name that version, and which has no share pages).
 */
export function pageAnnotations(
  entry: SeedEntry,
  site: URL | undefined,
  phrases: ReadonlyMap<number, RecurringPhrase> = new Map(),
  version?: VersionInfo,
): PageAnnotations {
  const base = version ? versionPath(entry.slug, version.n) : documentPath(entry.slug);
  // A citation names the version it cites, and, for a corrected document, that version's own address (it shows those words after the next correction too).
  const versions = entry.history?.versions ?? [];
  const cited = version ?? versions.at(-1);
  const citedPath = cited && versions.length > 1 ? versionPath(entry.slug, cited.n) : base;
  const decorations: Decoration[] = [
    ...entry.notes.map((n) => ({ kind: 'note' as const, start: n.start, end: n.end, ref: n.id })),
    ...entry.traces.map((t, i) => ({ kind: 'trace' as const, start: t.start, end: t.end, ref: String(i) })),
    // Where the marker goes: after the closing quotation mark, or after the last character when there is none.
    ...entry.traces.map((t, i) => {
      const end = afterClosingMark(entry.doc.text, t.end);
      return { kind: 'trace-end' as const, start: end > t.end ? t.end : t.end - 1, end, ref: String(i) };
    }),
    ...entry.traces.flatMap((t, i) =>
      t.matchStart !== undefined && t.matchEnd !== undefined ? [{ kind: 'quoted' as const, start: t.matchStart, end: t.matchEnd, ref: String(i) }] : [],
    ),
    // The statement's words quoted inside the writer's paragraphs: marked as the statement's where they stand.
    ...allParagraphs(entry.doc).flatMap((p) =>
      (p.quotes ?? []).map((q, i) => ({ kind: 'statement-quote' as const, start: q.start, end: q.end, ref: `${p.id}-${i}` })),
    ),
  ];
  return {
    text: entry.doc.text,
    slug: entry.slug,
    base,
    notes: entry.notes,
    traces: entry.traces,
    decorations,
    phrases,
    corrections: pageCorrections(entry.slug, version ? undefined : entry.history, addresses),
    shareable: !version,
    speaker: entry.meta.speaker,
    citation: {
      speaker: entry.meta.speaker,
      role: entry.meta.role,
      translated: Boolean(entry.meta.translated),
      title: entry.title,
      date: entry.meta.date,
      source: entry.meta.source,
      page: new URL(citedPath, site).href,
      siteName: SITE_NAME,
      version: cited?.date,
    },
  };
}
