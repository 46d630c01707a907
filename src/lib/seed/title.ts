/**
 * Derived facts a listing or a page header needs: the title, the first line
 * of the statement. Nothing here changes the seed's words; it only picks them.
 */
import { partOf, type SeedDocument } from './parse.ts';

/** Cut `text` at a word boundary to at most `max` characters, adding "…" when cut. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atSpace = cut.lastIndexOf(' ');
  return `${(atSpace > max / 2 ? cut.slice(0, atSpace) : cut).replace(/[\s,;:]+$/u, '')}…`;
}

/** The first sentence of the statement, or of the commentary when there is no statement. */
export function firstLine(doc: SeedDocument): string | undefined {
  const voice = partOf(doc, 'statement') ?? partOf(doc, 'commentary') ?? partOf(doc, 'other');
  return voice?.paragraphs[0]?.sentences[0]?.text;
}

/**
 * A title for a document: the original's headline when it has one; else
 * "Speaker: “first sentence of the statement”", or the first sentence alone,
 * or `fallback` (the file name). `speaker` is who the document quotes, when
 * the text names them (speaker.ts).
 */
export function documentTitle(doc: SeedDocument, fallback: string, speaker?: string): string {
  const headline = partOf(doc, 'headline');
  if (headline) return headline.text;
  const statement = partOf(doc, 'statement');
  const attribution = partOf(doc, 'attribution');
  const line = firstLine(doc);
  if (!line) return fallback;
  const short = truncateWords(line, 90);
  const who = speaker ?? attribution?.speaker ?? attribution?.role;
  if (statement && who) return `${who}: “${short}”`;
  return short;
}
