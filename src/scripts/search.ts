/**
 * The search UI: a custom element around the markup of Search.astro, used
 * on /search/ and in the header's dialog. It loads the Pagefind runtime on
 * first use, searches passages (one per paragraph of one voice), shows voice,
 * document and speaker filters with counts, and builds every result from
 * text nodes, so a query or a passage can never become markup.
 */
import { excerptParts, queryTerms } from '../lib/excerpt.ts';
import { bestSentence, VOICES, type Voice } from '../lib/passages.ts';
import { clearLandingMarks, rememberLanding, applyLanding } from './landing.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, o?: Record<string, unknown>): Promise<void>;
  debouncedSearch(q: string | null, o: Record<string, unknown>, ms?: number): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Filters readers can set, as they appear in the address (`?voice=statement`). */
const FILTERS = [
  { key: 'voice', label: 'Voice' },
  { key: 'document', label: 'Document' },
  { key: 'speaker', label: 'Speaker' },
] as const;
type FilterKey = (typeof FILTERS)[number]['key'];
const MAX_RESULTS = 30;

let pagefindPromise: Promise<Pagefind> | undefined;

/** Load the Pagefind runtime once per page, merging the other languages' indexes. */
function loadPagefind(extraIndexes: string[]): Promise<Pagefind> {
  pagefindPromise ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ excerptLength: 28 });
    await pagefind.init();
    for (const extra of extraIndexes) await pagefind.mergeIndex(extra);
    return pagefind;
  })();
  return pagefindPromise;
}

/** How a filter value reads in the address: a voice by its key ("statement"), the others as they are. */
const urlValue = (key: FilterKey, value: string) =>
  key === 'voice' ? ((Object.keys(VOICES) as Voice[]).find((v) => VOICES[v] === value) ?? value) : value;
/** The filter value Pagefind knows for an address value. */
const indexValue = (key: FilterKey, value: string) => (key === 'voice' ? (VOICES[value as Voice] ?? value) : value);

class SearchUI extends HTMLElement {
  #input!: HTMLInputElement;
  #results!: HTMLOListElement;
  #status!: HTMLElement;
  #filters!: HTMLElement;
  #selected: Partial<Record<FilterKey, string>> = {};
  #run = 0;

