/**
 * Where each part and note of a document goes on its reading page: its
 * parts in the original's order (the lead-in, each block of the statement and
 * of the commentary, the narration between them, as the voices follow each
 * other in the text), the closing lines after them, and every note, in
 * number order, for the list after the text, with the voice it annotates.
 * (One voice alone is a state of the same page, drawn by its styles: they
 * hide the other voice and its notes.)
 */
import { type Voice } from '../seed/document.ts';
import type { AttributionPart } from '../seed/document.ts';
import type { CommentaryPart, DisclaimerPart, OtherPart, SeedDocument, SourcePart, StatementPart } from '../seed/parse.ts';

/** What a placed note needs: where it starts and its number. */
interface PlacedNote {
  start: number;
  number: number;
}

/** A part of the text shown in its place, with its number among the parts of its kind (1 for the first). */
export type Placed =
  { part: AttributionPart; n: number } | { part: StatementPart; n: number } | { part: CommentaryPart; n: number } | { part: OtherPart; n: number };

/** Where things go on a document's reading page. */
export interface Placement<N extends PlacedNote> {
  /** The text's parts before its closing lines, in order (not the headline, which is the page's title). */
  body: Placed[];
  /** Text after the closing lines. */
  othersAfter: OtherPart[];
  sources: SourcePart[];
  disclaimers: DisclaimerPart[];
  /** Every note, in number order, with the voice whose text it annotates (none: the lead-in, a label, the source line). */
  notes: (N & { voice?: Voice | undefined })[];
}

const within = (n: { start: number }, span: { start: number; end: number }) => n.start >= span.start && n.start < span.end;

/** Place the parts and notes of `doc` on its reading page. */
export function placement<N extends PlacedNote>(doc: SeedDocument, notes: readonly N[]): Placement<N> {
  const firstTrailer = doc.parts.findIndex((p) => p.kind === 'source' || p.kind === 'disclaimer');
  const counts = new Map<string, number>();
  const body: Placed[] = [];
  const othersAfter: OtherPart[] = [];
  doc.parts.forEach((part, i) => {
    if (part.kind === 'headline' || part.kind === 'source' || part.kind === 'disclaimer') return;
    if (part.kind === 'other' && firstTrailer >= 0 && i > firstTrailer) {
      othersAfter.push(part);
      return;
    }
    const n = (counts.get(part.kind) ?? 0) + 1;
    counts.set(part.kind, n);
    body.push({ part, n } as Placed);
  });
  const voiced = doc.parts.filter((p): p is StatementPart | CommentaryPart => p.kind === 'statement' || p.kind === 'commentary');
  const voiceOf = (n: N): Voice | undefined => voiced.find((p) => within(n, p))?.kind;
  return {
    body,
    othersAfter,
    sources: doc.parts.filter((p): p is SourcePart => p.kind === 'source'),
    disclaimers: doc.parts.filter((p): p is DisclaimerPart => p.kind === 'disclaimer'),
    notes: [...notes].sort((a, b) => a.number - b.number).map((n) => ({ ...n, voice: voiceOf(n) })),
  };
}
