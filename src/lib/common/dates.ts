/** Dates as the pages write them, in English, from ISO dates (`2025-12-12`). */

/** The months' English names, January first. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "12 December 2025" from "2025-12-12". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "December 2025" from a year and a 1-based month. */
export const monthName = (year: number, month: number): string => `${MONTHS[month - 1]} ${year}`;
