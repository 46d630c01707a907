/**
 * Context notes in the margin (wide screens, with JavaScript; the list after
 * the text works without it): each note stands level with the line of its
 * number, pushed down only by the note above it, and stays level as the page
 * reflows. Part of the page's own script (src/scripts/page.ts), since the
 * notes must stand there as the page appears; on narrow screens a tapped
 * number opens its note in place with notes.ts, loaded on that first tap.
 */

/** Wide enough for notes in the margin: global.css sets the margin from the same width. */
export const MARGIN = matchMedia('(min-width: 62rem)');

const GAP = 12;

const doc = () => document.querySelector<HTMLElement>('article.doc')!;
const notes = () => [...document.querySelectorAll<HTMLLIElement>('.notes li.note')];
const bodyOf = (li: Element) => li.querySelector<HTMLElement>('.note-body')!;
/** The number in the text that a note belongs to. */
export const refOf = (li: Element) => document.getElementById(`${bodyOf(li).id}-ref`);
/** How far below the top of the document an element is. */
export const offsetTop = (el: Element) => el.getBoundingClientRect().top - doc().getBoundingClientRect().top;

/** The note (its list item) that a number in the text leads to. */
export const noteOf = (ref: HTMLAnchorElement) => document.getElementById(ref.hash.slice(1))?.closest<HTMLLIElement>('li.note');

/** The note a tap opened over the text on a narrow screen (notes.ts), if any. */
export const floatingNote = () => document.querySelector<HTMLLIElement>('.notes li.floating');

/**
 * Bring a note just opened into view: as little scrolling as shows it whole (none if it shows already), or, if it is
 * taller than the window, its start just below the header. A number near the bottom edge opens its note below it.
 * At once, not smoothly: a few bytes fewer on every page (the 2 KB budget), and no motion to turn off.
 */
export function showOpened(li: HTMLLIElement): void {
  li.scrollIntoView({ block: 'nearest' });
}

/**
 * A page opened at a note's address (/<slug>/#note-3): that note open, its start below the header. The browser
 * scrolled to it as the page loaded, in the list after the text, before layout() moved it to the margin; Chromium and
 * WebKit scroll to it again, Firefox did not (it left the note above the window).
 */
function landOnLinkedNote(): void {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const details = target?.closest<HTMLDetailsElement>('.notes details');
  if (!details) return;
  details.open = true;
  target!.scrollIntoView();
}

/** Put a note that floats over the text back in the list, closed. */
export function unfloat(li: HTMLLIElement): void {
  li.classList.remove('floating');
  li.style.top = '';
  li.querySelector('details')!.open = false;
}

/** Set every note that has a number in the text in the margin, level with it; on narrow screens, in the list. */
function layout(): void {
  const list = document.querySelector('.notes');
  if (!list) return;
  const inMargin = MARGIN.matches;
  list.classList.toggle('in-margin', inMargin);
  let bottom = -Infinity;
  let placed = 0;
  for (const li of notes()) {
    const ref = inMargin ? refOf(li) : null;
    const at = ref?.getClientRects().length ? Math.max(offsetTop(ref), bottom + GAP) : undefined;
    li.classList.toggle('placed', at !== undefined);
    // A note floating over the text on a narrow screen keeps the place notes.ts gave it.
    if (inMargin || !li.classList.contains('floating')) li.style.top = at === undefined ? '' : `${at}px`;
    if (at !== undefined) {
      bottom = at + li.offsetHeight;
      placed++;
    }
  }
  list.classList.toggle('all-placed', inMargin && placed === notes().length);
  // The page is as long as its last note, so every note can be scrolled to.
  doc().style.minHeight = inMargin && placed ? `${bottom}px` : '';
}

/**
 * Keep the notes in the margin whenever the screen is wide: now, as notes open and close, and as the page reflows;
 * and land on the note the page was opened at, if any, once the notes stand where they stay.
 */
export function keepNotesInMargin(): void {
  const list = document.querySelector('.notes');
  if (!list) return;
  // A note opened or closed in the margin moves the notes below it.
  list.addEventListener('toggle', layout, true);
  addEventListener('resize', layout);
  MARGIN.addEventListener('change', () => {
    const li = floatingNote();
    if (li) unfloat(li);
    layout();
  });
  if (MARGIN.matches) layout();
  // Once the web font has reflowed the text, the notes stand where they stay.
  void document.fonts.ready.then(() => {
    layout();
    landOnLinkedNote();
  });
}

/** Open a note whose number was clicked, in the margin (the notes below it move down), take focus to it, and show it. */
export function openInMargin(ref: HTMLAnchorElement): void {
  const li = noteOf(ref);
  if (!li) return;
  li.querySelector('details')!.open = true;
  layout();
  li.querySelector('summary')!.focus({ preventScroll: true });
  showOpened(li);
}
