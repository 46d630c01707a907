/**
 * What the site's lists need of a document (the document list, the feed,
 * the sitemap): a summary, small enough that a site assembled from shards
 * can hold every document's without any document's text. Shard builds
 * write their documents' summaries to `/_shard/documents.json`.
 */
import type { SeedEntry } from '../notes/entry.ts';
import type { DocumentHistory } from '../history/versions.ts';
import { slugify } from '../common/slug.ts';
import { partOf } from '../seed/parse.ts';
import { voiceParagraphs } from '../seed/document.ts';
import { firstLine } from '../seed/title.ts';

/** Where a shard build leaves its documents' summaries, for `npm run assemble`. */
export const SHARD_MANIFEST = 'shard-documents.json';

/** One document, as lists show it. */
export interface DocumentSummary {
  slug: string;
  /** The seed's file name (orders undated documents). */
  file: string;
  title: string;
  lang: string;
  /** ISO date, when the year is known. */
  date?: string | undefined;
  /** The date as the lead-in writes it ("December 12"). */
  dateText?: string | undefined;
  /** The speaker as the document writes them. */
  speaker?: string | undefined;
  /** The speaker as the site names them (after aliases), and their page's slug. */
  speakerName?: string | undefined;
  speakerSlug?: string | undefined;
  /** The speaker's former slug, which leads to the current one (src/lib/notes/speakers.ts). */
  speakerFormerSlug?: string | undefined;
  role?: string | undefined;
  /** The statement's first sentence (or the commentary's). */
  line?: string | undefined;
  /** The source line's value, as written. */
  source?: string | undefined;
  /** The outlet: the host of the source's address (`toutiao.com`). */
  sourceHost?: string | undefined;
  /** Paragraphs of the statement and of the commentary: what search holds of it. */
  passages: number;
  /** The feed's summary: the statement (else the first commentary paragraph). Only lists that feed the feed keep it. */
  feed?: string | undefined;
  /** When the text was last corrected (ISO 8601), for a document with more than one committed version. */
  corrected?: string | undefined;
  /** When its seed was first committed (ISO 8601), when its history is known. */
  committed?: string | undefined;
  /** Slugs the document had under its seed's former file names, whose addresses lead to its own. */
  formerSlugs?: string[] | undefined;
}

/**
 * The slugs a document had under its seed's former file names (never its
 * present one). A document whose notes file sets its slug has none: its
 * address never came from its file's name.
 */
export function formerSlugs(d: { slug: string; file: string; history?: Pick<DocumentHistory, 'formerNames'> | undefined }): string[] {
  if (slugify(d.file) !== d.slug) return [];
  return [...new Set((d.history?.formerNames ?? []).map((name) => slugify(name)))].filter((s) => s !== d.slug);
}

/** The outlet of a source address: its host, without `www.` (`toutiao.com`). */
export function sourceHost(address: string | undefined): string | undefined {
  if (!address || !URL.canParse(address)) return undefined;
  const host = new URL(address).hostname.toLowerCase().replace(/^www\./u, '');
  return host || undefined;
}

/** Summarize a document for the lists. */
export function summarize(e: SeedEntry, withFeed = false): DocumentSummary {
  const statement = voiceParagraphs(e.doc, 'statement');
  const commentary = voiceParagraphs(e.doc, 'commentary');
  return {
    slug: e.slug,
    file: e.file,
    title: e.title,
    lang: e.doc.lang,
    date: e.meta.date,
    dateText: partOf(e.doc, 'attribution')?.dateText,
    speaker: e.meta.speaker,
    speakerName: e.speaker?.name,
    speakerSlug: e.speaker?.slug,
    speakerFormerSlug: e.speaker?.formerSlug,
    role: e.meta.role,
    line: firstLine(e.doc),
    source: partOf(e.doc, 'source')?.value.text,
    sourceHost: sourceHost(e.meta.source),
    passages: statement.length + commentary.length,
    feed: withFeed ? (statement.length ? statement.map((p) => p.text).join('\n\n') : (commentary[0]?.text ?? '')) : undefined,
    corrected: (e.history?.versions.length ?? 0) > 1 ? e.history!.versions.at(-1)!.date : undefined,
    committed: e.history?.versions[0]?.date,
    ...(e.history?.formerNames.length ? { formerSlugs: formerSlugs(e) } : {}),
  };
}

/** Entries of the feed: the newest 50 documents. */
export const FEED_SIZE = 50;