  connectedCallback(): void {
    this.#input = this.querySelector('input[type="search"]')!;
    this.#results = this.querySelector('.search-results')!;
    this.#status = this.querySelector('.search-status')!;
    this.#filters = this.querySelector('.search-filters')!;
    if (this.syncsAddress) {
      const params = new URLSearchParams(location.search);
      this.#input.value = params.get('q') ?? '';
      for (const { key } of FILTERS) {
        const v = params.get(key);
        if (v) this.#selected[key] = v;
      }
    }
    this.querySelector('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.search();
    });
    this.#input.addEventListener('input', () => void this.search());
    this.#input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        this.#links()[0]?.focus();
      }
    });
    this.#results.addEventListener('keydown', (e) => this.#moveFocus(e));
    this.#results.addEventListener('click', (e) => {
      const link = (e.target as Element).closest('a');
      if (link) this.#open(link);
    });
    this.#filters.hidden = false;
    void this.search();
  }

  /** On /search/ the address follows the query and filters; in the dialog it does not. */
  get syncsAddress(): boolean {
    return this.dataset.mode === 'page';
  }

  focusInput(): void {
    this.#input.focus();
    this.#input.select();
  }

  #links(): HTMLAnchorElement[] {
    return [...this.#results.querySelectorAll('a')];
  }

  #moveFocus(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const links = this.#links();
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowUp' && i <= 0) this.#input.focus();
    else links[Math.min(links.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  }

  #open(link: HTMLAnchorElement): void {
    rememberLanding(link.pathname + link.hash, (link.dataset.terms ?? '').split(' ').filter(Boolean));
    this.closest('dialog')?.close();
    if (link.pathname === location.pathname) {
      addEventListener('hashchange', () => applyLanding(), { once: true });
    }
  }

  #setAddress(query: string): void {
    if (!this.syncsAddress) return;
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const { key } of FILTERS) {
      const v = this.#selected[key];
      if (v) params.set(key, v);
    }
    const search = params.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  }

  async search(): Promise<void> {
    const run = ++this.#run;
    this.setAttribute('aria-busy', 'true');
    try {
      await this.#search(run);
    } finally {
      if (run === this.#run) this.removeAttribute('aria-busy');
    }
  }

  async #search(run: number): Promise<void> {
    const query = this.#input.value.trim();
    this.#setAddress(query);
    clearLandingMarks();
    const pagefind = await loadPagefind((this.dataset.extraIndexes ?? '').split(' ').filter(Boolean));
    const filters: Record<string, string> = {};
    for (const { key } of FILTERS) {
      const v = this.#selected[key];
      if (v) filters[key] = indexValue(key, v);
    }
    const hasFilter = Object.keys(filters).length > 0;
    if (!query && !hasFilter) {
      const counts = await pagefind.filters();
      if (run !== this.#run) return;
      this.#renderFilters(counts);
      this.#results.replaceChildren();
      const total = Object.values(counts.voice ?? {}).reduce((a, b) => a + b, 0);
      this.#status.textContent = `Type to search ${total} passages.`;
      return;
    }
    const result = await pagefind.debouncedSearch(query || null, { filters }, 120);
    if (!result || run !== this.#run) return;
    const items = await Promise.all(result.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (run !== this.#run) return;
    this.#renderFilters(result.totalFilters);
    this.#renderResults(items, queryTerms(query));
    const n = result.results.length;
    this.#status.textContent =
      n === 0
        ? `No passage matches “${query}”${hasFilter ? ' with these filters' : ''}.`
        : `${n} ${n === 1 ? 'passage' : 'passages'} found${n > MAX_RESULTS ? `; showing the first ${MAX_RESULTS}` : ''}.`;
  }

  #renderFilters(counts: Record<string, Record<string, number>>): void {
    const groups = FILTERS.map(({ key, label }) => {
      const values = Object.entries(counts[key] ?? {}).filter(([, n]) => n > 0);
      const selected = this.#selected[key];
      const field = document.createElement('label');
      field.className = 'search-filter';
      const name = document.createElement('span');
      name.textContent = label;
      const select = document.createElement('select');
      select.name = key;
      select.append(new Option('All', ''));
      for (const [value, n] of values.sort((a, b) => a[0].localeCompare(b[0]))) {
        const v = urlValue(key, value);
        select.append(new Option(`${value} (${n})`, v, false, v === selected));
      }
      if (selected && !values.some(([v]) => urlValue(key, v) === selected)) {
        select.append(new Option(`${selected} (0)`, selected, false, true));
      }
      select.addEventListener('change', () => {
        if (select.value) this.#selected[key] = select.value;
        else delete this.#selected[key];
        void this.search();
      });
      field.append(name, select);
      return field;
    });
    this.#filters.replaceChildren(...groups);
  }

  #renderResults(items: PagefindResultData[], terms: string[]): void {
    this.#results.replaceChildren(
      ...items.map((item) => {
        const parts = excerptParts(item.excerpt);
        const marked = parts.filter((p) => p.marked).map((p) => p.text);
        const sentence = bestSentence(item.content, item.meta.sentences ?? '', [...marked, ...terms]);
        const url = sentence ? item.url.replace(/#.*$/u, `#${sentence}`) : item.url;
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = url;
        a.dataset.terms = [...new Set([...terms, ...marked.map((m) => m.toLowerCase())])].join(' ');
        const title = document.createElement('span');
        title.className = 'result-title';
        title.textContent = item.meta.title ?? url;
        const excerpt = document.createElement('span');
        excerpt.className = 'result-excerpt';
        for (const part of parts) {
          if (part.marked) {
            const mark = document.createElement('mark');
            mark.textContent = part.text;
            excerpt.append(mark);
          } else excerpt.append(part.text);
        }
        a.append(title, excerpt);
        li.className = `result result-${(item.meta.voice ?? '').toLowerCase()}`;
        li.append(a);
        return li;
      }),
    );
  }
}

if (!customElements.get('search-ui')) customElements.define('search-ui', SearchUI);
