/**
 * Corrections in public: what a reading page says of its document's
 * versions. The latest correction and its note; a mark on each paragraph a
 * correction changed or added; a notice where a removed paragraph stood;
 * and, at the place of a removed sentence or of a paragraph merged into
 * another, an anchor that its old address lands on. Each links to the
 * history page or to the version that had the words.
 */
import { formatDate } from '../common/dates.ts';
import type { Reread } from '../history/published.ts';
import type { DocumentHistory, GonePassage, VersionInfo } from '../history/versions.ts';
import { idLabel, voiceOfId } from '../seed/document.ts';
import { partId, type Addresses } from './addresses.ts';

/** When a version was made, as pages say it: "1 December 2026", or "not yet committed". */
export const versionDate = (v: Pick<VersionInfo, 'date'>): string => (v.date ? formatDate(v.date.slice(0, 10)) : 'not yet committed');

/** A correction's note as one line: the commit message's first line. */
export const noteLine = (note: string): string => note.split('\n')[0]!.trim();

/** The id of a version's entry on the history page: `v2`. */
export const versionAnchor = (n: number): string => `v${n}`;

/** "in the correction of 1 December 2026", or "in edits not yet committed". */
const inCorrection = (v: VersionInfo | undefined) => (v?.date ? `in the correction of ${versionDate(v)}` : 'in edits not yet committed');

/** Something a page shows about a correction, with where it links. */
export interface CorrectionLink {
  /** Its visible words. */
  label: string;
  /** Its full sentence, for assistive technology. */
  long: string;
  href: string;
}

/** A gone passage's notice or anchor: its id, and what it says. */
export interface GoneMark extends CorrectionLink {
  id: string;
}

/** What a reading page shows of a document's corrections. */
export interface PageCorrections {
  /** The latest correction (a document with more than one version); `date` is absent for edits not yet committed. */
  latest?: { date?: string | undefined; note: string; href: string; versions: number } | undefined;
  /** A paragraph's mark, when a correction changed or added it. */
  mark(id: string): CorrectionLink | undefined;
  /** Removed paragraphs' notices to show in a voice (`s`, `c`, `o`) right after paragraph `after` ('' = first in the voice). */
  removedAfter(voice: string, after: string): GoneMark[];
  /** Anchors inside paragraph `id` (removed sentences, merged paragraphs) right after sentence `after` ('' = first). */
  anchorsIn(id: string, after: string): GoneMark[];
  /** Anchors of removed sentences inside a removed paragraph's notice. */
  anchorsInNotice(id: string): GoneMark[];
  /** What the notice or anchor of a gone id says. */
  gone(id: string): GoneMark | undefined;
}

/** No corrections: a document with one version, or without a known history. */
const NONE: PageCorrections = { mark: () => undefined, removedAfter: () => [], anchorsIn: () => [], anchorsInNotice: () => [], gone: () => undefined };

/** Where a recorded id whose words the reading now gives another id lands: an anchor that says so, linking to them. */
function rereadMark(r: Reread, slug: string, passagePath: Addresses['passagePath']): GoneMark {
  const label = idLabel(r.id);
  const now = r.part ? (r.part.kind === 'headline' ? 'the headline' : 'a lead-in') : idLabel(r.now);
  return {
    id: r.id,
    label: `${label} is now ${now}`,
    long: `${r.kind === 'paragraph' ? 'Paragraph' : 'Sentence'} ${label} is now ${now}: the same words, ${r.part ? 'read as such' : 'numbered again'} when the site's reading of this text changed.`,
    href: passagePath(slug, r.now),
  };
}

