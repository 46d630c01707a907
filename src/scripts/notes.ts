/**
 * Context notes with JavaScript (the list after the text works without it).
 * On wide screens the notes stand in the margin, each level with the line of
 * its number, pushed down only by the note above it; elsewhere a tapped
 * number opens its note right under the line where it was tapped, over the
 * text, without moving the page. Loaded on wide screens at once, elsewhere
 * on the first tap of a note's number (src/scripts/reading.ts).
 */

import { MARGIN } from './margin.ts';
import { offer } from './lazy.ts';

const GAP = 12;

const list = () => document.querySelector<HTMLElement>('.notes');
const doc = () => document.querySelector<HTMLElement>('article.doc')!;
const notes = () => [...document.querySelectorAll<HTMLLIElement>('.notes li.note')];
const bodyOf = (li: Element) => li.querySelector<HTMLElement>('.note-body')!;
const refOf = (li: Element) => document.getElementById(`${bodyOf(li).id}-ref`);
const top = (el: Element) => el.getBoundingClientRect().top - doc().getBoundingClientRect().top;

let floating: HTMLLIElement | undefined;
let ready = false;

/** Set every note that has a number in the text in the margin, level with it (wide screens only). */
function layout(): void {
  const notesList = list();
  if (!notesList) return;
  const inMargin = MARGIN.matches;
  notesList.classList.toggle('in-margin', inMargin);
  let bottom = -Infinity;
  let placed = 0;
  for (const li of notes()) {
    const ref = inMargin ? refOf(li) : null;
    const at = ref?.getClientRects().length ? Math.max(top(ref), bottom + GAP) : undefined;
    li.classList.toggle('placed', at !== undefined);
    if (li !== floating) li.style.top = at === undefined ? '' : `${at}px`;
    if (at !== undefined) {
      bottom = at + li.offsetHeight;
      placed++;
    }
  }
  notesList.classList.toggle('all-placed', inMargin && placed === notes().length);
  // The page is as long as its last note, so every note can be scrolled to.
  doc().style.minHeight = inMargin && placed ? `${bottom}px` : '';
}

/** Close the note that floats over the text, and give focus back to its number. */
function closeFloating(focus = false): void {
  const li = floating;
  if (!li) return;
  floating = undefined;
  li.classList.remove('floating');
  li.style.top = '';
  li.querySelector('details')!.open = false;
  if (focus) refOf(li)?.focus({ preventScroll: true });
}

function start(): void {
  if (ready) return;
  ready = true;
  const notesList = list();
  // A note opened or closed in the margin moves the notes below it.
  notesList?.addEventListener(
    'toggle',
    (e) => {
      const li = (e.target as Element).closest<HTMLLIElement>('li.note');
      if (li === floating && !(e.target as HTMLDetailsElement).open) closeFloating();
      layout();
    },
    true,
  );
  addEventListener('resize', layout);
  MARGIN.addEventListener('change', () => {
    closeFloating();
    layout();
  });
  void document.fonts.ready.then(layout);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && floating) closeFloating(true);
  });
  document.addEventListener('click', (e) => {
    const target = e.target as Element;
    if (!floating) return;
    // "Back to the text" from a floating note: close it, the number is right there.
    if (target.closest('.note-back') && floating.contains(target)) {
      e.preventDefault();
      closeFloating(true);
    } else if (!floating.contains(target) && !target.closest('a.note-ref')) closeFloating();
  });
}

/** Wide screens: the notes in the margin, kept level as the page reflows. */
export function setInMargin(): void {
  start();
  layout();
}

/** Open the note of a number that was tapped or clicked, beside it or under it, without scrolling the page. */
export function openNote(ref: HTMLAnchorElement): void {
  start();
  const body = document.getElementById(ref.hash.slice(1));
  const li = body?.closest<HTMLLIElement>('li.note');
  if (!li) return;
  const details = li.querySelector('details')!;
  const summary = li.querySelector('summary')!;
  if (MARGIN.matches) {
    details.open = true;
    layout();
  } else {
    const again = floating === li;
    closeFloating();
    if (again) return;
    floating = li;
    li.classList.add('floating');
    details.open = true;
    const line = ref.getBoundingClientRect();
    li.style.top = `${line.bottom - doc().getBoundingClientRect().top + 4}px`;
  }
  summary.focus({ preventScroll: true });
}

// Loaded on use (src/scripts/reading.ts): what it offers the page that loads it.
offer(import.meta.url, { setInMargin, openNote });
