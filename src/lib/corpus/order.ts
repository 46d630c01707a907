/**
 * The order of the document list: newest first where a date is known, then
 * the undated ones by file name.
 */

/** What ordering needs to know of a document. */
export interface Orderable {
  file: string;
  /** ISO `YYYY-MM-DD`, when known. */
  date?: string | undefined;
}

/** Compare for `Array.prototype.sort`: dated before undated, newer first, then by file name. */
export function compareDocuments(a: Orderable, b: Orderable): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.date && !b.date) return -1;
  if (!a.date && b.date) return 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
