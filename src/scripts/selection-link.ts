/**
 * "Copy link to selection": for words selected in one paragraph, a
 * text-fragment address (`/<slug>/#c2:~:text=…`) that browsers open at those
 * words. The selection is rounded to whole words (a fragment that starts or
 * ends mid-word matches nothing). The button stands above the selection
 * with a mouse; on touch screens, where the selection handles are under the
 * words and the system's menu above them, it stands at the foot of the
 * screen. Loaded on the first selection (src/scripts/reading.ts).
 */
import { textDirective } from '../lib/publish/cite.ts';
import { copy } from './copy.ts';
import { seedText } from './seed-selection.ts';
import { offer } from './lazy.ts';

const WORD = /[\p{L}\p{M}\p{N}]/u;
const coarse = matchMedia('(pointer: coarse)');
let tools: HTMLElement | undefined;
let pending = '';

function make(): HTMLElement {
  const el = document.createElement('div');
  el.className = 'selection-tools';
  el.hidden = true;
  el.innerHTML = '<button type="button">Copy link to selection</button>';
  document.body.append(el);
  const button = el.querySelector('button')!;
  // Pressing the button must not clear the selection it links to.
  button.addEventListener('pointerdown', (e) => e.preventDefault());
  button.addEventListener('click', () => void copy(pending, button, 'Link copied'));
  return el;
}

/** `range` grown to whole words at both ends (within its first and last text node). */
export function wholeWords(range: Range): Range {
  const r = range.cloneRange();
  const { startContainer: s, endContainer: e } = r;
  if (s instanceof Text) {
    let at = r.startOffset;
    while (at > 0 && WORD.test(s.data[at - 1]!) && WORD.test(s.data[at] ?? '')) at--;
    r.setStart(s, at);
  }
  if (e instanceof Text) {
    let at = r.endOffset;
    while (at < e.data.length && WORD.test(e.data[at]!) && at > 0 && WORD.test(e.data[at - 1]!)) at++;
    r.setEnd(e, at);
  }
  return r;
}

/** Show the button for the current selection, or hide it. */
export function update(): void {
  tools ??= make();
  const selection = document.getSelection();
  const range = selection && !selection.isCollapsed && selection.rangeCount ? selection.getRangeAt(0) : null;
  const common = range?.commonAncestorContainer;
  const para = (common instanceof Element ? common : common?.parentElement)?.closest<HTMLElement>('.para');
  // The selection's words only once it is known to lie in one paragraph: a drag across the page changes it at every step.
  const text = range && para ? (seedText(wholeWords(range)) ?? '').replace(/\s+/gu, ' ').trim() : '';
  if (!range || !para || !text) {
    tools.hidden = true;
    return;
  }
  // The reading page's path (from a focus view too), as the citation data gives it.
  const page = new URL((JSON.parse(para.closest<HTMLElement>('article.doc')?.dataset.cite ?? '{}') as { page?: string }).page ?? location.href).pathname;
  pending = new URL(`${page}#${para.id}${textDirective(text)}`, location.origin).href;
  tools.hidden = false;
  tools.classList.toggle('at-foot', coarse.matches);
  if (coarse.matches) return;
  const box = range.getBoundingClientRect();
  const above = box.top - tools.offsetHeight - 8;
  tools.style.top = `${(above > 0 ? above : box.bottom + 8) + scrollY}px`;
  tools.style.left = `${Math.max(8, Math.min(box.left + scrollX, document.documentElement.clientWidth - tools.offsetWidth - 8))}px`;
}

// Loaded on use (src/scripts/reading.ts): what it offers the page that loads it.
offer(import.meta.url, { update });
