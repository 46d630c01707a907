/**
 * The shape of a parsed seed: its parts (lead-in, statement, commentary,
 * source, disclaimer, anything else), their paragraphs and sentences, each
 * with its offsets into the text, and the accessors pages use to read them.
 * Types and plain functions only, so every layer may import it without
 * pulling in the parser.
 */
import type { LeadIn } from './lead-in.ts';
import type { Span } from './sentences.ts';

export type { Span } from './sentences.ts';

/** The two voices of a document, with the labels readers see. */
export const VOICES = { statement: 'Statement', commentary: 'Commentary' } as const;
/** The statement or the commentary. */
export type Voice = keyof typeof VOICES;
/** The voices, statement first (the order of {@link VOICES}). */
export const VOICE_LIST = Object.keys(VOICES) as readonly Voice[];
/** What a paragraph belongs to: a voice, or text outside both (`other`). */
export type ParagraphVoice = Voice | 'other';

/** The letter that starts the ids of each kind of paragraph: `s1`, `c2`, `o1`. */
export const ID_LETTERS = { statement: 's', commentary: 'c', other: 'o' } as const satisfies Record<ParagraphVoice, string>;
/** An id's letter. */
export type IdLetter = (typeof ID_LETTERS)[ParagraphVoice];

/** What a paragraph or sentence id belongs to, from its letter (`c2a.1` → commentary). */
export function voiceOfId(id: string): ParagraphVoice {
  return id.startsWith('s') ? 'statement' : id.startsWith('c') ? 'commentary' : 'other';
}

/**
 * A paragraph's or sentence's id as readers see it: its voice letter in
 * capitals, the rest as it is (`c1a` → `C1a`, `s1.4` → `S1.4`).
 */
export const idLabel = (id: string): string => id.charAt(0).toUpperCase() + id.slice(1);

/** A run of text with its offsets. */
export interface TextSpan extends Span {
  text: string;
}

/** One sentence; `id` is `<paragraph id>.<n>` (`s1.4`). */
export interface Sentence extends TextSpan {
  id: string;
}

/** One paragraph of a voice; `id` is `s1`, `c2`, `o1`, … */
export interface Paragraph extends TextSpan {
  id: string;
  sentences: Sentence[];
  /**
   * Quotations of the statement standing inside a paragraph of other words
   * (a commentary's "…, the ministry said"): the quoted words, without their
   * marks. Pages mark them as the statement's words where they stand.
   */
  quotes?: TextSpan[];
}

/** The original's headline: its first line, when that is a title and not a paragraph. */
export interface HeadlinePart extends TextSpan {
  kind: 'headline';
}

/**
 * The lead-in before a quotation ("X posted today (December 12):"), or the
 * attribution after one ("– President A. Name", "…," the ministry said).
 */
export interface AttributionPart extends TextSpan, LeadIn {
  kind: 'attribution';
  /** Set when the attribution follows its quotation. */
  after?: true;
}

/** The quoted statement, without its quotation marks. */
export interface StatementPart extends Span {
  kind: 'statement';
  /** The quotation marks: the opening one, one per reopened paragraph, the closing one (with punctuation after it). */
  marks: TextSpan[];
  paragraphs: Paragraph[];
  /** False when the quotation never closes (a warning says so). */
  closed: boolean;
  /** Speech the original gives without quotation marks ("X pointed out: Although …"): `marks` is then empty. */
  unmarked?: true;
}

/** The editorial commentary. */
export interface CommentaryPart extends Span {
  kind: 'commentary';
  /** "Comment:", "[Witty] Comment:", … when present. */
  label?: TextSpan;
  paragraphs: Paragraph[];
}

/** "Original article: …" */
export interface SourcePart extends Span {
  kind: 'source';
  label: TextSpan;
  value: TextSpan;
  /** An `http(s)://` address, only when the value is a web address. */
  url?: string;
}

/** "Statement: This article represents the views of the author." */
export interface DisclaimerPart extends Span {
  kind: 'disclaimer';
  label: TextSpan;
  value: TextSpan;
}

/** Anything else, kept in its place. */
export interface OtherPart extends Span {
  kind: 'other';
  paragraphs: Paragraph[];
  /** Narration around the quotations (who said what, when), outside both voices: the lead-in's kind of text. */
  narration?: true;
}

export type Part = HeadlinePart | AttributionPart | StatementPart | CommentaryPart | SourcePart | DisclaimerPart | OtherPart;

/** Something a person should look at, with its 1-based line. */
export interface Warning {
  line: number;
  message: string;
}

/** A parsed seed. Offsets refer to `text`. */
export interface SeedDocument {
  /** The seed's text after `normalizeText` (text.ts): BOM removed, line breaks made LF. */
  text: string;
  /** Parts in reading order. */
  parts: Part[];
  warnings: Warning[];
  /** BCP 47 tag guessed from the script: `zh`, `ja` or `en`. */
  lang: string;
}

/** Every paragraph of a document (statement, commentary, other), in reading order. */
export function allParagraphs(doc: Pick<SeedDocument, 'parts'>): Paragraph[] {
  return doc.parts.flatMap((p) => (p.kind === 'statement' || p.kind === 'commentary' || p.kind === 'other' ? p.paragraphs : []));
}

/** The part of a given kind, if any. */
export function partOf<K extends Part['kind']>(doc: SeedDocument, kind: K): Extract<Part, { kind: K }> | undefined {
  return doc.parts.find((p): p is Extract<Part, { kind: K }> => p.kind === kind);
}

/**
 * Every paragraph of a voice, in reading order: a text may quote its
 * statement in several blocks, with commentary between them.
 */
export function voiceParagraphs(doc: Pick<SeedDocument, 'parts'>, voice: Voice): Paragraph[] {
  return doc.parts.flatMap((p) => (p.kind === voice ? p.paragraphs : []));
}

/** The voices a document has, statement first. */
export function voicesOf(doc: SeedDocument): Voice[] {
  return VOICE_LIST.filter((v) => partOf(doc, v));
}

/** A statement paragraph with the quotation marks that stand just before and after it. */
export interface MarkedParagraph {
  paragraph: Paragraph;
  before: string;
  after: string;
}

/**
 * Pair each statement paragraph with its marks, so a page can show the text
 * exactly as written: opening and reopening marks stand before a paragraph,
 * the closing mark (and the punctuation after it) after the last one.
 */
export function markedParagraphs(part: StatementPart): MarkedParagraph[] {
  const text = (marks: TextSpan[]) => marks.map((m) => m.text).join('');
  return part.paragraphs.map((paragraph, i, all) => {
    const prevEnd = i === 0 ? -Infinity : all[i - 1]!.end;
    const isLast = i === all.length - 1;
    return {
      paragraph,
      before: text(part.marks.filter((m) => m.start >= prevEnd && m.end <= paragraph.start)),
      after: isLast ? text(part.marks.filter((m) => m.start >= paragraph.end)) : '',
    };
  });
}
