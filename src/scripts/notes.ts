/**
 * Context notes on narrow screens, with JavaScript (the list after the text
 * works without it): a tapped number opens its note right under the line
 * where it was tapped, over the text, moving the page only as far as it takes
 * to show the note (a number near the bottom edge). Loaded on the
 * first tap of a note's number (src/scripts/reading.ts); on wide screens the
 * notes stand in the margin (margin.ts).
 */

import { floatingNote, MARGIN, noteOf, offsetTop, refOf, showOpened, unfloat } from './margin.ts';
import { offer } from './lazy.ts';

/** Close the note that floats over the text, and give focus back to its number. */
function closeFloating(focus = false): void {
  const li = floatingNote();
  if (!li) return;
  unfloat(li);
  if (focus) refOf(li)?.focus({ preventScroll: true });
}

let ready = false;

function start(): void {
  if (ready) return;
  ready = true;
  // Closing a floating note's own disclosure puts it back in the list.
  document.querySelector('.notes')?.addEventListener(
    'toggle',
    (e) => {
      const li = floatingNote();
      if (li?.contains(e.target as Node) && !(e.target as HTMLDetailsElement).open) unfloat(li);
    },
    true,
  );
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeFloating(true);
  });
  document.addEventListener('click', (e) => {
    const target = e.target as Element;
    const floating = floatingNote();
    if (!floating) return;
    // "Back to the text" from a floating note: close it, the number is right there.
    if (target.closest('.note-back') && floating.contains(target)) {
      e.preventDefault();
      closeFloating(true);
    } else if (!floating.contains(target) && !target.closest('a.note-ref')) closeFloating();
  });
}

/** Open the note of a number that was tapped, under the line where it was tapped; the page scrolls only to show it. */
export function openNote(ref: HTMLAnchorElement): void {
  start();
  const li = noteOf(ref);
  if (!li || MARGIN.matches) return;
  const again = floatingNote() === li;
  closeFloating();
  if (again) return;
  li.classList.add('floating');
  li.querySelector('details')!.open = true;
  li.style.top = `${offsetTop(ref) + ref.getBoundingClientRect().height + 4}px`;
  li.querySelector('summary')!.focus({ preventScroll: true });
  showOpened(li);
}

// Loaded on use (src/scripts/reading.ts): what it offers the page that loads it.
offer(import.meta.url, { openNote });
