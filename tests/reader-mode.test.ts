/**
 * Reader modes (Firefox's Reader View and the read-later tools built on
 * Mozilla's Readability) on every reading page of the fixture corpus and the
 * seed: the library itself, run on the built HTML. What it keeps must be, in
 * order, the attribution, the statement under its heading, every commentary
 * paragraph under its heading, the source line and the disclaimer: every
 * word of the document and no interface text; the notes only as a list
 * after the text.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, test } from 'vitest';
import { root } from './helpers/build.ts';
import { expectReaderView } from './helpers/reader-mode.ts';

const corpus = `${root}tests/.build/corpus/dist`;
const readingPages = (dir: string) => readdirSync(dir).filter((d) => existsSync(`${dir}/${d}/data.json`));

describe('Readability keeps the document, its voices apart, and nothing of the interface', () => {
  test('the seed', () => expectReaderView(`${root}dist`, '000_dafef29e75211819'));
  for (const slug of readingPages(corpus)) test(`fixture corpus: ${slug}`, () => expectReaderView(corpus, slug));
});
