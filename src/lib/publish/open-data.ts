/**
 * A document as open data: its exact text, its parts with their public ids
 * and offsets, its notes as W3C Web Annotations (TextQuoteSelector and
 * TextPositionSelector; a disputed note also tagged `disputed`), each phrase
 * the commentary quotes linked to the statement's words (motivation
 * `linking`), and its traced quotes.
 */
import type { SeedEntry } from '../notes/entry.ts';
import type { AnchoredNote, NotesMeta } from '../notes/notes.ts';
import type { Part, SeedDocument } from '../seed/parse.ts';
import type { TracedQuote } from '../notes/trace.ts';
import { partId, type Addresses } from './addresses.ts';
import type { VersionInfo } from '../history/versions.ts';

/** What the export needs to know of a document. */
export interface OpenDataInput {
  /** The reading page's absolute address. */
  url: string;
  title: string;
  file: string;
  doc: SeedDocument;
  meta: NotesMeta;
  notes: AnchoredNote[];
  traces: TracedQuote[];
  /** The text's versions (oldest first; the last is this text), each with its page's absolute address. */
  versions?: (VersionInfo & { address: string })[] | undefined;
}

const CONTEXT_CHARS = 32;

/** A part as open data; `n`: its number among the parts of its kind, so its id is the reading page's. */
function part(p: Part, n: number) {
  const base = { kind: p.kind, start: p.start, end: p.end };
  switch (p.kind) {
    case 'headline':
      return { ...base, id: 'headline', text: p.text };
    case 'attribution':
      return {
        ...base,
        id: partId('attribution', n),
        text: p.text,
        speaker: p.speaker,
        role: p.role,
        dateText: p.dateText,
        ...(p.after ? { after: true } : {}),
      };
    case 'source':
    case 'disclaimer':
      return { ...base, id: p.kind, label: p.label.text, value: p.value.text, ...(p.kind === 'source' && p.url ? { url: p.url } : {}) };
    default:
      return {
        ...base,
        ...(p.kind === 'statement'
          ? { id: partId('statement', n), closed: p.closed, ...(p.unmarked ? { unmarked: true } : {}) }
          : p.kind === 'commentary'
            ? { id: partId('commentary', n), label: p.label?.text }
            : {}),
        paragraphs: p.paragraphs.map((para) => ({
          id: para.id,
          start: para.start,
          end: para.end,
          text: para.text,
          sentences: para.sentences.map((s) => ({ id: s.id, start: s.start, end: s.end })),
          ...(para.quotes ? { quotes: para.quotes.map((q) => ({ start: q.start, end: q.end, voice: 'statement' })) } : {}),
        })),
      };
  }
}

/** A span of the document's text as a Web Annotation target: its words in context, and its offsets. */
function quoteTarget(d: OpenDataInput, start: number, end: number) {
  // The version of the text the annotation was made against (W3C Web Annotation TimeState), when its date is known.
  const sourceDate = d.versions?.at(-1)?.date;
  return {
    source: d.url,
    ...(sourceDate ? { state: { type: 'TimeState', sourceDate: new Date(sourceDate).toISOString() } } : {}),
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: d.doc.text.slice(start, end),
        prefix: d.doc.text.slice(Math.max(0, start - CONTEXT_CHARS), start),
        suffix: d.doc.text.slice(end, end + CONTEXT_CHARS),
      },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

/** The JSON-ready export of one document. */
export function openData(d: OpenDataInput) {
  return {
    id: d.url,
    title: d.title,
    file: d.file,
    lang: d.doc.lang,
    meta: d.meta,
    text: d.doc.text,
    ...(d.versions ? { versions: d.versions.map((v) => ({ n: v.n, ...(v.date ? { date: v.date } : {}), note: v.note, address: v.address })) } : {}),
    parts: d.doc.parts.map((p, i, all) => part(p, all.slice(0, i + 1).filter((q) => q.kind === p.kind).length)),
    annotations: [
      ...d.notes.map((n) => ({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `${d.url}#${n.id}`,
        type: 'Annotation',
        motivation: 'commenting',
        body: [
          { type: 'TextualBody', format: 'text/markdown', language: 'en', value: n.body },
          ...(n.disputed ? [{ type: 'TextualBody', purpose: 'tagging', value: 'disputed' }] : []),
        ],
        target: quoteTarget(d, n.start, n.end),
      })),
      // A phrase the commentary quotes, linked to where the statement has it.
      ...d.traces.flatMap((t, i) =>
        t.matchStart === undefined || t.matchEnd === undefined
          ? []
          : [
              {
                '@context': 'http://www.w3.org/ns/anno.jsonld',
                id: `${d.url}#trace-${i + 1}`,
                type: 'Annotation',
                motivation: 'linking',
                body: quoteTarget(d, t.matchStart, t.matchEnd),
                target: quoteTarget(d, t.start, t.end),
              },
            ],
      ),
    ],
    traces: d.traces,
  };
}

/**
 * A document's `data.json`, as the site at `site` serves it, with `addresses`
 * under its base path. Without indentation, which was a quarter of its size:
 * one file per document, and browsers' JSON viewers indent it for a reader.
 */
export function openDataFile(entry: SeedEntry, site: URL, addresses: Pick<Addresses, 'documentPath' | 'versionPath'>): string {
  const url = new URL(addresses.documentPath(entry.slug), site).href;
  const all = entry.history?.versions ?? [];
  const versions = all.map((v) => ({ ...v, address: v.n === all.length ? url : new URL(addresses.versionPath(entry.slug, v.n), site).href }));
  return `${JSON.stringify(openData({ url, title: entry.title, file: entry.file, doc: entry.doc, meta: entry.meta, notes: entry.notes, traces: entry.traces, versions }))}\n`;
}
