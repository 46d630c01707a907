/**
 * A document as the site uses it: the parsed seed joined with its notes
 * (metadata, anchored notes) and its traced quotes. Every layer may import
 * these types; {@link annotate} is the one place an entry is made, so the
 * content loader and the search indexer always agree on a document.
 */
import type { DocumentHistory } from '../history/versions.ts';
import { renderNoteMarkdown } from './note-markdown.ts';
import { anchorNotes, parseNotes, type AnchoredNote, type NotesMeta } from './notes.ts';
import { ProblemError } from '../common/problem.ts';
import { partOf, type SeedDocument } from '../seed/parse.ts';
import { paragraphBlocks } from '../seed/blocks.ts';
import { beginsWith } from '../seed/text.ts';
import { NO_ALIASES, resolveSpeaker, type Aliases, type Speaker } from './speakers.ts';
import { documentSpeaker, speakerOf } from '../seed/speaker.ts';
import { documentTitle } from '../seed/title.ts';
import { traceQuotes, type TracedQuote } from './trace.ts';

/** A note ready to show: anchored, numbered, its body rendered. */
export interface EntryNote extends AnchoredNote {
  html: string;
}

/** What the site knows of one seed. */
export interface SeedEntry {
  /** The file name inside the seeds folder. */
  file: string;
  slug: string;
  title: string;
  doc: SeedDocument;
  /** Facts about the document: the notes file's front matter, else what the lead-in says. */
  meta: Required<Pick<NotesMeta, 'lang'>> &
    Omit<NotesMeta, 'lang' | 'slug' | 'title'> & {
      /** Set when the speaker is a body (a ministry, an embassy, an outlet), not a person. */
      speakerKind?: 'body';
      /** The body that posted the speaker's words, when the text says so ("posted by the White House"). */
      postedBy?: string;
    };
  notes: EntryNote[];
  traces: TracedQuote[];
  /** The speaker as the site names them (through the alias file), with their page's slug. */
  speaker?: Speaker | undefined;
  /** The seed's versions, from its git history (absent without one): `doc` is the last, with lasting ids. */
  history?: DocumentHistory | undefined;
}

/**
 * Join a parsed seed with its notes file (raw text, if any): metadata,
 * anchored notes, traced quotes, and the speaker as the alias file names them. Throws the notes parser's `ProblemError`
 * (with its line) when a note is malformed or does not anchor.
 */
export function annotate(
  file: string,
  slug: string,
  doc: SeedDocument,
  notesRaw: string | undefined,
  aliases: Aliases = NO_ALIASES,
  history?: DocumentHistory,
): SeedEntry {
  const parsed = notesRaw === undefined ? undefined : parseNotes(notesRaw);
  const attribution = partOf(doc, 'attribution');
  const fm = parsed?.meta ?? {};
  const meta: SeedEntry['meta'] = { lang: fm.lang ?? doc.lang };
  // Who the text quotes, as it names them (src/lib/seed/speaker.ts); the notes' front matter settles it.
  const read = documentSpeaker(doc);
  const speaker = fm.speaker ?? read?.name;
  const kind = fm.speaker ? (speakerOf(fm.speaker)?.kind ?? 'person') : read?.kind;
  const role = fm.role ?? attribution?.role;
  const date = fm.date ?? attribution?.date;
  const source = fm.source ?? partOf(doc, 'source')?.url;
  if (speaker) meta.speaker = speaker;
  if (kind === 'body') meta.speakerKind = 'body';
  if (!fm.speaker && read?.postedBy) meta.postedBy = read.postedBy;
  if (role) meta.role = role;
  if (date) meta.date = date;
  if (source) meta.source = source;
  if (fm.translated) meta.translated = fm.translated;
  if (fm.probablyVia) meta.probablyVia = fm.probablyVia;
  if (fm.abridged !== undefined) meta.abridged = fm.abridged;
  settledReading(doc, fm, notesRaw ?? '');
  const notes = anchorNotes(doc.text, parsed?.notes ?? []).map((n) => ({ ...n, html: renderNoteMarkdown(n.body, n.id) }));
  return {
    file,
    slug,
    title: fm.title ?? documentTitle(doc, file, speaker),
    doc: meta.lang === doc.lang ? doc : { ...doc, lang: meta.lang },
    meta,
    notes,
    traces: traceQuotes(doc),
    ...(speaker ? { speaker: resolveSpeaker(speaker, aliases, kind) } : {}),
    ...(history ? { history } : {}),
  };
}

/**
 * Check what the notes settle of the reading against the text it was read
 * with (src/lib/seed/parse.ts `ReadingSettled`): each `statement:` line's
 * words begin a paragraph, and `headline:`'s begin the first line. Throws a
 * {@link ProblemError} naming the notes line.
 */
function settledReading(doc: SeedDocument, fm: NotesMeta, notesRaw: string): void {
  // The paragraphs as the parser cuts them (a line of its own is one).
  const paragraphs = paragraphBlocks(doc.text).map((b) => doc.text.slice(b.start, b.end));
  const hint = 'copy the first words of the paragraph as the seed has them';
  for (const s of fm.statement === 'none' ? [] : (fm.statement ?? [])) {
    if (!paragraphs.some((p) => beginsWith(p.trim(), s.words)))
      throw new ProblemError({ line: s.line, message: `statement "${s.words}" begins no paragraph of the seed`, hint });
  }
  if (fm.headline !== undefined && fm.headline !== 'none' && !doc.parts.some((p) => p.kind === 'headline')) {
    const line = notesRaw.split(/\r?\n/u).findIndex((l) => l.startsWith('headline:')) + 1;
    throw new ProblemError({ line, message: `headline "${fm.headline}" is not how the seed's first line begins`, hint });
  }
}

/**
 * An entry as the content store keeps it: the text of every span inside the
 * document left out, since each is a slice of `doc.text` at its offsets.
 * A corpus's store (and a build's memory) is then about half the size;
 * {@link expandEntry} puts the texts back.
 */
export function compactEntry(entry: SeedEntry): SeedEntry {
  const text = entry.doc.text;
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    const o = node as Record<string, unknown>;
    const derived = typeof o.start === 'number' && typeof o.end === 'number' && o.text === text.slice(o.start, o.end);
    for (const [k, v] of Object.entries(o)) if (!(derived && k === 'text')) out[k] = strip(v);
    return out;
  };
  return { ...entry, doc: { ...entry.doc, parts: strip(entry.doc.parts) as SeedDocument['parts'] } };
}

/** Put back the span texts {@link compactEntry} left out (in place; returns the entry). */
export function expandEntry(entry: SeedEntry): SeedEntry {
  const text = entry.doc.text;
  const fill = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(fill);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    // Parts are spans without a text of their own, except the attribution.
    const isSpan = typeof o.start === 'number' && typeof o.end === 'number' && (o.kind === undefined || o.kind === 'attribution');
    if (isSpan && o.text === undefined) o.text = text.slice(o.start as number, o.end as number);
    for (const v of Object.values(o)) if (v && typeof v === 'object') fill(v);
  };
  fill(entry.doc.parts);
  return entry;
}
