/**
 * What the site can truthfully say about a quotation's provenance: that it
 * is quoted as the source quotes it, whether the source translated it (and
 * from what), and whether it is abridged, as the notes file says, or may be,
 * when the statement holds an ellipsis. It never says "verbatim": a reader
 * cannot check that, and a translation is not.
 */
import type { NotesMeta } from './notes.ts';

const names = new Intl.DisplayNames(['en'], { type: 'language' });
const languageName = (tag: string) => {
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
};

/** The quotation's provenance, in words. */
export interface Provenance {
  /** The tag beside "The statement": `Quotation` or `Quotation (translated)`. */
  tag: string;
  /**
   * The page's line about it, beside who said it and when: "translated from
   * Japanese via Chinese, abridged in the source" (the text on the page is in
   * the last language; empty when it is neither translated nor abridged).
   */
  line: string;
  /** "translated from Japanese via Chinese into English", when it is a translation. */
  translation?: string | undefined;
  /** True when the notes say it is abridged; "may be" when only an ellipsis suggests it. */
  abridged: boolean | 'may be';
}

/** An ellipsis in the statement: three periods or the ellipsis character. */
const ELLIPSIS = /\.{3}|…/u;

/** How the site labels a statement, from the notes' front matter and the statement's text. */
export function provenance(meta: Pick<NotesMeta, 'translated' | 'abridged'>, statementText: string): Provenance {
  const chain = meta.translated;
  const translation =
    chain && chain.length >= 2
      ? `translated from ${languageName(chain[0]!)}${chain.length > 2 ? ` via ${chain.slice(1, -1).map(languageName).join(' and ')}` : ''} into ${languageName(chain.at(-1)!)}`
      : undefined;
  const abridged = meta.abridged === true ? true : meta.abridged === undefined && ELLIPSIS.test(statementText) ? ('may be' as const) : false;
  const parts = translation ? [translation.replace(/ into [^,]+$/u, '')] : [];
  if (abridged === true) parts.push('abridged in the source');
  if (abridged === 'may be') parts.push('may be abridged (it has an ellipsis)');
  return { tag: translation ? 'Quotation (translated)' : 'Quotation', line: parts.join(', '), translation, abridged };
}
