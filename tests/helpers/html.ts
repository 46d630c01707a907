/** Reading built pages as DOM documents (linkedom), by their public URL path. */
import { existsSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

/** The built page for `urlPath` (`/slug/` → `<outDir>/slug/index.html`). */
export function page(outDir: string, urlPath: string): Document {
  const file = `${outDir}${urlPath.replace(/\/?$/u, '/')}index.html`;
  if (!existsSync(file)) throw new Error(`no page at ${urlPath} (${file})`);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

/** Text of `el` without the elements the site adds around the seed's words. */
export function seedText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const chrome of clone.querySelectorAll('[data-pagefind-ignore]')) chrome.remove();
  return clone.textContent ?? '';
}
