/** Reading built pages as DOM documents (linkedom), by their public URL path. */
import { existsSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

/** The built page for `urlPath` (`/slug/` → `<outDir>/slug/index.html`). */
export function page(outDir: string, urlPath: string): Document {
  const file = `${outDir}${urlPath.replace(/\/?$/u, '/')}index.html`;
  if (!existsSync(file)) throw new Error(`no page at ${urlPath} (${file})`);
  return parseHTML(readFileSync(file, 'utf8')).document;
}

/** Text of `el` without the elements the site adds around the seed's words. */
export function seedText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const chrome of clone.querySelectorAll('[data-pagefind-ignore]')) chrome.remove();
  return clone.textContent ?? '';
}

/** Elements whose edges every text extractor (reader modes, `innerText`, indexers) treats as a break between words. */
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P SECTION SUMMARY TABLE TD TH TR UL'.split(
    ' ',
  ),
);
/** A word is a run of letters, marks and digits; anything else (space, punctuation) separates words. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const wordsOf = (text: string) => text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

/**
 * The words of `el` as a text extractor reads them: its text nodes in order,
 * split between words and at block elements' edges (inline elements are no
 * break: `<b>a</b><i>b</i>` reads "ab"). Each word says how many text nodes
 * it is made of; a word of two nodes may be a seed word that markup splits,
 * or interface text glued to a seed word.
 */
export function extractedWords(el: Element): { word: string; nodes: number }[] {
  const words: { word: string; nodes: number }[] = [];
  let word = '';
  let nodes = new Set<Node>();
  const flush = () => {
    if (word) words.push({ word, nodes: nodes.size });
    word = '';
    nodes = new Set();
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      for (const ch of (node as Text).data) {
        if (!WORD_CHAR.test(ch)) flush();
        else {
          word += ch;
          nodes.add(node);
        }
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(el);
  flush();
  return words;
}

/**
 * The words of a page's body that are made of more than one text node and
 * are not words of the seed: interface text glued to the seed's words (or
 * seed words glued together), which copying, reader modes and translation
 * tools would read as a word that is in neither. Empty when the page is clean.
 */
export function gluedWords(doc: Document, seed: string): string[] {
  const seedWords = new Set(wordsOf(seed));
  return extractedWords(doc.body).flatMap(({ word, nodes }) => (nodes > 1 && !seedWords.has(word) ? [word] : []));
}
