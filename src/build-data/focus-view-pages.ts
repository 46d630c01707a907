/**
 * The focus views' addresses, `/<slug>/statement/` and `/<slug>/commentary/`,
 * in `astro dev`: one voice alone is a state of the reading page
 * (`/<slug>/#statement-only`), and each address is a small page that leads
 * there (src/lib/publish/redirect.ts). A build leaves these pages to the
 * build worker (src/integrations/emitters/focus-views.ts), which writes the
 * same page with the voice's preview image.
 */
import type { SeedEntry } from '../lib/notes/entry.ts';
import { focusViewPage } from '../lib/publish/redirect.ts';
import { partOf, voicesOf, type Voice } from '../lib/seed/document.ts';
import { addresses } from '../config/site-addresses.ts';
import { getDocuments } from './documents.ts';

/** The route's static paths: in dev, every document that has the voice, with the document as props; none in a build. */
export async function focusViewPaths(view: Voice) {
  if (!import.meta.env.DEV) return [];
  return (await getDocuments()).filter((e) => partOf(e.doc, view)).map((entry) => ({ params: { slug: entry.slug }, props: { entry } }));
}

/** The page at a document's focus view address, as the build worker writes it (without the preview image). */
export function focusViewResponse(entry: SeedEntry, view: Voice, site: URL): Response {
  const page = focusViewPage(site, addresses, { slug: entry.slug, title: entry.title, voices: voicesOf(entry.doc) }, view);
  return new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
