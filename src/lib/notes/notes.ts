/**
 * Notes beside a seed: `seeds/<name>.notes.md` holds the document's metadata
 * (front matter) and context notes, each anchored to an exact quote of the
 * seed, as the W3C Web Annotation TextQuoteSelector does (exact, with an
 * optional prefix and suffix to tell repeated phrases apart).
 *
 * ```md
 * ---
 * title: …
 * date: 2025-12-12
 * ---
 *
 * ## "the incident on the 6th"
 * prefix: I explained
 *
 * Body in GitHub-flavoured Markdown, citing at least one [source](https://…).
 * ```
 */
import { ProblemError } from '../common/problem.ts';
import { lineAt } from '../seed/text.ts';

/** Document metadata from the front matter; every field is optional. */
export interface NotesMeta {
  title?: string;
  slug?: string;
  /** ISO `YYYY-MM-DD`. */
  date?: string;
  speaker?: string;
  role?: string;
  lang?: string;
  /** The original source's address. */
  source?: string;
  /**
   * The languages the statement passed through, first to last, as BCP 47
   * tags: `ja → zh → en` (written in Japanese, translated into Chinese, then
   * English). Present when the quotation is a translation. A step between
   * the first and the last that no source shows, only inferred, is written
   * with a question mark, `ja → zh? → en`: its tag is listed here without
   * the mark, and in {@link NotesMeta.probablyVia}.
   */
  translated?: string[];
  /** The steps of `translated` marked probable (`zh?`), without the mark. */
  probablyVia?: string[];
  /** The source quotes only part of the statement. */
  abridged?: boolean;
  /**
   * The paragraphs that are the statement, by their first words, each with
   * its line in the notes file (one `statement:` line each), or `none`: the
   * reading the rules would guess, settled.
   */
  statement?: { words: string; line: number }[] | 'none';
  /** The original's headline, by its first words, or `none`: the first line is not one. */
  headline?: string;
}

/** A note as written, before it is anchored. */
export interface NoteSource {
  /** 1-based line of the note's heading in the notes file. */
  line: number;
  exact: string;
  prefix?: string;
  suffix?: string;
  /** Markdown. */
  body: string;
  /** The note reports that the quoted claim is disputed (`disputed: true`). */
  disputed?: boolean;
}

/** A parsed notes file. */
export interface NotesFile {
  meta: NotesMeta;
  notes: NoteSource[];
}

const META_KEYS = new Set(['title', 'slug', 'date', 'speaker', 'role', 'lang', 'source', 'translated', 'abridged', 'statement', 'headline']);
const HEADING = /^##\s+"(.+)"\s*$/u;
const QUALIFIER = /^(prefix|suffix|disputed):\s?(.*)$/u;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u;
const SOURCE_LINK = /\]\(https?:\/\/[^)\s]+/u;

