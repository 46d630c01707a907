/**
 * schema.org data for a reading page (JSON-LD): the page is an Article;
 * each block of the quoted statement (a text may quote it in several places)
 * is a Quotation spoken by the speaker (a Person, or an Organization for a
 * ministry, an embassy, an outlet), based on the
 * original source, marked as a translation when the notes say it is one,
 * and described by the page's own provenance caption (schema.org's
 * `abridged` is a property of Book only, so "abridged in the source" is
 * said there). It claims nothing the page does not: the article's author
 * is not named, because the seeds do not name them.
 */
import type { SeedDocument } from '../seed/parse.ts';
import type { NotesMeta } from '../notes/notes.ts';
import { provenance } from '../notes/provenance.ts';

/** What the structured data describes. */
export interface StructuredInput {
  /** The reading page's absolute address. */
  url: string;
  title: string;
  doc: SeedDocument;
  meta: Pick<NotesMeta, 'speaker' | 'role' | 'date' | 'source' | 'translated' | 'probablyVia' | 'abridged'> & {
    lang: string;
    speakerKind?: 'body' | undefined;
  };
  siteName: string;
  siteUrl: string;
  /** The latest correction of the text (a document with more than one version): its date (ISO) and note. */
  correction?: { date: string; note: string } | undefined;
}

/** The JSON-LD object of a reading page. */
export function articleJsonLd(i: StructuredInput): Record<string, unknown> {
  const speaker = i.meta.speaker
    ? i.meta.speakerKind === 'body'
      ? { '@type': 'Organization', name: i.meta.speaker }
      : { '@type': 'Person', name: i.meta.speaker, ...(i.meta.role ? { jobTitle: i.meta.role } : {}) }
    : undefined;
  const quotations = i.doc.parts.flatMap((statement) => {
    if (statement.kind !== 'statement') return [];
    const text = statement.paragraphs.map((p) => p.text).join('\n\n');
    // "As quoted in the source; translated from Japanese, probably via Chinese, into English; abridged in the source."
    const { translation, abridged } = provenance(i.meta, text);
    const said = [
      statement.unmarked ? 'As the source gives it, not in quotation marks' : 'As quoted in the source',
      translation,
      abridged === true ? 'abridged in the source' : abridged ? 'may be abridged (it has an ellipsis)' : undefined,
    ];
    return [
      {
        '@type': 'Quotation',
        text,
        description: `${said.filter(Boolean).join('; ')}.`,
        inLanguage: i.doc.lang,
        ...(speaker ? { spokenByCharacter: speaker } : {}),
        ...(i.meta.translated ? { translationOfWork: { '@type': 'CreativeWork', inLanguage: i.meta.translated[0] } } : {}),
      },
    ];
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: i.title,
    url: i.url,
    inLanguage: i.doc.lang,
    ...(i.meta.date ? { datePublished: i.meta.date } : {}),
    ...(i.correction
      ? { dateModified: i.correction.date, correction: { '@type': 'CorrectionComment', text: i.correction.note, datePublished: i.correction.date } }
      : {}),
    ...(i.meta.source ? { isBasedOn: i.meta.source } : {}),
    publisher: { '@type': 'Organization', name: i.siteName, url: i.siteUrl },
    ...(quotations.length ? { hasPart: quotations } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so text can never close the element. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</gu, '\\u003c');
}
