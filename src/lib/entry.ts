/**
 * A document as the site uses it: the parsed seed joined with its notes
 * (metadata, anchored notes) and its traced quotes. Every layer may import
 * these types; {@link annotate} is the one place an entry is made, so the
 * content loader and the search indexer always agree on a document.
 */
import { renderNoteMarkdown } from './note-markdown.ts';
import { anchorNotes, parseNotes, type AnchoredNote, type NotesMeta } from './notes.ts';
import { partOf, type SeedDocument } from './parse.ts';
import { documentTitle } from './summary.ts';
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
  meta: Required<Pick<NotesMeta, 'lang'>> & Omit<NotesMeta, 'lang' | 'slug' | 'title'>;
  notes: EntryNote[];
  traces: TracedQuote[];
}

/**
 * Join a parsed seed with its notes file (raw text, if any): metadata,
 * anchored notes, traced quotes. Throws the notes parser's `NotesError`
 * (with its line) when a note is malformed or does not anchor.
 */
export function annotate(file: string, slug: string, doc: SeedDocument, notesRaw: string | undefined): SeedEntry {
  const parsed = notesRaw === undefined ? undefined : parseNotes(notesRaw);
  const attribution = partOf(doc, 'attribution');
  const fm = parsed?.meta ?? {};
  const meta: SeedEntry['meta'] = { lang: fm.lang ?? doc.lang };
  const speaker = fm.speaker ?? attribution?.speaker;
  const role = fm.role ?? attribution?.role;
  const date = fm.date ?? attribution?.date;
  const source = fm.source ?? partOf(doc, 'source')?.url;
  if (speaker) meta.speaker = speaker;
  if (role) meta.role = role;
  if (date) meta.date = date;
  if (source) meta.source = source;
  const notes = anchorNotes(doc.text, parsed?.notes ?? []).map((n) => ({ ...n, html: renderNoteMarkdown(n.body, n.id) }));
  return {
    file,
    slug,
    title: fm.title ?? documentTitle(doc, file),
    doc: meta.lang === doc.lang ? doc : { ...doc, lang: meta.lang },
    meta,
    notes,
    traces: traceQuotes(doc),
  };
}
