/**
 * Note bodies are the site's own Markdown (GitHub-flavoured, via remark-gfm),
 * never seed text. Raw HTML in a note is dropped, footnote ids are prefixed
 * per note so several notes on one page never share an id, and links to
 * other sites open with `rel="noopener noreferrer"`.
 */
import type { Element, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Mark links to other sites as such, refuse anything but http(s), mailto and
 * in-page links, and prefix the footnote label's id (remark-rehype does not).
 */
function rehypeNoteLinks(prefix: string) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.properties.id === 'footnote-label') node.properties.id = `${prefix}-footnote-label`;
      if (node.properties.ariaDescribedBy) node.properties.ariaDescribedBy = [`${prefix}-footnote-label`];
      if (node.tagName !== 'a') return;
      const href = String(node.properties.href ?? '');
      if (/^https?:\/\//iu.test(href)) node.properties.rel = ['noopener', 'noreferrer'];
      else if (!/^(#|mailto:|\/)/iu.test(href)) delete node.properties.href;
    });
  };
}

/** Render one note's Markdown body to HTML; `prefix` keeps its footnote ids unique on the page. */
export function renderNoteMarkdown(markdown: string, prefix: string): string {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { clobberPrefix: `${prefix}-`, footnoteLabelTagName: 'p' })
      .use(rehypeNoteLinks, prefix)
      .use(rehypeStringify)
      .processSync(markdown),
  );
}
