/**
 * A problem in what the site is built from — a seed, a notes file, the
 * alias file, a setting — said as a person needs it: where (file and line),
 * what is wrong, and what to do. Every place that reports one prints it as
 * the same line, `seeds/a.notes.md:12: quote "…" not found`: the seeds check
 * (`npm run check:seeds`), the build (through Astro, which prints what the
 * content loader or the config throws) and the dev server's error overlay.
 *
 * The pure modules throw a {@link ProblemError}; those that parse one file's
 * text do not know its name, and the layer that read the file adds it
 * ({@link problemsIn}).
 */

/** One problem: where it is, what it is, what to do. */
export interface Problem {
  /** The file, as messages name it (`seeds/a.txt`); none for a setting or a whole folder's problem. */
  file?: string | undefined;
  /** 1-based line of the file. */
  line?: number | undefined;
  message: string;
  /** What to do about it, when the message does not say. */
  hint?: string | undefined;
}

/** The one line of a problem: `file:line: message; hint`. */
export function problemLine(p: Problem): string {
  const where = p.file === undefined ? '' : `${p.file}${p.line === undefined ? '' : `:${p.line}`}: `;
  return `${where}${p.message}${p.hint ? `; ${p.hint}` : ''}`;
}

/** Options of a {@link ProblemError}. */
export interface ProblemErrorOptions {
  /** A last line after the problems', when there are several (`5 problems in the seeds; …`). */
  summary?: string | undefined;
  /** What Astro's error overlay shows as the error's title and hint (in `astro dev`). */
  title?: string | undefined;
  hint?: string | undefined;
}

/**
 * Problems, thrown together. Its message is what a terminal shows: each
 * problem's line after `error: `, then the summary when there are several.
 * It has no stack: a problem is in a file of the site's input, named in its
 * line, not in the code that found it (Astro prints a stack when there is
 * one).
 */
export class ProblemError extends Error {
  override name = 'ProblemError';
  readonly problems: readonly Problem[];
  readonly title: string | undefined;
  readonly hint: string | undefined;

  constructor(problems: Problem | readonly Problem[], { summary, title, hint }: ProblemErrorOptions = {}) {
    const list = Array.isArray(problems) ? (problems as readonly Problem[]) : [problems as Problem];
    super(problemReport(list, summary));
    this.problems = list;
    this.title = title;
    this.hint = hint;
    this.stack = '';
  }
}

/** The lines a terminal shows for `problems`: `error: <line>` each, then `error: <summary>` when there are several. */
export function problemReport(problems: readonly Problem[], summary?: string): string {
  const lines = problems.map((p) => `error: ${problemLine(p)}`);
  if (summary && problems.length > 1) lines.push(`error: ${summary}`);
  return lines.join('\n');
}

/** The problems an error reports, each in `file` unless it names its own; an error that is not a {@link ProblemError} is thrown again. */
export function problemsIn(file: string, error: unknown): Problem[] {
  if (!(error instanceof ProblemError)) throw error;
  return error.problems.map((p) => ({ ...p, file: p.file ?? file }));
}
