/**
 * Builds once for the whole run: the real site from `seeds/` into `dist/`
 * (as `npm run build` does), and a fixture corpus into `tests/.build/corpus`,
 * then the same corpus again under the base path {@link SUB_PATH}, as a
 * GitHub Pages project site is served, into `tests/.build/corpus-sub-path`.
 * A failed build fails the run with the build's own output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { buildCorpus, root, runBuild, type BuildResult } from './helpers/build.ts';

/** Fixtures built as documents of the test corpus, as `<case>.txt`. */
export const CORPUS_CASES = [
  'literal-markup',
  'chinese',
  'crlf-bom',
  'no-source-no-disclaimer',
  'no-statement',
  'multi-paragraph',
  'text-after-quote',
  'injection',
  'unusual-characters',
  'chinese-fullwidth',
];

/** Fixtures built under another file name, to check slugs: file name → fixture. */
export const RENAMED_CASES: Record<string, string> = {
  'Déclaration du Ministre (v2)!.txt': 'curly-quotes',
};

/** The base path of the sub-path build (`BASE_PATH`). */
export const SUB_PATH = '/reader/';

function check(what: string, result: BuildResult): void {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}):\n${result.stderr}\n${result.stdout.slice(-4000)}`);
}

export default async function setup(): Promise<void> {
  const seedFiles = Object.fromEntries(readdirSync(`${root}seeds`).map((f) => [f, readFileSync(`${root}seeds/${f}`)]));
  const fixtures = Object.fromEntries<Buffer>([
    ...CORPUS_CASES.map((c): [string, Buffer] => [`${c}.txt`, readFileSync(`${root}tests/fixtures/${c}/input.txt`)]),
    ...Object.entries(RENAMED_CASES).map(([name, c]): [string, Buffer] => [name, readFileSync(`${root}tests/fixtures/${c}/input.txt`)]),
    // Speakers spelled three ways (one through the alias file), two sources, a phrase shared by three documents.
    ...readdirSync(`${root}tests/fixtures/navigation`).map((f): [string, Buffer] => [f, readFileSync(`${root}tests/fixtures/navigation/${f}`)]),
  ]);
  // One after the other: both write Astro's generated types in .astro/.
  check('astro build of seeds/', await runBuild('seeds', 'dist'));
  check('astro build of the fixture corpus', await buildCorpus('corpus', { ...seedFiles, ...fixtures }, { PAGE_SIZE: '3' }));
  check(
    `astro build of the fixture corpus under ${SUB_PATH}`,
    await buildCorpus('corpus-sub-path', { ...seedFiles, ...fixtures }, { PAGE_SIZE: '3', BASE_PATH: SUB_PATH }),
  );
}
