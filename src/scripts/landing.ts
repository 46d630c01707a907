/**
 * After opening a search result: mark every query term in the passage the
 * reader landed on. The search UI leaves `{ href, terms }` in sessionStorage;
 * the marks go away on the next search or navigation.
 */
import { termRanges } from '../lib/search/excerpt.ts';

const KEY = 'reader:landing';
const MARK_CLASS = 'search-hit';

/** Remember what to mark when `href` (path and hash) opens. */
export function rememberLanding(href: string, terms: string[]): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ href, terms }));
  } catch {
    /* storage unavailable: the passage still opens, unmarked */
  }
}

/** Remove the marks of an earlier landing. */
export function clearLandingMarks(): void {
  for (const mark of document.querySelectorAll(`mark.${MARK_CLASS}`)) {
    mark.replaceWith(...mark.childNodes);
  }
  document.querySelectorAll('.para').forEach((p) => p.normalize());
}

/** Mark the remembered terms if this page and hash are the remembered result. */
export function applyLanding(): void {
  let saved: { href: string; terms: string[] } | undefined;
  try {
    saved = (JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as typeof saved | null) ?? undefined;
    sessionStorage.removeItem(KEY);
  } catch {
    return;
  }
  if (!saved || decodeURI(saved.href) !== decodeURI(location.pathname + location.hash)) return;
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const passage = target?.closest('.para') ?? target;
  if (!passage) return;
  clearLandingMarks();
  markTerms(passage, saved.terms);
  addEventListener('hashchange', clearLandingMarks, { once: true });
}

function markTerms(root: Element, terms: string[]): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('[data-pagefind-ignore], button') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const ranges = termRanges(node.data, terms);
    for (const r of ranges.reverse()) {
      const hit = node.splitText(r.start);
      hit.splitText(r.end - r.start);
      const mark = document.createElement('mark');
      mark.className = MARK_CLASS;
      hit.replaceWith(mark);
      mark.append(hit);
    }
  }
}
