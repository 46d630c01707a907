/**
 * What the site can truthfully say about a quotation's provenance: that it
 * is quoted as the source quotes it, whether the source translated it (and
 * from what, and through which languages: "probably" through one that no
 * source shows, `zh?` in the notes), and whether it is abridged, as the
 * notes file says, or may be, when the statement holds an ellipsis. It never
 * says "verbatim": a reader cannot check that, and a translation is not.
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
   * Japanese, probably via Chinese, abridged in the source" (the text on the
   * page is in the last language; empty when it is neither translated nor
   * abridged).
   */
  line: string;
  /** "translated from Japanese, probably via Chinese, into English", when it is a translation. */
  translation?: string | undefined;
  /** True when the notes say it is abridged; "may be" when only an ellipsis suggests it. */
  abridged: boolean | 'may be';
}

/** An ellipsis in the statement: three periods or the ellipsis character. */
const ELLIPSIS = /\.{3}|…/u;

/** How the site labels a statement, from the notes' front matter and the statement's text. */
export function provenance(meta: Pick<NotesMeta, 'translated' | 'probablyVia' | 'abridged'>, statementText: string): Provenance {
  const chain = meta.translated && meta.translated.length >= 2 ? meta.translated : undefined;
  const middle = chain?.slice(1, -1) ?? [];
  const probable = (tag: string) => meta.probablyVia?.includes(tag) ?? false;
  // Every step between probable: set apart by commas ("from Japanese, probably via Chinese, into English").
  const aside = middle.length > 0 && middle.every(probable);
  const via = aside
    ? `, probably via ${middle.map(languageName).join(' and ')}`
    : middle.length > 0
      ? ` via ${middle.map((tag) => `${probable(tag) ? 'probably ' : ''}${languageName(tag)}`).join(' and ')}`
      : '';
  const from = chain && `translated from ${languageName(chain[0]!)}${via}`;
  const translation = chain && `${from}${aside ? ',' : ''} into ${languageName(chain.at(-1)!)}`;
  const abridged = meta.abridged === true ? true : meta.abridged === undefined && ELLIPSIS.test(statementText) ? ('may be' as const) : false;
  const parts = from ? [from] : [];
  if (abridged === true) parts.push('abridged in the source');
  if (abridged === 'may be') parts.push('may be abridged (it has an ellipsis)');
  return { tag: translation ? 'Quotation (translated)' : 'Quotation', line: parts.join(', '), translation, abridged };
}
