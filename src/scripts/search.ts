/**
 * The search UI: a custom element around the markup of Search.astro, used
 * on /search/ and in the header's dialog. It loads the Pagefind runtime when
 * it first appears, searches the index's bundle pages, turns the best of
 * them back into passages (src/lib/search/results.ts) and loads more only
 * when asked. Every result is built from text nodes, so a query or a
 * passage can never become markup.
 */
import { holdsInOrder, isKeystroke, mayHoldPhrase, planQuery, type UnplacedTerm } from '../lib/search/query.ts';
import { CAPPED_FILE, type CappedList } from '../lib/search/capped-words.ts';
import { countOf } from '../lib/common/counts.ts';
import { VOICE_LIST, VOICES, type Voice } from '../lib/seed/document.ts';
import { filterName, speakerFilter } from '../lib/search/bundles.ts';
import { PAGEFIND_FOLDER } from '../lib/search/passages.ts';
import {
  holdsOneDocument,
  IndexFormatError,
  passageLabel,
  passagesOf,
  rankPassages,
  type BundleFragment,
  type PassageFilter,
  type PassageHit,
} from '../lib/search/results.ts';
import { siteAddresses } from '../lib/publish/addresses.ts';
import { applyLanding, clearLandingMarks, rememberLanding } from './landing.ts';
import searchStyles from '../styles/search.css?url';

// The results' styles come with this code, not with every page (the /search/ page has them inline
// already). Results wait for them (or for their failure), so they never paint unstyled.
const stylesReady = new Promise<void>((resolve) => {
  if (document.querySelector('search-ui[data-mode="page"]') || document.querySelector(`link[href="${searchStyles}"]`)) return resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = searchStyles;
  link.addEventListener('load', () => resolve());
  link.addEventListener('error', () => resolve());
  document.head.append(link);
});

interface PagefindResult {
  id: string;
  /** The matched words' places in the page: read before its text loads. */
  words: number[];
  data: () => Promise<BundleFragment>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, o?: Record<string, unknown>): Promise<void>;
  debouncedSearch(q: string | null, o: Record<string, unknown>, ms?: number): Promise<{ results: PagefindResult[] } | null>;
  search(q: string | null, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
}
/** The runtime, and the words the loaded indexes capped (src/lib/search/capped-words.ts). */
interface Loaded {
  pagefind: Pagefind;
  capped: CappedList;
}

/** Filters readers can set, as they appear in the address (`?voice=statement&speaker=…&document=…`). */
const FILTERS = ['voice', 'speaker', 'document'] as const;
type FilterKey = (typeof FILTERS)[number];
/**
 * A search shows the passages of its best bundle at once, then, if it shows
 * fewer than five passages, those of the next: a first search stays small.
 * A bundle of one document (an index of up to 1,000 documents) is a few KB:
 * up to five, one and then two at a time. "More passages" loads more bundles,
 * one and then two at a time, up to eight, until it has shown twenty more.
 * What the numbers were chosen by: bench/NOTES.md, "Measurements behind the code".
 */
const FIRST = { passages: 5, bundles: 2, oneDocumentBundles: 5 };
const MORE = { passages: 20, bundles: 8 };

/** The site's addresses, under the base path Astro builds for (`BASE_PATH`). */
const addresses = siteAddresses(import.meta.env.BASE_URL);

let pagefindPromise: Promise<Loaded> | undefined;
/** The warm-up below: not yet asked for, waiting for the page to be idle, or over (it ran, or a query came first). */
let warming: 'not yet' | 'waiting' | 'over' = 'not yet';

/**
 * Pagefind's first search on a page runs its code cold (its WebAssembly is compiled as first called, then
 * optimised as it runs). A search for nothing (every page, by no filter: nothing is downloaded) run while the
 * page is idle, before any query, warms that code: at 100,000 documents it took 33–49 ms, and a first search for
 * a common word after it up to 120 ms less (bench/NOTES.md). It never runs once a query has been asked, so a
 * query that comes with the page (a link's) does not wait for it.
 */
