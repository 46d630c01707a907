/**
 * Where each part and note of a document goes on its reading page, in a
 * view (both voices, or one alone): text outside the voices before, between
 * or after them, and the notes the view shows (those of a hidden voice left
 * out), in number order, for the list after the text.
 */
import { type Voice } from '../seed/document.ts';
import { partOf, type CommentaryPart, type DisclaimerPart, type OtherPart, type SeedDocument, type SourcePart, type StatementPart } from '../seed/parse.ts';

/** A view of a document: both voices, or one of them alone. */
export type View = 'both' | Voice;

/** What a placed note needs: where it starts and its number. */
interface PlacedNote {
  start: number;
  number: number;
}

/** Where things go on one view of a document. */
export interface Placement<N extends PlacedNote> {
  statement?: StatementPart | undefined;
  commentary?: CommentaryPart | undefined;
  /** Text outside the voices (only in the view of both), before, between and after them. */
  othersBefore: OtherPart[];
  othersBetween: OtherPart[];
  othersAfter: OtherPart[];
  sources: SourcePart[];
  /** The disclaimers shown (the commentary's: none in the statement's view). */
  disclaimers: DisclaimerPart[];
  /** Every note the view shows, in number order. */
  notes: N[];
}

const within = (n: { start: number }, span: { start: number; end: number }) => n.start >= span.start && n.start < span.end;

/** Place the parts and notes of `doc` in `view`. */
export function placement<N extends PlacedNote>(doc: SeedDocument, notes: readonly N[], view: View): Placement<N> {
  const statementPart = partOf(doc, 'statement');
  const commentaryPart = partOf(doc, 'commentary');
  const statement = view !== 'commentary' ? statementPart : undefined;
  const commentary = view !== 'statement' ? commentaryPart : undefined;
  const others = doc.parts.filter((p): p is OtherPart => p.kind === 'other');
  const firstVoice = statementPart ?? commentaryPart;
  const othersBefore = others.filter((o) => firstVoice && o.end <= firstVoice.start);
  const othersBetween = others.filter((o) => statementPart && commentaryPart && o.start >= statementPart.end && o.end <= commentaryPart.start);
  const othersAfter = others.filter((o) => !othersBefore.includes(o) && !othersBetween.includes(o));
  const hiddenVoice = view === 'statement' ? commentaryPart : view === 'commentary' ? statementPart : undefined;
  const shown = notes.filter((n) => !(hiddenVoice && within(n, hiddenVoice)));
  const both = view === 'both';
  return {
    statement,
    commentary,
    othersBefore: both ? othersBefore : [],
    othersBetween: both ? othersBetween : [],
    othersAfter: both ? othersAfter : [],
    sources: doc.parts.filter((p): p is SourcePart => p.kind === 'source'),
    disclaimers: view === 'statement' ? [] : doc.parts.filter((p): p is DisclaimerPart => p.kind === 'disclaimer'),
    notes: [...shown].sort((a, b) => a.number - b.number),
  };
}
