/**
 * The corpus's ways in besides search, computed once per build from the
 * summaries (src/lib/corpus/groups.ts) and, for recurring phrases, from the
 * documents (src/lib/corpus/phrases.ts). A shard build makes none of these pages:
 * they need the whole corpus, and `npm run assemble` makes them (phrases
 * aside: they need every document's text, which an assemble build does not
 * have).
 */
import { monthGroups, sourceGroups, speakerGroups, type DocumentGroup, type GroupLink, type MonthGroup } from '../lib/corpus/groups.ts';
import { pagedPath } from '../lib/publish/addresses.ts';
import { paginate } from '../lib/common/paginate.ts';
import { recurringPhrases, type PhraseIndex } from '../lib/corpus/phrases.ts';
import { getDocuments } from './documents.ts';
import { PAGE_SIZE } from './listing.ts';
import { perBuild } from './per-build.ts';
import { buildShard } from './settings.ts';
import { getSummaries } from './summaries.ts';

interface Navigation {
  speakers: DocumentGroup[];
  sources: DocumentGroup[];
  months: MonthGroup[];
  /** Each group by its slug. */
  speaker: Map<string, DocumentGroup>;
  source: Map<string, DocumentGroup>;
  month: Map<string, MonthGroup>;
}

/** Names on a page of an index (speakers, sources, phrases). */
export const INDEX_SIZE = 100;
/** A phrase's occurrences on a page. */
export const OCCURRENCES_SIZE = 50;

async function load(): Promise<Navigation> {
  const docs = await getSummaries();
  const [speakers, sources, months] = [speakerGroups(docs), sourceGroups(docs), monthGroups(docs)];
  const bySlug = <G extends DocumentGroup>(groups: G[]) => new Map(groups.map((g) => [g.slug, g]));
  return { speakers, sources, months, speaker: bySlug(speakers), source: bySlug(sources), month: bySlug(months) };
}

/** Speakers, sources and months, each with its documents in list order. */
export const getNavigation = perBuild(load);

/** Whether this build makes the navigation pages (not a shard build: the assemble build does). */
export const makesNavigation = () => !buildShard();

/** The recurring phrases of the corpus (none in a shard build, where the rest of the corpus is unseen). */
export const getPhrases = perBuild(async (): Promise<PhraseIndex> =>
  buildShard() ? { phrases: [], byQuote: new Map() } : recurringPhrases(await getDocuments()),
);

/** The `[...path]` of page `n` of a list under `prefix`: `prefix`, then `prefix/page/2`, … (undefined for the section's own first page), as addresses.ts pages it. */
const pagePath = (prefix: string, n: number) => pagedPath(prefix ? `/${prefix}/` : '/', n).slice(1, -1) || undefined;

/** Static paths of a paginated index at a section's root (`/speakers/`, `/speakers/page/2/`), with `props` on each. */
export function indexPaths<T, P extends object>(items: readonly T[], size: number, props: P) {
  return paginate(items, size).map((index) => ({ params: { path: pagePath('', index.number) }, props: { index, ...props } }));
}

/**
 * Static paths of a section of document groups (speakers, sources): its
 * index of groups, each with its number of documents (and `detail`, a second
 * line), and each group's pages of documents.
 */
export function sectionPaths<G extends DocumentGroup>(groups: readonly G[], href: (slug: string) => string, detail?: (group: G) => string | undefined) {
  const links = groups.map((g): GroupLink => ({ name: g.name, href: href(g.slug), documents: g.docs.length, detail: detail?.(g) }));
  return [...indexPaths(links, INDEX_SIZE, { total: groups.length }), ...groupPaths(groups, (g) => g.docs, PAGE_SIZE)];
}

/** Static paths of each group's paginated pages (`/speakers/<slug>/`, `/speakers/<slug>/page/2/`). */
export function groupPaths<G extends { slug: string }, T>(groups: readonly G[], itemsOf: (g: G) => readonly T[], size: number) {
  return groups.flatMap((group) =>
    paginate(itemsOf(group), size).map((page) => ({ params: { path: pagePath(group.slug, page.number) }, props: { group, page } })),
  );
}
