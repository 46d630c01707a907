/**
 * Where each part and note of a document goes on its reading page: text
 * outside the voices before, between or after them, and every note, in
 * number order, for the list after the text, with the voice it annotates.
 * (One voice alone is a state of the same page, drawn by its styles: they
 * hide the other voice and its notes.)
 */
import { type Voice } from '../seed/document.ts';
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
  disclaimers: DisclaimerPart[];
  /** Every note, in number order, with the voice whose text it annotates (none: the lead-in, a label, the source line). */
  notes: (N & { voice?: Voice | undefined })[];
}

const within = (n: { start: number }, span: { start: number; end: number }) => n.start >= span.start && n.start < span.end;

/** Place the parts and notes of `doc` on its reading page. */
export function placement<N extends PlacedNote>(doc: SeedDocument, notes: readonly N[]): Placement<N> {
  const statement = partOf(doc, 'statement');
  const commentary = partOf(doc, 'commentary');
  const others = doc.parts.filter((p): p is OtherPart => p.kind === 'other');
  const firstVoice = statement ?? commentary;
  const othersBefore = others.filter((o) => firstVoice && o.end <= firstVoice.start);
  const othersBetween = others.filter((o) => statement && commentary && o.start >= statement.end && o.end <= commentary.start);
  const othersAfter = others.filter((o) => !othersBefore.includes(o) && !othersBetween.includes(o));
  const voiceOf = (n: N): Voice | undefined =>
    statement && within(n, statement) ? 'statement' : commentary && within(n, commentary) ? 'commentary' : undefined;
  return {
    statement,
    commentary,
    othersBefore,
    othersBetween,
    othersAfter,
    sources: doc.parts.filter((p): p is SourcePart => p.kind === 'source'),
    disclaimers: doc.parts.filter((p): p is DisclaimerPart => p.kind === 'disclaimer'),
    notes: [...notes].sort((a, b) => a.number - b.number).map((n) => ({ ...n, voice: voiceOf(n) })),
  };
}
