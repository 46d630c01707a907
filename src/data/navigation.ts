/**
 * The corpus's ways in besides search, computed once per build from the
 * summaries (src/lib/navigation.ts) and, for recurring phrases, from the
 * documents (src/lib/phrases.ts). A shard build makes none of these pages:
 * they need the whole corpus, and `npm run assemble` makes them (phrases
 * aside: they need every document's text, which an assemble build does not
 * have).
 */
import { monthGroups, sourceGroups, speakerGroups, type DocumentGroup, type MonthGroup } from '../lib/navigation.ts';
import { paginate } from '../lib/paginate.ts';
import { recurringPhrases, type PhraseIndex } from '../lib/phrases.ts';
import { getDocuments } from './documents.ts';
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

let cached: Promise<Navigation> | undefined;
let phrases: Promise<PhraseIndex> | undefined;

async function load(): Promise<Navigation> {
  const docs = await getSummaries();
  const [speakers, sources, months] = [speakerGroups(docs), sourceGroups(docs), monthGroups(docs)];
  const bySlug = <G extends DocumentGroup>(groups: G[]) => new Map(groups.map((g) => [g.slug, g]));
  return { speakers, sources, months, speaker: bySlug(speakers), source: bySlug(sources), month: bySlug(months) };
}

/** Speakers, sources and months, each with its documents in list order. */
export function getNavigation(): Promise<Navigation> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

/** Whether this build makes the navigation pages (not a shard build: the assemble build does). */
export const makesNavigation = () => !buildShard();

/** The recurring phrases of the corpus (none in a shard build, where the rest of the corpus is unseen). */
export function getPhrases(): Promise<PhraseIndex> {
  const make = async () => (buildShard() ? { phrases: [], byQuote: new Map() } : recurringPhrases(await getDocuments()));
  if (import.meta.env.DEV) return make();
  phrases ??= make();
  return phrases;
}

/** The `[...path]` of page `n` of a list under `prefix`: `prefix`, then `prefix/page/2`, … (undefined for the section's own first page). */
const pagePath = (prefix: string, n: number) => [prefix, n > 1 ? `page/${n}` : ''].filter(Boolean).join('/') || undefined;

/** Static paths of a paginated index at a section's root (`/speakers/`, `/speakers/page/2/`), with `props` on each. */
export function indexPaths<T, P extends object>(items: readonly T[], size: number, props: P) {
  return paginate(items, size).map((index) => ({ params: { path: pagePath('', index.number) }, props: { index, ...props } }));
}

/** Static paths of each group's paginated pages (`/speakers/<slug>/`, `/speakers/<slug>/page/2/`). */
export function groupPaths<G extends { slug: string }, T>(groups: readonly G[], itemsOf: (g: G) => readonly T[], size: number) {
  return groups.flatMap((group) => paginate(itemsOf(group), size).map((page) => ({ params: { path: pagePath(group.slug, page.number) }, props: { group, page } })));
}
