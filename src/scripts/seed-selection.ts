/**
 * What a reader copies from a reading page is the seed's words and nothing
 * else. The interface words inside a paragraph (numbers, badges, buttons)
 * are drawn by CSS and never copied; this covers a selection that runs from
 * one paragraph across the page's own words between them (voice headings,
 * captions, an open note) into the next: only the seed's text is kept, one
 * blank line between blocks, as in the seed.
 *
 * The page's own words are the elements marked `data-pagefind-ignore`, the
 * same ones the search index leaves out. A selection wholly inside them (a
 * reader copying a note) is copied as the browser would.
 */
import { offer } from './lazy.ts';

/** Elements whose text is the site's, not the seed's. */
const OWN_WORDS = '[data-pagefind-ignore], script, style, [hidden]';
/** Elements that start a new block of text. */
const BLOCK = 'p, dd, dt, li, h1, h2, h3, blockquote, figcaption, section, article, div';

/**
 * The seed's words under the selection, or null when the selection is not in
 * a document's text (then the browser's own copy is right).
 */
export function seedSelection(selection: Selection | null): string | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  return seedText(selection.getRangeAt(0));
}

/** The seed's words in `range`, or null when it is not in a document's text. */
export function seedText(range: Range): string | null {
  const article = document.querySelector('article.doc');
  if (!article || range.collapsed || !range.intersectsNode(article)) return null;
  const common = range.commonAncestorContainer;
  const commonElement = common instanceof Element ? common : common.parentElement;
  if (commonElement?.closest(OWN_WORDS)) return null;

  const blocks: string[] = [];
  let block: Element | null = null;
  let current = '';
  // Only the text under the selection's common ancestor: a selection changes on every step of a drag.
  const root = commonElement && article.contains(commonElement) ? commonElement : article;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(node)) continue;
    const parent = node.parentElement!;
    if (parent.closest(OWN_WORDS)) continue;
    let text = node.data;
    if (node === range.endContainer) text = text.slice(0, range.endOffset);
    if (node === range.startContainer) text = text.slice(range.startOffset);
    const at = parent.closest(BLOCK);
    if (at !== block) {
      blocks.push(current);
      current = '';
      block = at;
    }
    current += text;
  }
  blocks.push(current);
  const text = blocks
    .map((b) => b.trim())
    .filter(Boolean)
    .join('\n\n');
  return text === '' ? null : text;
}

/** Copy the seed's words of any selection in a document's text. */
export function keepCopiesToTheSeed(): void {
  document.addEventListener('copy', (e) => {
    const text = seedSelection(document.getSelection());
    if (text === null || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  });
}

// Loaded on use (src/scripts/reading.ts): what it offers the page that loads it.
offer(import.meta.url, { keepCopiesToTheSeed });
