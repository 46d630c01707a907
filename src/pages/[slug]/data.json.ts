/**
 * `/<slug>/data.json`: the document as open data (src/lib/publish/open-data.ts). A
 * build leaves these files to the build worker, which writes them from the
 * same function beside Astro's pages; this route serves them in `astro dev`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { addresses } from '../../config/site-addresses.ts';
import { getDocuments } from '../../build-data/documents.ts';
import { settings } from '../../config/settings.ts';
import type { SeedEntry } from '../../lib/notes/entry.ts';
import { openDataFile } from '../../lib/publish/open-data.ts';

export const getStaticPaths = (async () =>
  import.meta.env.DEV ? (await getDocuments()).map((entry) => ({ params: { slug: entry.slug }, props: { entry } })) : []) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: SeedEntry }> = ({ props: { entry } }) =>
  new Response(openDataFile(entry, new URL(settings().siteUrl), addresses), { headers: { 'content-type': 'application/json' } });
