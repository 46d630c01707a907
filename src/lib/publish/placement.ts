/**
 * Where each part and note of a document goes on its reading page: text
 * outside the voices before, between or after them; notes after the
 * lead-in, beside the paragraph they annotate, or at the end (a note on a
 * label or the source line); and the print footnotes in number order. (One
 * voice alone is a state of the same page, drawn by its styles.)
 */
import { partOf, type CommentaryPart, type DisclaimerPart, type OtherPart, type SeedDocument, type SourcePart, type StatementPart } from '../seed/parse.ts';

/** What a placed note needs: where it starts and its number. */
interface PlacedNote {
  start: number;
  number: number;
}

/** Where things go on a document's reading page. */
export interface Placement<N extends PlacedNote> {
  statement?: StatementPart | undefined;
  commentary?: CommentaryPart | undefined;
  /** Text outside the voices, before, between and after them. */
  othersBefore: OtherPart[];
  othersBetween: OtherPart[];
  othersAfter: OtherPart[];
  sources: SourcePart[];
  /** The disclaimers. */
  disclaimers: DisclaimerPart[];
  /** Notes shown after the lead-in. */
  leadNotes: N[];
  /** Notes shown after their paragraph. */
  bodyNotes: N[];
  /** Notes shown at the end: on a label, the source line, anything without a paragraph on the page. */
  restNotes: N[];
  /** Every note, in number order. */
  shown: N[];
}

const within = (n: { start: number }, span: { start: number; end: number }) => n.start >= span.start && n.start < span.end;

/** Place the parts and notes of `doc` on its reading page. */
export function placement<N extends PlacedNote>(doc: SeedDocument, notes: readonly N[]): Placement<N> {
  const attribution = partOf(doc, 'attribution');
  const statement = partOf(doc, 'statement');
  const commentary = partOf(doc, 'commentary');
  const others = doc.parts.filter((p): p is OtherPart => p.kind === 'other');
  const firstVoice = statement ?? commentary;
  const othersBefore = others.filter((o) => firstVoice && o.end <= firstVoice.start);
  const othersBetween = others.filter((o) => statement && commentary && o.start >= statement.end && o.end <= commentary.start);
  const othersAfter = others.filter((o) => !othersBefore.includes(o) && !othersBetween.includes(o));
  const paragraphs = [...(statement ? [statement] : []), ...(commentary ? [commentary] : []), ...others].flatMap((p) => p.paragraphs);
  const leadNotes = attribution ? notes.filter((n) => within(n, attribution)) : [];
  const bodyNotes = notes.filter((n) => paragraphs.some((p) => within(n, p)));
  const restNotes = notes.filter((n) => !leadNotes.includes(n) && !bodyNotes.includes(n));
  return {
    statement,
    commentary,
    othersBefore,
    othersBetween,
    othersAfter,
    sources: doc.parts.filter((p): p is SourcePart => p.kind === 'source'),
    disclaimers: doc.parts.filter((p): p is DisclaimerPart => p.kind === 'disclaimer'),
    leadNotes,
    bodyNotes,
    restNotes,
    shown: [...leadNotes, ...bodyNotes, ...restNotes].sort((a, b) => a.number - b.number),
  };
}