/** Parse a notes file; throws a {@link ProblemError} naming the line. */
export function parseNotes(raw: string): NotesFile {
  const text = raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const lines = text.split('\n');
  const meta: NotesMeta = {};
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.indexOf('---', 1);
    if (close < 0) throw new ProblemError({ line: 1, message: 'front matter opened with --- is never closed' });
    for (i = 1; i < close; i++) {
      const line = lines[i]!;
      if (line.trim() === '') continue;
      const m = /^([a-z]+):\s*(.*)$/u.exec(line);
      if (!m || !META_KEYS.has(m[1]!)) {
        throw new ProblemError({ line: i + 1, message: `unknown front matter line "${line}"`, hint: `expected one of ${[...META_KEYS].join(', ')}` });
      }
      const value = unquote(m[2]!.trim());
      if (m[1] === 'date' && !/^\d{4}-\d{2}-\d{2}$/u.test(value)) {
        throw new ProblemError({ line: i + 1, message: `date "${value}" is not an ISO date (YYYY-MM-DD)` });
      }
      if (m[1] === 'source' && !/^https?:\/\//u.test(value)) {
        throw new ProblemError({ line: i + 1, message: `source "${value}" is not an http(s) address` });
      }
      if (m[1] === 'translated') {
        const steps = value.split(/\s*(?:→|->)\s*/u);
        const chain = steps.map((l) => l.replace(/\?$/u, ''));
        if (chain.length < 2 || !chain.every((l) => LANGUAGE.test(l))) {
          throw new ProblemError({ line: i + 1, message: `translated "${value}" is not a chain of language tags like "ja → zh → en"` });
        }
        if (steps[0]!.endsWith('?') || steps.at(-1)!.endsWith('?')) {
          throw new ProblemError({
            line: i + 1,
            message: `translated "${value}": only a step between the first and the last language can be marked probable, like "ja → zh? → en"`,
          });
        }
        meta.translated = chain;
        const probable = chain.filter((_, k) => steps[k]!.endsWith('?'));
        if (probable.length > 0) meta.probablyVia = probable;
        continue;
      }
      if (m[1] === 'statement') {
        if (!value) throw new ProblemError({ line: i + 1, message: 'statement: names a paragraph of the statement by its first words, or says none' });
        if (value === 'none' || meta.statement === 'none') {
          if (meta.statement !== undefined) throw new ProblemError({ line: i + 1, message: 'statement: none cannot stand with other statement: lines' });
          meta.statement = 'none';
        } else meta.statement = [...(meta.statement ?? []), { words: value, line: i + 1 }];
        continue;
      }
      if (m[1] === 'abridged') {
        if (value !== 'true' && value !== 'false') throw new ProblemError({ line: i + 1, message: `abridged "${value}" is not true or false` });
        meta.abridged = value === 'true';
        continue;
      }
      meta[m[1] as Exclude<keyof NotesMeta, 'translated' | 'probablyVia' | 'abridged' | 'statement'>] = value;
    }
    i = close + 1;
  }

  const notes: NoteSource[] = [];
  let current: (NoteSource & { bodyLines: string[]; qualifiersDone: boolean }) | undefined;
  const finish = () => {
    if (!current) return;
    const body = current.bodyLines.join('\n').trim();
    if (!body) throw new ProblemError({ line: current.line, message: `note on "${current.exact}" has no text` });
    if (!SOURCE_LINK.test(body))
      throw new ProblemError({ line: current.line, message: `note on "${current.exact}" cites no source`, hint: 'add a link [name](https://…)' });
    const { bodyLines: _lines, qualifiersDone: _done, ...note } = current;
    notes.push({ ...note, body });
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = HEADING.exec(line);
    if (heading) {
      finish();
      current = { line: i + 1, exact: heading[1]!, body: '', bodyLines: [], qualifiersDone: false };
      continue;
    }
    if (!current) {
      if (line.trim() !== '')
        throw new ProblemError({ line: i + 1, message: 'text before the first note', hint: 'a note starts with a heading ## "exact quote"' });
      continue;
    }
    const qualifier = current.qualifiersDone ? null : QUALIFIER.exec(line);
    if (qualifier) {
      if (qualifier[1] === 'disputed') {
        if (qualifier[2] !== 'true' && qualifier[2] !== 'false')
          throw new ProblemError({ line: i + 1, message: `disputed "${qualifier[2]}" is not true or false` });
        current.disputed = qualifier[2] === 'true';
      } else current[qualifier[1] as 'prefix' | 'suffix'] = qualifier[2]!;
      continue;
    }
    if (line.trim() !== '') current.qualifiersDone = true;
    current.bodyLines.push(line);
  }
  finish();
  return { meta, notes };
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/u.exec(value);
  return m ? m[2]! : value;
}

/** Where a note lands in the seed's text. */
export interface Anchor {
  start: number;
  end: number;
}

/**
 * Find the one place where `exact` occurs with `prefix` before it and
 * `suffix` after it (white space between them does not matter). Throws a
 * {@link ProblemError} when there is no such place or more than one.
 */
export function anchorQuote(text: string, note: Pick<NoteSource, 'exact' | 'prefix' | 'suffix' | 'line'>): Anchor {
  const found: Anchor[] = [];
  for (let at = text.indexOf(note.exact); at !== -1; at = text.indexOf(note.exact, at + 1)) {
    const end = at + note.exact.length;
    if (note.prefix && !text.slice(0, at).trimEnd().endsWith(note.prefix.trim())) continue;
    if (note.suffix && !text.slice(end).trimStart().startsWith(note.suffix.trim())) continue;
    found.push({ start: at, end });
  }
  if (found.length === 1) return found[0]!;
  const what = `quote "${note.exact}"${note.prefix ? ` after "${note.prefix}"` : ''}${note.suffix ? ` before "${note.suffix}"` : ''}`;
  if (found.length === 0) throw new ProblemError({ line: note.line, message: `${what} not found` });
  throw new ProblemError({
    line: note.line,
    message: `${what} found ${found.length} times (lines ${found.map((f) => lineAt(text, f.start)).join(', ')} of the seed)`,
    hint: 'add a prefix or suffix',
  });
}

/** A note anchored in its document, numbered in reading order. */
export interface AnchoredNote extends Anchor {
  /** 1-based, in reading order. */
  number: number;
  /** The element id of the note (`note-1`). */
  id: string;
  exact: string;
  /** The note's Markdown body. */
  body: string;
  /** The note reports that the quoted claim is disputed. */
  disputed?: boolean;
}

/** Anchor every note (throwing on the first that does not anchor once) and number them in reading order. */
export function anchorNotes(text: string, notes: readonly NoteSource[]): AnchoredNote[] {
  const anchored = notes.map((n) => ({ ...anchorQuote(text, n), exact: n.exact, body: n.body, line: n.line, ...(n.disputed ? { disputed: true } : {}) }));
  anchored.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < anchored.length; i++) {
    const [prev, cur] = [anchored[i - 1]!, anchored[i]!];
    if (cur.start < prev.end) {
      throw new ProblemError({ line: cur.line, message: `quote "${cur.exact}" overlaps the quote "${prev.exact}" of the note on line ${prev.line}` });
    }
  }
  return anchored.map(({ line: _line, ...a }, i) => ({ ...a, number: i + 1, id: `note-${i + 1}` }));
}
