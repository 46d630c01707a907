/**
 * A document's versions: each committed text of its seed (and, while it is
 * being edited, the text not yet committed), parsed, with lasting ids
 * (lasting-ids.ts); what the current text marks as corrected or added; and
 * where the ids it no longer has now land.
 */
import { allParagraphs, type SeedDocument } from '../seed/document.ts';
import { parseSeed, type ReadingSettled } from '../seed/parse.ts';
import { assignLastingIds } from './lasting-ids.ts';
import { rereadPassages, type PublishedParagraph, type Reread } from './published.ts';

/** One text of a seed, as its history gives it, oldest first. */
export interface Revision {
  /** The commit; absent for edits not yet committed. */
  commit?: string | undefined;
  /** When it was committed (ISO 8601); absent when not committed. */
  date?: string | undefined;
  /** The commit message: for a correction, its note. */
  note: string;
  /** The seed's file name in that version. */
  file: string;
  /** The seed's text then (decoded; BOM and CRLF are normalized by the parser). */
  text: string;
}

/** A version as pages list it: `n` counts from 1, oldest first. */
export interface VersionInfo {
  n: number;
  commit?: string | undefined;
  date?: string | undefined;
  note: string;
  file: string;
}

/** How a passage of the current text last changed. */
export interface Mark {
  /** The version that made the change. */
  n: number;
  how: 'corrected' | 'added';
}

/** An id of an earlier version that the current text no longer has, and where its address lands now. */
export interface GonePassage {
  id: string;
  kind: 'paragraph' | 'sentence';
  /**
   * `removed`: its words are gone (a sentence also when rewritten beyond
   * recognition); `moved`: a paragraph whose sentences now stand in another
   * paragraph (it was merged into it).
   */
  status: 'removed' | 'moved';
  /** The last version that had it; the next one removed it. */
  lastIn: number;
  /**
   * Where it lands: inside `within` (a voice's id letter `s`, `c`, `o` for a
   * removed paragraph; a paragraph id for a sentence or a moved paragraph;
   * a gone paragraph's id for a sentence removed with it), after the
   * passage `after` (a paragraph or sentence id), or first when `after` is ''.
   */
  within: string;
  after: string;
  /** Its text in the last version that had it. */
  text: string;
}

/** What a document's history says of its current text. */
export interface DocumentHistory {
  /** Every version, oldest first; the last is the current text. */
  versions: VersionInfo[];
  /** The texts of the versions before the current one, oldest first. */
  earlier: string[];
  /** Paragraphs of the current text changed or added since the first version, by id: their latest change. */
  marks: Record<string, Mark>;
  /** Ids of earlier versions the current text no longer has. */
  gone: GonePassage[];
  /** Names the seed's file had before its present one. */
  formerNames: string[];
  /** The document's record of published ids (published.ts), when it has one: every version's ids are given from it. */
  published?: PublishedParagraph[] | undefined;
  /** What the notes settle of the reading, which every version is read with. */
  settled?: ReadingSettled | undefined;
  /** Recorded ids the reading gives to no passage now, and where their words are. */
  reread?: Reread[] | undefined;
  /** Recorded ids whose words the text no longer has (without a version that removed them). */
  lost?: string[] | undefined;
}

/** A paragraph id's voice letter (`c` of `c2a`). */
const voiceOf = (id: string) => id.charAt(0);

/**
 * The versions of a seed, parsed, with lasting ids; the last is the current
 * text. Revisions whose texts are the same once normalized (a change of line
 * endings, say) are one version, the earliest.
 */
export function parseVersions(
  revisions: readonly Revision[],
  published: readonly PublishedParagraph[] = [],
  settled: ReadingSettled = {},
): { revisions: Revision[]; docs: SeedDocument[] } {
  const kept: Revision[] = [];
  const docs: SeedDocument[] = [];
  for (const r of revisions) {
    const doc = parseSeed(r.text, settled);
    if (docs.length && docs.at(-1)!.text === doc.text) {
      // The same text: the version keeps its first date, and the file's latest name.
      kept[kept.length - 1] = { ...kept.at(-1)!, file: r.file };
      continue;
    }
    kept.push(r);
    docs.push(doc);
  }
  assignLastingIds(docs, published);
  return { revisions: kept, docs };
}

