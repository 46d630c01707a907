/**
 * Atom feed and sitemap XML, written by hand: both formats are small, and
 * every text goes through one escaping function.
 */
import { escapeXml } from '../common/escape.ts';

/** One document in the feed. */
export interface FeedEntry {
  title: string;
  url: string;
  /** ISO date, when known. */
  date?: string | undefined;
  author?: string | undefined;
  summary: string;
  lang: string;
  /** When the entry's text was last corrected (ISO 8601): its `updated`, after `published`. */
  corrected?: string | undefined;
  /** When its seed was first committed (ISO 8601): the `updated` of an entry the text does not date. */
  committed?: string | undefined;
}

/**
 * An Atom 1.0 feed. Every time in it is one the seeds determine, so two
 * builds of the same seeds write the same feed: an entry the text does not
 * date is updated when its seed was first committed; without a history, at
 * `fallback` (the newest date the feed knows, else `SOURCE_DATE_EPOCH`, the
 * reproducible-builds variable, else 1970-01-01).
 */
export function atomFeed(f: { title: string; site: string; self: string; entries: FeedEntry[]; sourceDateEpoch?: number | undefined }): string {
  const iso = (d: string) => new Date(d).toISOString();
  const stamp = (date: string) => `${date}T00:00:00Z`;
  const known = f.entries.flatMap((e) =>
    [e.corrected && iso(e.corrected), e.committed && iso(e.committed), e.date && stamp(e.date)].filter((d): d is string => Boolean(d)),
  );
  const fallback = known.sort().at(-1) ?? new Date((f.sourceDateEpoch ?? 0) * 1000).toISOString();
  // A corrected entry is updated when it was corrected; another when it was published, or first committed.
  const changed = (e: FeedEntry) => (e.corrected ? iso(e.corrected) : e.date ? stamp(e.date) : e.committed ? iso(e.committed) : fallback);
  const updated = f.entries.map(changed).sort().at(-1) ?? fallback;
  const entries = f.entries.map(
    (e) => `  <entry>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>
    <id>${escapeXml(e.url)}</id>
    <updated>${changed(e)}</updated>${e.date ? `\n    <published>${stamp(e.date)}</published>` : ''}
    <author><name>${escapeXml(e.author ?? 'Unknown')}</name></author>
    <summary type="text" xml:lang="${escapeXml(e.lang)}">${escapeXml(e.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(f.title)}</title>
  <link rel="alternate" type="text/html" href="${escapeXml(f.site)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(f.self)}"/>
  <id>${escapeXml(f.site)}</id>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

/** A sitemap (sitemaps.org 0.9). */
export function sitemap(urls: { loc: string; lastmod?: string | undefined }[]): string {
  const items = urls.map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${items.join('\n')}
</urlset>
`;
}

/** URLs one sitemap file may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

/** Split a sitemap's addresses into files of at most `limit`. */
export function sitemapChunks<T>(urls: readonly T[], limit = SITEMAP_LIMIT): T[][] {
  const files: T[][] = [];
  for (let i = 0; i < urls.length; i += limit) files.push(urls.slice(i, i + limit));
  return files.length ? files : [[]];
}

/** A sitemap index: the addresses of the sitemaps of a site too large for one. */
export function sitemapIndex(locs: readonly string[]): string {
  const items = locs.map((loc) => `  <sitemap><loc>${escapeXml(loc)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${items.join('\n')}
</sitemapindex>
`;
}
