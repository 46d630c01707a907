/**
 * What a reader mode shows of a built page: Mozilla's Readability (the
 * library behind Firefox's Reader View and many read-later tools) run on the
 * page's HTML in linkedom, and the words it keeps, in order, compared with
 * the document's.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { extractedWords } from './html.ts';

/** Readability's article of a page (null when it finds none), as a document of its own. */
export function readerView(html: string, url: string): Document | null {
  const { document } = parseHTML(html);
  // Readability resolves links against documentURI and baseURI; linkedom leaves them empty.
  Object.defineProperty(document, 'documentURI', { value: url });
  Object.defineProperty(document, 'baseURI', { value: url });
  const article = new Readability(document).parse();
  return article?.content ? parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document : null;
}

/** Where a heading stood among the words of `readerParts(…).rest`: `zzheading0`, `zzheading1`, …. */
export const HEADING = 'zzheading';

/** The words of `el`, as a reader sees them: lowercased, block edges between words. */
export const readWords = (el: Element) => extractedWords(el).map((w) => w.word.toLowerCase());
/** The words of a text, as `readWords` counts them. */
export const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);

interface Part {
  kind: string;
  start: number;
  end: number;
  /** The commentary's label ("Comment:"), as text. */
  label?: string;
  paragraphs?: { start: number; end: number }[];
}

/** The document's words in reading order, as the pieces a reader view must keep (each a run of words), with the voice a heading must precede. */
export function documentPieces(data: { text: string; parts: Part[] }): { words: string[]; voice?: 'statement' | 'commentary' }[] {
  const slice = (s: { start: number; end: number }) => wordsOf(data.text.slice(s.start, s.end));
  return data.parts.flatMap((part) => {
    const pieces = part.paragraphs ? [...(part.label ? [wordsOf(part.label)] : []), ...part.paragraphs.map(slice)] : [slice(part)];
    return pieces
      .filter((words) => words.length > 0)
      .map((words, i) => (i === 0 && (part.kind === 'statement' || part.kind === 'commentary') ? { words, voice: part.kind } : { words }));
  });
}

/**
 * Split a reader view into what it must hold: the headings (h2, each left as
 * a word `zzheading<n>` in its place), the notes (the list whose items hold
 * `note-N` ids, and its heading), and the rest, which must be the document's
 * own words.
 */
export function readerParts(view: Document): { headings: string[]; notes: string[]; rest: string[] } {
  const body = view.body.cloneNode(true) as Element;
  const notes: string[] = [];
  for (const list of body.querySelectorAll('ol')) {
    if (!list.querySelector('[id^="note-"]')) continue;
    notes.push(...readWords(list));
    let heading = list.previousElementSibling;
    while (heading && !/^H\d$/u.test(heading.tagName)) heading = heading.previousElementSibling;
    if (heading) {
      notes.unshift(...readWords(heading));
      heading.remove();
    }
    list.remove();
  }
  const headings: string[] = [];
  for (const h of body.querySelectorAll('h2, h3')) {
    headings.push(readWords(h).join(' '));
    h.replaceWith(body.ownerDocument.createTextNode(` ${HEADING}${headings.length - 1} `));
  }
  return { headings, notes, rest: readWords(body) };
}

/**
 * Readability's view of the built reading page `<dir>/<slug>/` holds, in
 * order, every word of the document (its open data) with a heading before
 * each voice, and nothing else but the notes as a list after the text.
 */
export function expectReaderView(dir: string, slug: string): void {
  const data = JSON.parse(readFileSync(`${dir}/${slug}/data.json`, 'utf8')) as Parameters<typeof documentPieces>[0];
  const view = readerView(readFileSync(`${dir}/${slug}/index.html`, 'utf8'), `http://localhost/${slug}/`);
  expect(view, `${slug}: Readability finds an article`).not.toBeNull();
  const parts = readerParts(view!);
  // Readability drops a heading that repeats the title by comparing their words, which it cannot split in Chinese or Japanese: the title may lead.
  const title = (JSON.parse(readFileSync(`${dir}/${slug}/data.json`, 'utf8')) as { title: string }).title;
  if (parts.rest[0] === `${HEADING}0` && parts.headings[0] === wordsOf(title).join(' ')) {
    parts.headings.shift();
    parts.rest = parts.rest.slice(1).map((w) => (w.startsWith(HEADING) ? `${HEADING}${Number(w.slice(HEADING.length)) - 1}` : w));
  }
  const { headings, notes, rest } = parts;
  const pieces = documentPieces(data);
  let n = 0;
  const expected = pieces.flatMap((p) => (p.voice ? [`${HEADING}${n++}`, ...p.words] : p.words));
  // Every word of the document, in order, each voice under its heading, and nothing else.
  expect(rest.join(' '), slug).toBe(expected.join(' '));
  const voices = pieces.flatMap((p) => (p.voice ? [p.voice] : []));
  expect(
    headings.map((h, i) => h.includes(`the ${voices[i]}`)),
    `${slug}: ${headings.join(' / ')}`,
  ).toEqual(voices.map(() => true));
  // Notes only as the list after the text, headed as the site's.
  const noted = JSON.stringify(data).includes('"motivation":"commenting"');
  expect(notes.length > 0, slug).toBe(noted);
  if (noted) expect(notes.slice(0, 8).join(' '), slug).toContain('added by this site');
}
