/**
 * The theme toggle (ThemeToggle.astro): cycles follow the system, light,
 * dark; keeps the choice in localStorage, which the inline script in
 * Base.astro applies before the first paint.
 */
type Choice = 'auto' | 'light' | 'dark';
const order: Choice[] = ['auto', 'light', 'dark'];

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button')!;
    const read = (): Choice => {
      const t = document.documentElement.dataset.theme;
      return t === 'light' || t === 'dark' ? t : 'auto';
    };
    const show = () => (button.textContent = `Theme: ${read()}`);
    button.addEventListener('click', () => {
      const next = order[(order.indexOf(read()) + 1) % order.length]!;
      if (next === 'auto') delete document.documentElement.dataset.theme;
      else document.documentElement.dataset.theme = next;
      try {
        if (next === 'auto') localStorage.removeItem('theme');
        else localStorage.setItem('theme', next);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      show();
    });
    show();
    button.hidden = false;
  }
}
customElements.define('theme-toggle', ThemeToggle);
