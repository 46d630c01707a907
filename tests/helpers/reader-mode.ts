/**
 * What a reader mode shows of a built page: Mozilla's Readability (the
 * library behind Firefox's Reader View and many read-later tools) run on the
 * page's HTML in linkedom, and how its words compare with the document's.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractedWords } from './html.ts';

/** Readability's article from a page's HTML (null when it finds none). */
export function readerView(html: string, url: string): { title: string; text: string; content: string; document: Document } | null {
  const { document } = parseHTML(html);
  // Readability reads the base address from documentURI for relative links; linkedom leaves it empty.
  Object.defineProperty(document, 'documentURI', { value: url });
  Object.defineProperty(document, 'baseURI', { value: url });
  const article = new Readability(document).parse();
  if (!article?.content) return null;
  const out = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document;
  // Words as a reader sees them: block edges separate words (textContent would glue "Commentary" to "Japan").
  const text = extractedWords(out.body)
    .map((w) => w.word)
    .join(' ');
  return { title: article.title ?? '', text, content: article.content, document: out };
}

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);

/** Count each word of `text`. */
function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of wordsOf(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/**
 * How much of the seed a reader view keeps, and how much it adds that is
 * neither the seed's nor the notes': each extracted word is taken from the
 * seed's words first, then from the notes' (each word as often as it occurs
 * there); what is left is interface text.
 */
export function coverage(extracted: string, seed: string, notes: string): { kept: number; added: number; addedWords: string[] } {
  const fromSeed = bag(seed);
  const fromNotes = bag(notes);
  const seedTotal = [...fromSeed.values()].reduce((a, b) => a + b, 0);
  const words = wordsOf(extracted);
  let kept = 0;
  const addedWords: string[] = [];
  for (const w of words) {
    if ((fromSeed.get(w) ?? 0) > 0) {
      fromSeed.set(w, fromSeed.get(w)! - 1);
      kept++;
    } else if ((fromNotes.get(w) ?? 0) > 0) fromNotes.set(w, fromNotes.get(w)! - 1);
    else addedWords.push(w);
  }
  return { kept: kept / seedTotal, added: words.length ? addedWords.length / words.length : 0, addedWords };
}
