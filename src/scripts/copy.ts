/**
 * Copying to the clipboard from a reading page's tools, with the button
 * saying so for a while and the status region telling screen readers.
 */

/** Say `text` in the page's status region (read by screen readers). */
export function say(text: string): void {
  const status = document.getElementById('reader-status');
  if (status) status.textContent = text;
}

const restore = new WeakMap<HTMLButtonElement, ReturnType<typeof setTimeout>>();

/** Copy `text`; the button shows `done` for a while, then its own words again. */
export async function copy(text: string, button: HTMLButtonElement, done: string): Promise<void> {
  // The button's own words, kept once: a second press within the pause must not make "Copied" its label for good.
  const label = (button.dataset.idle ??= button.textContent ?? '');
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = done;
    button.dataset.copied = '';
    say(`${done}: ${text}`);
  } catch {
    say(`Could not copy. ${text}`);
  }
  clearTimeout(restore.get(button));
  restore.set(
    button,
    setTimeout(() => {
      button.textContent = label;
      delete button.dataset.copied;
    }, 2000),
  );
}
