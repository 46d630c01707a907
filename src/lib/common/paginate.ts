/**
 * Splitting a sorted list into numbered pages for `/`, `/page/2/`, …
 */

/** One page of a listing. */
export interface ListPage<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
}

/** Split `items` into pages of `size`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({ number: i + 1, total, items: items.slice(i * size, (i + 1) * size) }));
}

/** A paginated page's title: the list's own, with ", page N" after the first page. */
export const pagedTitle = (title: string, n: number): string => (n > 1 ? `${title}, page ${n}` : title);
