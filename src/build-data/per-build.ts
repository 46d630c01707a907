/**
 * Values computed from the whole corpus, once per build (each of the
 * corpus's pages asks for them). In `astro dev` the seeds change as they are
 * edited: a value is computed again when the corpus or its problems have
 * changed since (the loader's corpus entry, src/loaders/seeds.ts).
 */
import { getEntry } from 'astro:content';
import { CORPUS_ID } from '../loaders/seeds.ts';

/** What the corpus is now, with its problems, as the loader last left it. */
async function generation(): Promise<string> {
  return ((await getEntry('documents', CORPUS_ID)) as { digest?: string } | undefined)?.digest ?? '';
}

export function perBuild<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  let at: string | undefined;
  return async () => {
    if (import.meta.env.DEV) {
      const now = await generation();
      if (now !== at || !value) [at, value] = [now, compute()];
      return value;
    }
    value ??= compute();
    return value;
  };
}

/**
 * In `astro dev`, a value kept across edits, made by `make` the first time:
 * the dev server runs the modules that read the corpus afresh after each
 * edit, and what they keep of unchanged documents must outlive them (on
 * `globalThis`, under `name`). Undefined in a build, which reads each
 * document once.
 */
export function keptAcrossEdits<T>(name: string, make: () => T): T | undefined {
  if (!import.meta.env.DEV) return undefined;
  const kept = globalThis as Record<symbol, unknown>;
  return (kept[Symbol.for(`annotated-reader/${name}`)] ??= make()) as T;
}

/**
 * `make`, and in `astro dev` each of its values kept for its document (by
 * the document's object, which an edit replaces only for the documents it
 * changed, see documents.ts): after an edit it makes again only theirs.
 */
export function perDocument<D extends object, T>(name: string, make: (d: D) => T): (d: D) => T {
  const kept = keptAcrossEdits(name, () => new WeakMap<D, T>());
  if (!kept) return make;
  return (d) => {
    if (!kept.has(d)) kept.set(d, make(d));
    return kept.get(d)!;
  };
}
