/**
 * The header's search (SiteSearch.astro): the link opens the dialog, as do
 * `/` and Ctrl/⌘+K, and the search code loads behind it (and with it, Esc
 * from the search field and a click beside the dialog closing it; until then
 * the Close button and the browser's own Esc do). The search page's search
 * is the same code, loaded at once ({@link startPageSearch}).
 */
// The search code as a module of its own, loaded with a plain import() (lazy.ts says why `?worker&url`).
import searchCode from './search.ts?worker&url';

class SiteSearch extends HTMLElement {
  connectedCallback() {
    const dialog = this.querySelector('dialog')!;
    const link = this.querySelector<HTMLAnchorElement>('a.search-open')!;
    const input = dialog.querySelector('input[type="search"]') as HTMLInputElement;
    const open = () => {
      if (!dialog.open) dialog.showModal();
      input.focus();
      loadSearch(dialog, Object.assign(document.createElement('a'), { href: link.href, textContent: 'Try the search page' }), ' or reload.');
    };
    link.addEventListener('click', (e) => {
      e.preventDefault();
      open();
    });
    this.querySelector('button.search-close')!.addEventListener('click', () => dialog.close());
    document.addEventListener('keydown', (e) => {
      const typing = (e.target as Element | null)?.closest?.('input, textarea, select, [contenteditable="true"]');
      if ((e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k')) {
        e.preventDefault();
        open();
      }
    });
  }
}
customElements.define('site-search', SiteSearch);

/** Load the search code; if it cannot load, the search status in `ui` says so, and `then` what to do. */
function loadSearch(ui: Element, ...then: (string | Node)[]): void {
  import(/* @vite-ignore */ searchCode).catch(() => ui.querySelector('.search-status')!.replaceChildren('Search could not load. ', ...then));
}

/** The search page's search (Search.astro in page mode, `ui`): the same code as the header's, loaded at once. */
export const startPageSearch = (ui: Element): void => loadSearch(ui, 'Reload the page.');
