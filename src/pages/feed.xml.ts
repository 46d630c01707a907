/** `/feed.xml`: an Atom feed of the newest documents, with the statement as summary. */
import type { APIRoute } from 'astro';
import { SITE_NAME } from '../lib/common/site.ts';
import { getSummaries } from '../build-data/list-summaries.ts';
import { atomFeed } from '../lib/publish/feeds.ts';
import { settings } from '../config/settings.ts';
import { FEED_SIZE } from '../lib/corpus/summaries.ts';
import { documentPath, feedPath, listPath } from '../config/site-addresses.ts';

export const GET: APIRoute = async ({ site }) => {
  const docs = await getSummaries();
  const xml = atomFeed({
    title: SITE_NAME,
    site: new URL(listPath(), site).href,
    self: new URL(feedPath(), site).href,
    entries: docs.slice(0, FEED_SIZE).map((d) => ({
      title: d.title,
      url: new URL(documentPath(d.slug), site).href,
      date: d.date,
      author: d.speaker,
      summary: d.feed ?? '',
      lang: d.lang,
      corrected: d.corrected,
      committed: d.committed,
    })),
    sourceDateEpoch: settings().sourceDateEpoch,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
