/**
 * A paragraph's tools, offered from its number (loaded on its first use,
 * src/scripts/reading.ts): copy the paragraph's address, cite it (the
 * citation is shown before it is copied), share its share page. One panel
 * for the page, made on first use, next to the number that opened it.
 */
import { accessed, paragraphCitation, type DocumentCitation } from '../lib/publish/cite.ts';
import type { ParagraphVoice } from '../lib/seed/document.ts';
import { copy, say } from './copy.ts';
import { offer } from './lazy.ts';

let panel: HTMLElement | undefined;
let opener: HTMLAnchorElement | undefined;

const button = (action: string, label: string) => `<button type="button" data-action="${action}">${label}</button>`;

function make(): HTMLElement {
  const el = document.createElement('div');
  el.className = 'para-menu';
  el.setAttribute('role', 'group');
  el.hidden = true;
  el.innerHTML = `${button('link', 'Copy link')}${button('cite', 'Cite')}${button('share', 'Share')}<div class="cite-box" hidden><p></p>${button('copy-cite', 'Copy citation')}</div>`;
  document.body.append(el);
  el.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('button');
    if (b && opener) act(b, opener);
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close(true);
  });
  document.addEventListener('click', (e) => {
    const target = e.target as Element;
    if (!el.hidden && !el.contains(target) && target.closest('a.pnum') !== opener) close();
  });
  return el;
}

function close(focus = false): void {
  if (!panel || panel.hidden) return;
  panel.hidden = true;
  opener?.removeAttribute('aria-expanded');
  if (focus) opener?.focus();
}

/** The paragraph a number belongs to, its voice, and the document's citation facts. */
function paragraphOf(pnum: HTMLAnchorElement) {
  const para = pnum.closest<HTMLElement>('.para')!;
  const voice: ParagraphVoice = para.closest('.voice[data-voice="statement"]')
    ? 'statement'
    : para.closest('.voice[data-voice="commentary"]')
      ? 'commentary'
      : 'other';
  const article = pnum.closest<HTMLElement>('article.doc')!;
  return { id: para.id, voice, cite: JSON.parse(article.dataset.cite ?? '{}') as DocumentCitation };
}

function act(b: HTMLButtonElement, pnum: HTMLAnchorElement): void {
  const { id, voice, cite } = paragraphOf(pnum);
  // The reading page's address on this origin (the citation keeps the published one).
  const page = new URL(new URL(cite.page).pathname, location.origin);
  const box = panel!.querySelector<HTMLElement>('.cite-box')!;
  switch (b.dataset.action) {
    case 'link':
      return void copy(new URL(`#${id}`, page).href, b, 'Copied');
    case 'cite': {
      box.querySelector('p')!.textContent = `${paragraphCitation(cite, voice, id)} ${accessed(new Date())}`;
      box.hidden = !box.hidden;
      b.setAttribute('aria-expanded', String(!box.hidden));
      return;
    }
    case 'copy-cite':
      return void copy(box.querySelector('p')!.textContent ?? '', b, 'Citation copied');
    case 'share': {
      // The share page previews this paragraph; the system share sheet where there is one.
      const url = new URL(`${id}/`, page).href;
      if (navigator.share) navigator.share({ url, title: document.title }).catch(() => undefined);
      else void copy(url, b, 'Share link copied');
    }
  }
}

/** Open the tools of the paragraph whose number was activated, under that number. */
export function openTools(pnum: HTMLAnchorElement): void {
  panel ??= make();
  if (!panel.hidden && opener === pnum) return close();
  close();
  opener = pnum;
  const number = pnum.dataset.label ?? '';
  panel.setAttribute('aria-label', `Paragraph ${number}`);
  panel.querySelector<HTMLElement>('.cite-box')!.hidden = true;
  panel.querySelector('[data-action="cite"]')!.setAttribute('aria-expanded', 'false');
  // An earlier version's paragraphs have no share pages.
  panel.querySelector<HTMLElement>('[data-action="share"]')!.hidden = !pnum.closest('article.doc')?.hasAttribute('data-shareable');
  panel.hidden = false;
  pnum.setAttribute('aria-expanded', 'true');
  const at = pnum.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  panel.style.top = `${at.bottom + scrollY + 4}px`;
  panel.style.left = `${Math.max(8, Math.min(at.left + scrollX, width - panel.offsetWidth - 8))}px`;
  panel.querySelector('button')!.focus({ preventScroll: true });
  say(`Tools for paragraph ${number}`);
}

// Loaded on use (src/scripts/reading.ts): what it offers the page that loads it.
offer(import.meta.url, { openTools });