/** What the reading page of document `slug` shows of its history, linking with `addresses`. */
export function pageCorrections(
  slug: string,
  history: DocumentHistory | undefined,
  { historyPath, versionPath, passagePath }: Pick<Addresses, 'historyPath' | 'versionPath' | 'passagePath'>,
): PageCorrections {
  // An id whose words are now in the headline or a lead-in lands at the start of that part (its id on the page).
  const reread = (history?.reread ?? []).map((r) => {
    const at = r.part ? (r.part.kind === 'headline' ? 'headline' : partId('attribution', r.part.n)) : undefined;
    const placed = at ? { ...r, within: at, now: at } : r;
    return { ...placed, mark: rereadMark(placed, slug, passagePath) };
  });
  const rereadIn = (id: string, after: string) => reread.filter((r) => r.within === id && r.after === after).map((r) => r.mark);
  if (!history || history.versions.length < 2) {
    return reread.length ? { ...NONE, anchorsIn: rereadIn, gone: (id) => reread.find((r) => r.id === id)?.mark } : NONE;
  }
  const version = (n: number) => history.versions[n - 1];
  const latest = history.versions.at(-1)!;
  const goneMark = (g: GonePassage): GoneMark => {
    const then = version(g.lastIn)!;
    const label = idLabel(g.id);
    const where = `${versionPath(slug, g.lastIn)}#${g.id}`;
    const long =
      g.status === 'moved'
        ? `Paragraph ${label} was joined to this paragraph ${inCorrection(version(g.lastIn + 1))}; its words continue here. See it as it was in the version of ${versionDate(then)}.`
        : `${g.kind === 'paragraph' ? 'Paragraph' : 'Sentence'} ${label} was ${g.kind === 'paragraph' ? 'removed' : 'removed or rewritten'} ${inCorrection(version(g.lastIn + 1))}. Read it in the version of ${versionDate(then)}.`;
    const short = g.status === 'moved' ? `${label} joined here` : `${label} removed ${inCorrection(version(g.lastIn + 1))}`;
    return { id: g.id, label: short, long, href: where };
  };
  const removed = history.gone.filter((g) => g.kind === 'paragraph' && g.status === 'removed');
  const removedIds = new Set(removed.map((g) => g.id));
  const moved = new Map(history.gone.filter((g) => g.status === 'moved').map((g) => [g.id, g]));
  // A sentence that stood first in a paragraph since merged into another lands where that paragraph's words now begin.
  const anchors = history.gone
    .filter((g) => !(g.kind === 'paragraph' && g.status === 'removed'))
    .map((g) => {
      const into = g.kind === 'sentence' ? moved.get(g.within) : undefined;
      return into ? { ...g, within: into.within, after: into.after } : g;
    });
  return {
    latest: {
      ...(latest.date ? { date: versionDate(latest) } : {}),
      note: latest.date ? noteLine(latest.note) : '',
      href: `${historyPath(slug)}#${versionAnchor(latest.n)}`,
      versions: history.versions.length,
    },
    mark(id) {
      const m = history.marks[id];
      if (!m) return undefined;
      const v = version(m.n)!;
      const label = `${m.how}${v.date ? ` ${versionDate(v)}` : ', not yet committed'}`;
      const long = `Paragraph ${idLabel(id)} was ${m.how} ${inCorrection(v)}: see what changed`;
      return { label, long, href: `${historyPath(slug)}#${versionAnchor(m.n)}` };
    },
    removedAfter: (voice, after) => removed.filter((g) => g.within === voice && g.after === after).map(goneMark),
    anchorsIn: (id, after) => [
      ...anchors.filter((g) => g.within === id && g.after === after && !removedIds.has(g.within)).map(goneMark),
      ...rereadIn(id, after),
    ],
    anchorsInNotice: (id) => anchors.filter((g) => g.within === id).map(goneMark),
    gone(id) {
      const g = history.gone.find((x) => x.id === id);
      return g ? goneMark(g) : reread.find((r) => r.id === id)?.mark;
    },
  };
}

/** The voice of a paragraph id's letter. */

/**
 * The paragraphs earlier versions had and the current text lacks, as their
 * share pages show them (`/<slug>/c3/` keeps existing): the words as they
 * were, and the notice their address lands on.
 */
export function goneShares(slug: string, history: DocumentHistory | undefined, addresses: Pick<Addresses, 'historyPath' | 'versionPath' | 'passagePath'>) {
  const page = pageCorrections(slug, history, addresses);
  return [...(history?.gone ?? []), ...(history?.reread ?? [])]
    .filter((g) => g.kind === 'paragraph')
    .map((g) => {
      const notice = page.gone(g.id)!;
      return { paragraph: { id: g.id, text: g.text }, voice: voiceOfId(g.id), gone: { notice: notice.long, href: notice.href } };
    });
}

/** The latest correction of a document's text, when it has more than one committed version: its date (ISO) and note's first line. */
export function latestCorrection(history: DocumentHistory | undefined): { date: string; note: string } | undefined {
  const latest = history && history.versions.length > 1 ? history.versions.at(-1) : undefined;
  return latest?.date ? { date: latest.date, note: noteLine(latest.note) } : undefined;
}
