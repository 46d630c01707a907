/**
 * Values computed from the whole corpus, once per build (each of the
 * corpus's pages asks for them). In `astro dev` the seeds change as they are
 * edited, so each request computes them afresh.
 */
export function perBuild<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    if (import.meta.env.DEV) return compute();
    value ??= compute();
    return value;
  };
}
