/**
 * A reading page's tools, loaded the first time a reader uses one or selects
 * words (ReaderTools.astro loads this module then; nothing of it runs before):
 * each paragraph's "Copy link", "Cite" and "Share", "Copy link to selection"
 * (a text-fragment address), and copies that keep to the seed's words.
 *
 * It is a module of effects, not exports (see ReaderTools.astro): a tool's
 * click reaches it as a `reader-tool` event on the button, after the click
 * that loaded it.
 */
import { accessed, textDirective } from '../lib/publish/cite.ts';
import { keepCopiesToTheSeed, seedSelection } from './seed-selection.ts';

keepCopiesToTheSeed();

const status = document.getElementById('reader-status')!;
const say = (text: string) => (status.textContent = text);

const restore = new WeakMap<HTMLButtonElement, ReturnType<typeof setTimeout>>();
/** Copy `text`; the button shows `done` for a while (its words are drawn from data-label: see ParagraphText). */
async function copy(text: string, button: HTMLButtonElement, done: string): Promise<void> {
  // The button's own words, kept once: a second press within the pause must not make "Copied" its label for good.
  const label = (button.dataset.idleLabel ??= button.dataset.label ?? '');
  try {
    await navigator.clipboard.writeText(text);
    button.dataset.label = done;
    button.dataset.copied = '';
    say(`${done}: ${text}`);
  } catch {
    say(`Could not copy. ${text}`);
  }
  clearTimeout(restore.get(button));
  restore.set(
    button,
    setTimeout(() => {
      button.dataset.label = label;
      delete button.dataset.copied;
    }, 2000),
  );
}

document.addEventListener('reader-tool', (e) => {
  const button = e.target as HTMLButtonElement;
  if (button.classList.contains('copy-link')) {
    void copy(new URL(button.dataset.href ?? '', location.origin).href, button, 'Copied');
  } else if (button.classList.contains('cite')) {
    void copy(`${button.dataset.cite} ${accessed(new Date())}`, button, 'Citation copied');
  } else if (button.classList.contains('share')) {
    // The share page's address previews this paragraph; the system share sheet where there is one.
    const url = new URL(button.dataset.href ?? '', location.origin).href;
    if (navigator.share) navigator.share({ url, title: document.title }).catch(() => undefined);
    else void copy(url, button, 'Share link copied');
  }
});

// Copy link to selection: a text fragment that opens the paragraph with the words highlighted.
if (navigator.clipboard) {
  const tools = document.querySelector<HTMLElement>('.selection-tools')!;
  const copySelection = tools.querySelector('button')!;
  let pending = '';
  const follow = () => {
    const selection = document.getSelection();
    const range = selection && !selection.isCollapsed && selection.rangeCount ? selection.getRangeAt(0) : null;
    const para =
      range?.commonAncestorContainer.parentElement?.closest<HTMLElement>('.para') ??
      (range?.commonAncestorContainer instanceof HTMLElement ? range.commonAncestorContainer.closest<HTMLElement>('.para') : null);
    // The selection's words only once it is known to lie in one paragraph: a drag across the page changes it at every step.
    const text = range && para ? (seedSelection(selection) ?? '').replace(/\s+/gu, ' ').trim() : '';
    if (!range || !para || !text) {
      tools.hidden = true;
      return;
    }
    const base = para.querySelector<HTMLButtonElement>('.copy-link')?.dataset.href ?? `${location.pathname}#${para.id}`;
    pending = new URL(`${base}${textDirective(text)}`, location.origin).href;
    const box = range.getBoundingClientRect();
    tools.style.top = `${box.bottom + scrollY + 6}px`;
    tools.style.left = `${Math.max(8, Math.min(box.left + scrollX, document.documentElement.clientWidth - 220))}px`;
    tools.hidden = false;
  };
  document.addEventListener('selectionchange', follow);
  // This module may have loaded because of the selection there is now.
  follow();
  copySelection.addEventListener('pointerdown', (e) => e.preventDefault());
  copySelection.addEventListener('click', () => void copy(pending, copySelection, 'Link copied'));
}
