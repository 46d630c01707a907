/**
 * Citing a passage: a plain-text citation, and text-fragment addresses
 * (`…#c2:~:text=start,end`) for a selection.
 */
import { formatDate, MONTHS } from '../common/dates.ts';
import { idLabel, type ParagraphVoice } from '../seed/document.ts';

/** What a citation names. */
export interface CitationInput {
  voice: ParagraphVoice;
  speaker?: string | undefined;
  role?: string | undefined;
  /** The statement is a translation (the notes' `translated:`): cited as "quoted in translation". */
  translated?: boolean | undefined;
  title: string;
  paragraphId: string;
  /** ISO date of the document, when known. */
  date?: string | undefined;
  source?: string | undefined;
  /** The paragraph's permanent absolute address. */
  address: string;
  /** The date of the version cited (ISO), when the document's history is known. */
  version?: string | undefined;
  siteName: string;
}

/** What every citation of one document says: all but the paragraph, its voice and its address. */
export type DocumentCitation = Omit<CitationInput, 'voice' | 'paragraphId' | 'address'> & {
  /** The cited page's absolute address (a corrected document's: its version's own), a paragraph's is this with `#<id>`. */
  page: string;
};

/** The citation of one paragraph of a document. */
export function paragraphCitation(d: DocumentCitation, voice: ParagraphVoice, paragraphId: string): string {
  const { page, ...rest } = d;
  return citation({ ...rest, voice, paragraphId, address: `${page}#${paragraphId}` });
}

/**
 * A plain-text citation without the date accessed (the page adds it when it
 * is copied): author or speaker, title, paragraph, date, source, address.
 */
export function citation(c: CitationInput): string {
  const who =
    c.voice === 'statement'
      ? `${c.speaker ?? 'Unnamed speaker'}${c.role ? ` (${c.role})` : ''}, quoted${c.translated ? ' in translation' : ''} in`
      : c.voice === 'commentary'
        ? 'Unnamed author, commentary in'
        : 'In';
  const parts = [`${who} “${c.title}”, paragraph ${idLabel(c.paragraphId)}`];
  if (c.date) parts.push(formatDate(c.date));
  if (c.version) parts.push(`version of ${formatDate(c.version.slice(0, 10))}`);
  let text = `${parts.join(', ')}.`;
  if (c.source) text += ` Original: ${c.source}.`;
  return `${text} ${c.siteName}, ${c.address}.`;
}

/** The date-accessed sentence a copied citation ends with. */
export function accessed(now: Date): string {
  return `Accessed ${now.getUTCDate()} ${MONTHS[now.getUTCMonth()]} ${now.getUTCFullYear()}.`;
}

/** Percent-encode a text-fragment term (`-`, `,` and `&` are syntax there). */
function encodeTerm(s: string): string {
  return encodeURIComponent(s).replace(/-/gu, '%2D');
}

/**
 * The text directive for a selection: the whole text when short, else its
 * first and last few words (`textStart,textEnd`), as browsers match them.
 */
export function textDirective(selected: string): string {
  const words = selected.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length <= 8) return `:~:text=${encodeTerm(words.join(' '))}`;
  return `:~:text=${encodeTerm(words.slice(0, 4).join(' '))},${encodeTerm(words.slice(-4).join(' '))}`;
}
