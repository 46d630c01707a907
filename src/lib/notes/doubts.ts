/**
 * Where the reading of a text is uncertain, for its editor to check: the
 * reader never guesses silently. A doubt names the line, what is uncertain,
 * and the line of the notes file that settles it. `npm run check:seeds` lists
 * every doubt; the build counts them and shows the first few.
 */
import type { Problem } from '../common/problem.ts';
import { quotedSpans } from '../seed/quotes.ts';
import { lineAt, wordCount } from '../seed/text.ts';
import type { SeedEntry } from './entry.ts';

/** A quotation of the writer's this long or longer that no cue gives to a speaker may be the statement's. */
const LONG_QUOTE_WORDS = 8;

/**
 * The doubts of an entry's reading; `notesFile` is where they are settled.
 * `statementSettled`: the notes name the statement's paragraphs (or say it
 * has none), so where it stands is no longer a doubt.
 */
export function readingDoubts(entry: Pick<SeedEntry, 'doc' | 'meta'>, notesFile: string, statementSettled = false): Omit<Problem, 'file'>[] {
  const { doc, meta } = entry;
  const out: Omit<Problem, 'file'>[] = [];
  const statements = doc.parts.filter((p) => p.kind === 'statement');
  const first = statements[0];
  const opinion = doc.parts.some((p) => p.kind === 'source' || p.kind === 'disclaimer' || (p.kind === 'commentary' && p.label));
  if (first && !meta.speaker) {
    out.push({
      line: lineAt(doc.text, first.start),
      message: 'no speaker found for the quoted statement: the page says "speaker not named"',
      hint: `name them in ${notesFile}: "speaker: <name>"`,
    });
  }
  for (const s of statements) {
    if (!s.closed) out.push({ line: lineAt(doc.text, s.start), message: 'the quotation never closes', hint: 'check where the statement ends' });
  }
  // Paragraphs the notes name as the statement (or `statement: none`) settle where it stands.
  if (statementSettled) return out;
  if (!first && opinion) {
    out.push({
      line: 1,
      message: 'no quoted statement found in a text of commentary',
      hint: `name its paragraphs in ${notesFile} by their first words, "statement: <first words>", or say "statement: none"`,
    });
  }
  for (const part of doc.parts) {
    if (part.kind !== 'commentary' && part.kind !== 'other') continue;
    for (const p of part.paragraphs) {
      for (const q of quotedSpans(doc.text, p)) {
        const words = wordCount(doc.text.slice(q.start, q.end));
        if (words < LONG_QUOTE_WORDS || (p.quotes ?? []).some((known) => known.start === q.start)) continue;
        out.push({
          line: lineAt(doc.text, q.start),
          message: `a quotation of ${words} words in the writer's ${part.kind === 'other' ? 'narration' : 'commentary'} is not given to a speaker: "${doc.text.slice(q.start, Math.min(q.end, q.start + 40))}…"`,
          hint: `if it is the statement, name its paragraph in ${notesFile}: "statement: ${doc.text
            .slice(p.start, Math.min(p.end, p.start + 30))
            .split('\n')[0]!
            .trim()}"`,
        });
      }
    }
  }
  return out;
}