/** What the history of a seed says of its current text (`docs`: from {@link parseVersions}). */
export function documentHistory(
  revisions: readonly Revision[],
  docs: readonly SeedDocument[],
  formerNames: readonly string[] = [],
  published: readonly PublishedParagraph[] = [],
  settled: ReadingSettled = {},
): DocumentHistory {
  const versions = revisions.map((r, i) => ({
    n: i + 1,
    ...(r.commit ? { commit: r.commit } : {}),
    ...(r.date ? { date: r.date } : {}),
    note: r.note,
    file: r.file,
  }));
  const texts = docs.map((d) => new Map(allParagraphs(d).flatMap((p) => [[p.id, p.text] as const, ...p.sentences.map((s) => [s.id, s.text] as const)])));
  const current = docs.at(-1)!;
  const now = texts.at(-1)!;
  const marks: Record<string, Mark> = {};
  for (const p of allParagraphs(current)) {
    for (let v = docs.length - 1; v >= 1; v--) {
      if (texts[v]!.get(p.id) === texts[v - 1]!.get(p.id)) continue;
      marks[p.id] = { n: v + 1, how: texts[v - 1]!.has(p.id) ? 'corrected' : 'added' };
      break;
    }
  }
  const history: DocumentHistory = {
    versions,
    earlier: revisions.slice(0, -1).map((r) => r.text),
    marks,
    gone: gonePassages(docs, now),
    formerNames: [...formerNames],
    ...(settled.statement !== undefined || settled.headline !== undefined ? { settled } : {}),
  };
  if (!published.length) return history;
  const { reread, lost } = rereadPassages(published, docs);
  return { ...history, published: [...published], reread, ...(lost.length ? { lost } : {}) };
}

/** The ids earlier versions had and the current one lacks, each placed where its address should land. */
function gonePassages(docs: readonly SeedDocument[], now: ReadonlyMap<string, string>): GonePassage[] {
  const gone = new Map<string, GonePassage>();
  const current = docs.at(-1)!;
  const currentParagraphOf = new Map(allParagraphs(current).flatMap((p) => p.sentences.map((s) => [s.id, p.id] as const)));
  // Newest first: an id's last version is the first one found.
  for (let v = docs.length - 2; v >= 0; v--) {
    const paragraphs = allParagraphs(docs[v]!);
    paragraphs.forEach((p, k) => {
      if (!now.has(p.id) && !gone.has(p.id)) {
        const surviving = p.sentences.find((s) => now.has(s.id));
        if (surviving) {
          const holder = allParagraphs(current).find((q) => q.id === currentParagraphOf.get(surviving.id))!;
          const at = holder.sentences.findIndex((s) => s.id === surviving.id);
          gone.set(p.id, {
            id: p.id,
            kind: 'paragraph',
            status: 'moved',
            lastIn: v + 1,
            within: holder.id,
            after: holder.sentences[at - 1]?.id ?? '',
            text: p.text,
          });
        } else {
          // After the nearest paragraph before it, in its voice, that the current text still has.
          const before = paragraphs
            .slice(0, k)
            .reverse()
            .find((q) => voiceOf(q.id) === voiceOf(p.id) && now.has(q.id));
          gone.set(p.id, { id: p.id, kind: 'paragraph', status: 'removed', lastIn: v + 1, within: voiceOf(p.id), after: before?.id ?? '', text: p.text });
        }
      }
      p.sentences.forEach((s, n) => {
        if (now.has(s.id) || gone.has(s.id)) return;
        // After the nearest sentence before it that the current text still has; else first in its paragraph.
        const before = p.sentences
          .slice(0, n)
          .reverse()
          .find((x) => now.has(x.id));
        const within = before ? currentParagraphOf.get(before.id)! : p.id;
        gone.set(s.id, { id: s.id, kind: 'sentence', status: 'removed', lastIn: v + 1, within, after: before?.id ?? '', text: s.text });
      });
    });
  }
  return [...gone.values()];
}

/** Each history's parsed versions, by the current text: a history page and every version page of a document parse them once. */
const parsed = new WeakMap<Pick<DocumentHistory, 'earlier'>, { currentText: string; docs: SeedDocument[] }>();

/** The versions of a document, parsed with their lasting ids (the same the loader gave them), from its history and current text. */
export function versionDocs(history: Pick<DocumentHistory, 'earlier' | 'published' | 'settled'>, currentText: string): SeedDocument[] {
  const known = parsed.get(history);
  if (known?.currentText === currentText) return known.docs;
  const { docs } = parseVersions(
    [...history.earlier, currentText].map((text) => ({ note: '', file: '', text })),
    history.published,
    history.settled,
  );
  parsed.set(history, { currentText, docs });
  return docs;
}