function warmUp(pagefind: Pagefind): void {
  if (warming !== 'not yet') return;
  warming = 'waiting';
  const run = () => {
    if (warming !== 'waiting') return;
    warming = 'over';
    pagefind.search(null).catch(() => undefined);
  };
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

/**
 * An index's capped words, from its `capped.json` (revalidated: it changes with the index, whose other files
 * are named by their content). An index without the list (another site's) caps nothing; a list this code
 * cannot read is an index it cannot read.
 */
async function cappedWords(folder: string): Promise<CappedList> {
  const file = `${folder.replace(/\/?$/u, '/')}${CAPPED_FILE}`;
  const response = await fetch(file, { cache: 'no-cache' });
  if (!response.ok) return { ranges: 1, words: [] };
  const list = (await response.json()) as Partial<CappedList> | null;
  if (!Number.isInteger(list?.ranges) || !Array.isArray(list?.words) || !list.words.every((w) => typeof w === 'string'))
    throw new IndexFormatError(`${file} is not a list of capped words`);
  return list as CappedList;
}

/** Load the Pagefind runtime and index metadata once per page, merging other languages' and shards' indexes. */
function loadPagefind(extraIndexes: string[]): Promise<Loaded> {
  pagefindPromise ??= (async () => {
    const url = addresses.inSite(`${PAGEFIND_FOLDER}/pagefind.js`);
    const lists = Promise.all([addresses.inSite(`${PAGEFIND_FOLDER}/`), ...extraIndexes].map(cappedWords));
    // Awaited below; should the runtime fail first, its failure is the one reported.
    lists.catch(() => undefined);
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // On the page's own thread: the index is small enough, and a worker would cost another 12 KB.
    await pagefind.options({ noWorker: true });
    await pagefind.init();
    for (const extra of extraIndexes) await pagefind.mergeIndex(extra);
    await stylesReady;
    // Merged indexes: a word capped in any is searched as capped, in as many ranges as the most any has.
    const all = await lists;
    return { pagefind, capped: { ranges: Math.max(...all.map((l) => l.ranges)), words: [...new Set(all.flatMap((l) => l.words))] } };
  })();
  pagefindPromise.catch(() => (pagefindPromise = undefined));
  return pagefindPromise;
}

const isVoice = (v: string): v is Voice => Object.hasOwn(VOICES, v);
/** A search that asks Pagefind nothing more. */
const nothingMore = () => ({ filters: {}, ranges: [], plain: undefined, anyInRange: false });

/**
 * A search's results (bundles, best first) that may hold its phrase, if it has one: when the search (`query`)
 * asked every word it places, each word's places are asked of Pagefind alone (its index is loaded already), so the
 * words are checked in their order; else the places of all together. The text decides when a bundle is loaded.
 */
async function phraseResults(
  rest: { pagefind?: Pagefind; filters: Record<string, string> },
  { phrase, placed }: { phrase?: string[] | undefined; placed?: number[] | undefined },
  results: PagefindResult[],
  query: string | null,
): Promise<PagefindResult[]> {
  if (!phrase) return results;
  const words = placed && query && results.length && rest.pagefind ? query.split(' ') : [];
  const places = await Promise.all(
    words.map(async (w) => new Map((await rest.pagefind!.search(w, { filters: rest.filters })).results.map((r) => [r.id, r.words]))),
  );
  return results.filter((r) =>
    places.length
      ? holdsInOrder(
          places.map((m) => m.get(r.id) ?? []),
          placed!,
        )
      : mayHoldPhrase(r.words, phrase),
  );
}

class SearchUI extends HTMLElement {
  #input!: HTMLInputElement;
  #results!: HTMLOListElement;
  #status!: HTMLElement;
  #filters!: HTMLElement;
  #more!: HTMLButtonElement;
  #chips!: HTMLElement;
  #selected: Partial<Record<FilterKey, string>> = {};
  #titles = new Map<string, string>();
  #run = 0;
  /** The query of the last search begun: the next one waits for more keystrokes only when it differs by one character. */
  #lastQuery = '';
  #bundles: PagefindResult[] = [];
  #next = 0;
  #shown = 0;
  #terms: string[] = [];
  #phrase: string[] | undefined;
  #placed: number[] | undefined;
  #unplaced: UnplacedTerm[] = [];
  /** What the last search may still ask of Pagefind: a phrase's searches in the next ranges of pages, then as typed. */
  #rest: { pagefind?: Pagefind; filters: Record<string, string>; ranges: string[]; plain: string | undefined; anyInRange: boolean } = nothingMore();

  connectedCallback(): void {
    this.#input = this.querySelector('input[type="search"]')!;
    this.#results = this.querySelector('.search-results')!;
    this.#status = this.querySelector('.search-status')!;
    this.#filters = this.querySelector('.search-filters')!;
    this.#more = this.querySelector('.search-more')!;
    const dialog = this.closest('dialog');
    if (dialog) {
      // Esc closes at once, even from the search field (where it would first clear the text); so does a click beside it.
      dialog.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          dialog.close();
        }
      });
      dialog.addEventListener('click', (e) => {
        if (e.target === dialog) dialog.close();
      });
    }
    if (this.syncsAddress) {
      const params = new URLSearchParams(location.search);
      // What a reader typed before this script arrived wins over the address.
      if (!this.#input.value) this.#input.value = params.get('q') ?? '';
      for (const key of FILTERS) {
        const v = params.get(key);
        if (v && (key !== 'voice' || isVoice(v))) this.#selected[key] = v;
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
    this.#more.addEventListener('click', () => {
      const run = this.#run;
      void this.#whileBusy(run, () => this.#loadMore(run, MORE));
    });
    this.#buildFilters();
    // Shown with their styles, so they never appear unstyled and then jump.
    void stylesReady.then(() => (this.#filters.hidden = false));
    void this.search();
  }

  /** On /search/ the address follows the query and filters; in the dialog it does not. */
  get syncsAddress(): boolean {
    return this.dataset.mode === 'page';
  }

  focusInput(): void {
    this.#input.focus();
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
    for (const key of FILTERS) {
      const v = this.#selected[key];
      if (v) params.set(key, v);
    }
    const search = params.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  }

  /** Pagefind's filters for the selection: voice as is, speaker and document in their split filter. */
  #pagefindFilters(): Record<string, string> {
    const f: Record<string, string> = {};
    const { voice, speaker, document: doc } = this.#selected;
    if (voice && isVoice(voice)) f.voice = VOICES[voice];
    if (speaker) {
      const sf = speakerFilter(speaker);
      f[sf.name] = sf.value;
    }
    if (doc) f[filterName('document', doc)] = doc;
    return f;
  }

  search(): Promise<void> {
    const run = ++this.#run;
    return this.#whileBusy(run, () => this.#search(run));
  }

  /**
   * Do `work` for search `run`, marked busy until it ends. A failure is logged in the console and said in the
   * results area, unless a newer search took over.
   */
  async #whileBusy(run: number, work: () => Promise<void>): Promise<void> {
    this.setAttribute('aria-busy', 'true');
    try {
      await work();
    } catch (error) {
      console.error('Search failed:', error);
      if (run === this.#run) this.#failed(error);
    } finally {
      if (run === this.#run) this.removeAttribute('aria-busy');
    }
  }

  async #search(run: number): Promise<void> {
    const query = this.#input.value.trim();
    const keystroke = isKeystroke(this.#lastQuery, query);
    this.#lastQuery = query;
    // The last search's "More passages" waits for this one (which re-enables it), so a press cannot mix the two.
    this.#more.disabled = true;
    this.#setAddress(query);
    clearLandingMarks();
    const filters = this.#pagefindFilters();
    const hasFilter = Object.keys(filters).length > 0;
    // Start loading the runtime now: by the time a query is typed it is ready.
    const loading = loadPagefind((this.dataset.extraIndexes ?? '').split(' ').filter(Boolean));
    if (!query && !hasFilter) {
      this.#showNothing(`Type to search ${Number(this.dataset.passages ?? 0).toLocaleString('en')} passages.`);
      const { pagefind } = await loading;
      // On /search/, opened to search, the wait for a first query is the time to warm the search code; the dialog
      // opens as a query is typed or pasted into it, which would wait for a warm-up (measured: it did).
      if (this.syncsAddress) warmUp(pagefind);
      return;
    }
    warming = 'over';
    // Function words are not searched (src/lib/search/query.ts): a query of nothing else has nothing to search.
    if (query && planQuery(query).pagefind === null && !hasFilter) {
      this.#showNothing(`“${query}” is too common to search for: add a less common word.`);
      await loading;
      return;
    }
    const { pagefind, capped } = await loading;
    const plan = planQuery(query, capped);
    // Typing waits 80 ms for the next keystroke (a query one letter long would download much and show little);
    // a whole query (pasted, from a link) is searched at once. A newer search still replaces a waiting one.
    const result = await pagefind.debouncedSearch(plan.pagefind, { filters }, keystroke ? 80 : 0);
    if (!result || run !== this.#run) return;
    const rest = { pagefind, filters, ranges: plan.more ?? [], plain: plan.plain, anyInRange: result.results.length > 0 };
    // A phrase not in the first range of pages: if no page holds its other words at all, no range holds the phrase.
    if (!result.results.length && plan.plain !== undefined && !(await pagefind.search(plan.plain, { filters })).results.length) {
      rest.ranges = [];
      rest.plain = undefined;
    }
    const kept = await phraseResults(rest, plan, result.results, plan.pagefind);
    // Every wait is over: only now does this search replace the last one's state, if no newer search began.
    if (run !== this.#run) return;
    this.#bundles = kept;
    this.#next = 0;
    this.#shown = 0;
    this.#terms = plan.terms;
    this.#phrase = plan.phrase;
    this.#placed = plan.placed;
    this.#unplaced = plan.unplaced;
    this.#rest = rest;
    this.#results.replaceChildren();
    await this.#loadMore(run, FIRST);
  }

  /** No results, nothing more to ask, and why. */
  #showNothing(status: string): void {
    this.#bundles = [];
    this.#rest = nothingMore();
    this.#results.replaceChildren();
    this.#more.hidden = true;
    this.#status.textContent = status;
  }

  /** Whether a search has results not yet loaded, or searches not yet run (see {@link #searchOn}). */
  #hasMore(): boolean {
    return this.#next < this.#bundles.length || this.#rest.ranges.length > 0 || (this.#rest.plain !== undefined && !this.#rest.anyInRange);
  }

  /**
   * When every result found so far is loaded: search a phrase's capped words in the next range of pages (see
   * planQuery), until one has results. If no range held the phrase's words at all, a word was taken for a capped
   * one that is not: the phrase is searched as typed, and every result is loaded for its text to decide.
   * Resolves to whether there are results to load.
   */
  async #searchOn(run: number): Promise<boolean> {
    const rest = this.#rest;
    while (this.#next >= this.#bundles.length) {
      const range = rest.ranges.shift();
      const query = range ?? (rest.anyInRange ? undefined : rest.plain);
      if (query === undefined || !rest.pagefind) return false;
      if (range === undefined) rest.plain = undefined;
      const result = await rest.pagefind.search(query, { filters: rest.filters });
      if (run !== this.#run) return false;
      if (result.results.length) rest.anyInRange ||= range !== undefined;
      const kept = range === undefined ? result.results : await phraseResults(rest, { phrase: this.#phrase, placed: this.#placed }, result.results, range);
      if (run !== this.#run) return false;
      this.#bundles.push(...kept);
    }
    return true;
  }

  /** Load bundles, best first, showing each batch's passages as they come, until `want.passages` more are shown. */
  async #loadMore(run: number, want: { passages: number; bundles: number; oneDocumentBundles?: number }): Promise<void> {
    const { speaker, document: doc } = this.#selected;
    const filter: PassageFilter = { speaker, document: doc };
    let found = 0;
    let loaded = 0;
    let most = want.bundles;
    this.#more.disabled = true;
    while (found < want.passages && loaded < most && (this.#next < this.#bundles.length || (await this.#searchOn(run)))) {
      const from = this.#next;
      const take = this.#bundles.slice(from, from + Math.min(loaded === 0 ? 1 : 2, most - loaded));
      this.#next += take.length;
      loaded += take.length;
      const fragments = await Promise.all(take.map((r) => r.data()));
      if (run !== this.#run) return;
      // The first bundle tells how large bundles are in this index.
      if (from === 0 && want.oneDocumentBundles && holdsOneDocument(fragments[0]!)) most = want.oneDocumentBundles;
      const hits = rankPassages(fragments.flatMap((f, i) => passagesOf(f, this.#terms, from + i, filter, this.#phrase, this.#unplaced)));
      for (const hit of hits) this.#titles.set(hit.slug, hit.title);
      this.#renderResults(hits);
      found += hits.length;
      this.#shown += hits.length;
    }
    if (run !== this.#run) return;
    const left = this.#hasMore();
    this.#more.hidden = !left;
    this.#more.disabled = false;
    this.#renderChips();
    this.#status.textContent = this.#statusText(left);
  }

  #statusText(more: boolean): string {
    const query = this.#input.value.trim();
    const filtered = Object.values(this.#selected).some(Boolean);
    if (this.#shown === 0 && !more) return query ? `No passage matches “${query}”${filtered ? ' with these filters' : ''}.` : 'No passage has these filters.';
    const n = countOf(this.#shown, 'passage');
    return more ? `${n} shown, best matches first; more below.` : `${n} found.`;
  }

  /** Say what failed: the search could not load, or (a different index format) its results could not be read. */
  #failed(error: unknown): void {
    this.#results.replaceChildren();
    this.#more.hidden = true;
    if (error instanceof IndexFormatError) {
      this.#status.replaceChildren(
        `Search failed: its index could not be read (${error.message}). Reload the page; if this persists, the site's search index is broken.`,
      );
      return;
    }
    this.#status.replaceChildren(
      'Search could not load. ',
      Object.assign(document.createElement('a'), { href: addresses.searchPath(), textContent: 'Try the search page' }),
      ' or reload.',
    );
  }

  /** The voice choice and, on a reading page's dialog, "Only this document"; then the filters in effect. */
  #buildFilters(): void {
    const field = document.createElement('label');
    field.className = 'search-filter';
    const name = document.createElement('span');
    name.textContent = 'Voice';
    const select = document.createElement('select');
    select.name = 'voice';
    select.append(new Option('Both', ''));
    for (const v of VOICE_LIST) select.append(new Option(VOICES[v], v, false, this.#selected.voice === v));
    select.addEventListener('change', () => this.#set('voice', select.value || undefined));
    field.append(name, select);
    const parts: HTMLElement[] = [field];
    const scope = this.#scope;
    if (scope) {
      const only = document.createElement('label');
      only.className = 'search-scope';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = this.#selected.document === scope;
      box.addEventListener('change', () => this.#set('document', box.checked ? scope : undefined));
      only.append(box, ' Only this document');
      parts.push(only);
    }
    this.#chips = document.createElement('span');
    this.#chips.className = 'search-chips';
    this.#filters.replaceChildren(...parts, this.#chips);
    this.#renderChips();
  }

  /** The document a reading page's dialog may search alone. */
  get #scope(): string | undefined {
    return this.syncsAddress ? undefined : this.dataset.scopeSlug;
  }

  /** The speaker and document in effect (other than "Only this document"), each removable. */
  #renderChips(): void {
    const chips: HTMLElement[] = [];
    for (const key of ['speaker', 'document'] as const) {
      const value = this.#selected[key];
      if (!value || (key === 'document' && value === this.#scope)) continue;
      const chip = document.createElement('span');
      chip.className = 'search-chip';
      const label = key === 'speaker' ? 'Speaker' : 'Document';
      chip.append(`${label}: ${key === 'document' ? (this.#titles.get(value) ?? value) : value} `);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove the ${label.toLowerCase()} filter`);
      remove.addEventListener('click', () => this.#set(key, undefined));
      chip.append(remove);
      chips.push(chip);
    }
    this.#chips.replaceChildren(...chips);
  }

  #set(key: FilterKey, value: string | undefined): void {
    if (value) this.#selected[key] = value;
    else delete this.#selected[key];
    this.#renderChips();
    void this.search();
  }

  #renderResults(hits: PassageHit[]): void {
    this.#results.append(
      ...hits.map((hit) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = addresses.passagePath(hit.slug, hit.anchor);
        a.dataset.terms = [...new Set([...this.#terms, ...hit.matched])].join(' ');
        const title = document.createElement('span');
        title.className = 'result-title';
        title.textContent = passageLabel(hit);
        const excerpt = document.createElement('span');
        excerpt.className = 'result-excerpt';
        for (const run of hit.excerpt) {
          if (run.marked) {
            const mark = document.createElement('mark');
            mark.textContent = run.text;
            excerpt.append(mark);
          } else excerpt.append(run.text);
        }
        a.append(title, excerpt);
        li.className = `result result-${hit.voice}`;
        li.append(a);
        return li;
      }),
    );
  }
}

customElements.define('search-ui', SearchUI);
