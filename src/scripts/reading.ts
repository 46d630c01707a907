/**
 * The little a reading page runs on load; everything else loads on use:
 * - selecting words loads the code that keeps copies to the seed's words
 *   (it loads as the selection starts, before a hand reaches Ctrl+C) and
 *   offers a link to them;
 * - a note's number opens its note in place, a paragraph's number its tools,
 *   a traced quote's marker its explanation: each module loads when first
 *   used;
 * - on wide screens the notes stand in the margin (margin.ts, part of this
 *   script), and a number opens its note there; on narrow screens a tapped
 *   number opens its note in place (notes.ts, loaded on the first tap);
 * - arriving from a search result, the query's words are marked (landed.ts);
 * - a link to a paragraph that does not exist says so;
 * - print opens every note.
 *
 * Each module loaded on use is imported as `…?worker&url` and loaded by
 * lazy.ts, which says why.
 */
import notesModule from './notes.ts?worker&url';
import paragraphToolsModule from './paragraph-tools.ts?worker&url';
import selectionModule from './selection-link.ts?worker&url';
import copiesModule from './seed-selection.ts?worker&url';
import landedModule from './landed.ts?worker&url';
import { loadModule as load } from './lazy.ts';
import { keepNotesInMargin, MARGIN, openInMargin } from './margin.ts';
import type * as Notes from './notes.ts';
import type * as ParagraphTools from './paragraph-tools.ts';
import type * as SelectionLink from './selection-link.ts';
import type * as SeedSelection from './seed-selection.ts';

/** Start a reading page's tools (src/scripts/page.ts calls it on reading pages). */
export function startReading(): void {
  keepNotesInMargin();

  // Arriving from a search result: mark the query's terms in the passage (the marking code loads only then).
  try {
    if (sessionStorage.getItem('reader:landing')) void import(/* @vite-ignore */ landedModule);
  } catch {
    /* storage unavailable */
  }

  // Words being selected (a drag, a double click, a long press, Shift+arrows, select all): copying them keeps to the
  // seed's words (the code loads as the selection starts, before a hand reaches Ctrl+C), and, where the clipboard can
  // be written, a link to them is offered (its tools follow the selection, and hide when it is gone).
  let copies: Promise<unknown> | undefined;
  const keepCopies = () => (copies ??= load<typeof SeedSelection>(copiesModule).then((m) => m.keepCopiesToTheSeed()));
  document.addEventListener('selectstart', () => void keepCopies(), { once: true });
  document.addEventListener('selectionchange', () => {
    const selected = document.getSelection()?.isCollapsed === false;
    if (selected) void keepCopies();
    if (navigator.clipboard && (selected || document.querySelector('.selection-tools:not([hidden])'))) {
      void load<typeof SelectionLink>(selectionModule).then((m) => m.update());
    }
  });

  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const target = e.target as Element;
    const ref = target.closest<HTMLAnchorElement>('a.note-ref');
    const pnum = target.closest<HTMLAnchorElement>('a.pnum');
    const mark = target.closest('.trace-mark');
    for (const open of document.querySelectorAll('.trace-mark[data-open]')) if (open !== mark) open.removeAttribute('data-open');
    if (ref) {
      e.preventDefault();
      if (MARGIN.matches) openInMargin(ref);
      else void load<typeof Notes>(notesModule).then((m) => m.openNote(ref));
    } else if (pnum && navigator.clipboard) {
      e.preventDefault();
      void load<typeof ParagraphTools>(paragraphToolsModule).then((m) => m.openTools(pnum));
    } else if (mark) mark.toggleAttribute('data-open');
  });

  // A link to a paragraph that does not exist (#c9): say so, and link to the top.
  const missing = document.getElementById('missing-target');
  const checkTarget = () => {
    const id = decodeURIComponent(location.hash.slice(1)).replace(/:~:.*$/u, '');
    const absent = id !== '' && !document.getElementById(id);
    if (missing) {
      missing.hidden = !absent;
      if (absent) missing.querySelector('code')!.textContent = `#${id}`;
    }
  };
  checkTarget();
  addEventListener('hashchange', checkTarget);

  // Print with every note open (where the browser cannot show closed notes' content by CSS alone).
  let closedForPrint: HTMLDetailsElement[] = [];
  addEventListener('beforeprint', () => {
    closedForPrint = [...document.querySelectorAll<HTMLDetailsElement>('.notes details:not([open])')];
    for (const d of closedForPrint) d.open = true;
  });
  addEventListener('afterprint', () => {
    for (const d of closedForPrint) d.open = false;
    closedForPrint = [];
  });
}
