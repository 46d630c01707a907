/**
 * Ways into a large corpus besides search: documents by speaker, by source
 * (the outlet: the host of the source line) and by month, each group in
 * list order (newest first), with counts. Documents without a known year
 * are listed under "year unknown", never dropped.
 */
import type { DocumentSummary } from './summaries.ts';
import { monthName } from '../common/dates.ts';
import { slugOf } from '../common/slug.ts';

/** A group of documents: a speaker, a source, a month. */
export interface DocumentGroup {
  slug: string;
  name: string;
  docs: DocumentSummary[];
  /** Addresses the group had before (a body's speaker page before bodies were told from people). */
  formerSlugs?: string[];
}

/** A month of the archive; `undated` holds the documents without a known year. */
export interface MonthGroup extends DocumentGroup {
  year?: number | undefined;
  month?: number | undefined;
}

/** A group as an index lists it: its name linked to its page, with its number of documents. */
export interface GroupLink {
  name: string;
  href: string;
  /** How many documents the group has. */
  documents: number;
  /** A second line (a speaker's role). */
  detail?: string | undefined;
}

/** The slug of the archive's group for documents without a known date. */
export const UNDATED = 'undated';

/** The slug of a source's page: its host, as a slug (`toutiao-com`). */
export const sourceSlug = (host: string) => slugOf(host, 'source');

/** Group documents (in list order) by a key; groups in the order of their first document. */
function groupBy(docs: readonly DocumentSummary[], key: (d: DocumentSummary) => string | undefined): Map<string, DocumentSummary[]> {
  const groups = new Map<string, DocumentSummary[]>();
  for (const d of docs) {
    const k = key(d);
    if (k === undefined) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(d);
  }
  return groups;
}

/** The most frequent value (ties: the first seen, so the newest document's). */
function mostFrequent(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const [v, n] of counts) if (n > counts.get(best)!) best = v;
  return best;
}

const bySize = (a: DocumentGroup, b: DocumentGroup) => b.docs.length - a.docs.length || a.name.localeCompare(b.name, 'en');

/** Documents by speaker, most documents first; a speaker's name is the one their documents use most (after aliases). */
export function speakerGroups(docs: readonly DocumentSummary[]): DocumentGroup[] {
  return [...groupBy(docs, (d) => d.speakerSlug)]
    .map(([slug, g]) => {
      const formerSlugs = [...new Set(g.flatMap((d) => (d.speakerFormerSlug ? [d.speakerFormerSlug] : [])))];
      return { slug, name: mostFrequent(g.map((d) => d.speakerName!)), docs: g, ...(formerSlugs.length ? { formerSlugs } : {}) };
    })
    .sort(bySize);
}

/** Documents by source host, most documents first. */
export function sourceGroups(docs: readonly DocumentSummary[]): DocumentGroup[] {
  return [...groupBy(docs, (d) => d.sourceHost)].map(([host, g]) => ({ slug: sourceSlug(host), name: host, docs: g })).sort(bySize);
}

/** Documents by month, newest first, then those without a known date. */
export function monthGroups(docs: readonly DocumentSummary[]): MonthGroup[] {
  const months = [...groupBy(docs, (d) => (d.date ? d.date.slice(0, 7) : UNDATED))].map(([key, g]): MonthGroup => {
    if (key === UNDATED) return { slug: UNDATED, name: 'Year unknown', docs: g };
    const [year, month] = key.split('-').map(Number) as [number, number];
    return { slug: `${key.slice(0, 4)}/${key.slice(5, 7)}`, name: monthName(year, month), year, month, docs: g };
  });
  return months.sort((a, b) => (a.year === undefined ? 1 : b.year === undefined ? -1 : b.year - a.year || b.month! - a.month!));
}

/** The month group a document is listed in. */
export const monthSlug = (d: Pick<DocumentSummary, 'date'>) => (d.date ? `${d.date.slice(0, 4)}/${d.date.slice(5, 7)}` : UNDATED);
