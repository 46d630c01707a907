/**
 * The corpus's ways in besides search, computed once per build from the
 * summaries (src/lib/corpus/groups.ts) and, for recurring phrases, from the
 * documents (src/lib/corpus/phrases.ts). A shard build makes none of these pages:
 * they need the whole corpus, and `npm run assemble` makes them, the phrases
 * from what each shard wrote of its documents (`shard-phrases.jsonl`), read
 * one shard, and one document, at a time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monthGroups, sourceGroups, speakerGroups, type DocumentGroup, type GroupLink, type MonthGroup } from '../lib/corpus/groups.ts';
import { pagedPath } from '../lib/publish/addresses.ts';
import { paginate, type ListPage } from '../lib/common/paginate.ts';
import type { DocumentSummary } from '../lib/corpus/summaries.ts';
import {
  phraseMemo,
  phraseSource,
  quoteSource,
  recurringPhrases,
  SHARD_PHRASES,
  SHARD_QUOTES,
  type PhraseIndex,
  type PhraseSource,
  type QuoteSource,
} from '../lib/corpus/phrases.ts';
import { jsonLines } from '../loaders/json-lines.ts';
import { getDocuments } from './documents.ts';
import { PAGE_SIZE } from './listing.ts';
import { keptAcrossEdits, perBuild, perDocument } from './per-build.ts';
import { assembleShards, buildShard } from '../config/settings.ts';
import { speakerPath } from '../config/site-addresses.ts';
import { getSummaries } from './list-summaries.ts';

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

/** What the phrase finder reads of this build's documents: a shard build writes it for `npm run assemble`. */
export const phraseSources = async (): Promise<PhraseSource[]> => (await getDocuments()).map(phraseSource);
/** What its first pass reads of them: a shard build writes it too. */
export const quoteSources = async (): Promise<QuoteSource[]> => (await getDocuments()).map(quoteSource);

/**
 * In `astro dev`, each document's phrase source, and what the phrase finder
 * found in it (src/lib/corpus/phrases.ts), are kept across edits: after one
 * it reads only the documents that changed, not all 10,000 again (a second
 * and a half). A build reads each once and keeps none.
 */
const sourceOf = perDocument('phrase-sources', phraseSource);
const devMemo = keptAcrossEdits('phrase-memo', phraseMemo);

/**
 * The recurring phrases of the corpus: of this build's documents, or, when
 * assembling, of every shard's (none in a shard build, where the rest of the
 * corpus is unseen: its reading pages say nothing of other documents).
 */
export const getPhrases = perBuild(async (): Promise<PhraseIndex> => {
  if (buildShard()) return { phrases: [], byQuote: new Map() };
  const shards = assembleShards();
  if (!shards.length) {
    const docs = await getDocuments();
    return recurringPhrases(
      {
        *quotes() {
          for (const d of docs) yield quoteSource(d);
        },
        *sources() {
          for (const d of docs) yield sourceOf(d);
        },
      },
      undefined,
      devMemo,
    );
  }
  const order = new Map((await getSummaries()).map((d, i) => [d.slug, i]));
  return recurringPhrases(
    {
      *quotes() {
        for (const shard of shards) yield* JSON.parse(readFileSync(join(shard, SHARD_QUOTES), 'utf8')) as QuoteSource[];
      },
      *sources() {
        for (const shard of shards) yield* jsonLines<PhraseSource>(join(shard, SHARD_PHRASES));
      },
    },
    (slug) => order.get(slug) ?? order.size,
  );
});

/** The `[...path]` of page `n` of a list under `prefix`: `prefix`, then `prefix/page/2`, … (undefined for the section's own first page), as addresses.ts pages it. */
const pagePath = (prefix: string, n: number) => pagedPath(prefix ? `/${prefix}/` : '/', n).slice(1, -1) || undefined;

/** Static paths of a paginated index at a section's root (`/speakers/`, `/speakers/page/2/`), with `props` on each. */
export function indexPaths<T, P extends object>(items: readonly T[], size: number, props: P) {
  return paginate(items, size).map((index) => ({ params: { path: pagePath('', index.number) }, props: { index, ...props } }));
}

/** A page of a section of groups (speakers, sources, phrases): a page of its index, or a page of one group's items. */
export type SectionPage<G, T> = { index: ListPage<GroupLink>; total: number } | { group: G; page: ListPage<T> };

/** A section of groups: its groups, each one's link in the index, and its items, `size` a page. */
interface Section<G, T> {
  groups: () => Promise<readonly G[]>;
  link: (group: G) => GroupLink;
  items: (group: G) => readonly T[];
  size: number;
}

/**
 * Static paths of a section of groups (speakers, sources, phrases): its index of groups, `INDEX_SIZE` a page, and
 * each group's pages of items ({@link SectionPage}). None in a shard build (see makesNavigation).
 */
export async function sectionPaths<G extends { slug: string }, T>(section: Section<G, T>) {
  if (!makesNavigation()) return [];
  const groups = await section.groups();
  return [...indexPaths(groups.map(section.link), INDEX_SIZE, { total: groups.length }), ...groupPaths(groups, section.items, section.size)];
}

/**
 * The pages at the speakers' former addresses (a body's, before bodies were
 * told from people: `/speakers/house-the-white/`, `…/page/2/`), each with the
 * address of the same page now, where it leads; none where a current speaker
 * has that address.
 */
export async function formerSpeakerPaths() {
  if (!makesNavigation()) return [];
  const speakers = (await getNavigation()).speakers;
  const current = new Set(speakers.map((g) => g.slug));
  return speakers.flatMap((g) =>
    (g.formerSlugs ?? [])
      .filter((former) => !current.has(former))
      .flatMap((former) =>
        paginate(g.docs, PAGE_SIZE).map((page) => ({ params: { path: pagePath(former, page.number) }, props: { movedTo: speakerPath(g.slug, page.number) } })),
      ),
  );
}

/** A section of document groups (speakers, sources): each linked with its number of documents (and `detail`, a second line). */
export function documentSection(
  section: 'speakers' | 'sources',
  href: (slug: string) => string,
  detail?: (group: DocumentGroup) => string | undefined,
): Section<DocumentGroup, DocumentSummary> {
  return {
    groups: async () => (await getNavigation())[section],
    link: (g) => ({ name: g.name, href: href(g.slug), documents: g.docs.length, detail: detail?.(g) }),
    items: (g) => g.docs,
    size: PAGE_SIZE,
  };
}

/** Static paths of each group's paginated pages (`/speakers/<slug>/`, `/speakers/<slug>/page/2/`). */
export function groupPaths<G extends { slug: string }, T>(groups: readonly G[], itemsOf: (g: G) => readonly T[], size: number) {
  return groups.flatMap((group) =>
    paginate(itemsOf(group), size).map((page) => ({ params: { path: pagePath(group.slug, page.number) }, props: { group, page } })),
  );
}
