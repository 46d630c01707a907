/**
 * Site-wide checks run over a built site: HTML validity (html-validate, with
 * the repository's .htmlvalidate.json), internal links with their
 * fragments, and canonical links. Each returns the problems it found; an empty list is a pass.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { parseHTML } from 'linkedom';
import { filesUnder } from '../../src/integrations/folder-walk.ts';
import { isIndexFolder } from '../../src/lib/search/passages.ts';
import { root } from './build.ts';

/** Every `.html` file below `dir`, but in Pagefind's folders. */
export function htmlFiles(dir: string): string[] {
  return [...filesUnder(dir, (name) => !isIndexFolder(name))].filter((path) => path.endsWith('.html'));
}

const validator = new HtmlValidate(JSON.parse(readFileSync(`${root}.htmlvalidate.json`, 'utf8')) as ConfigData);

/** html-validate's errors for every page of `dir`, as "page: rule: message". */
export async function validateSite(dir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of htmlFiles(dir)) {
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${relative(dir, file)}:${m.line}: ${m.ruleId}: ${m.message}`);
    }
  }
  return problems;
}

/** The page a URL path is served from (`/a/` → `a/index.html`), if it exists. */
function pageFile(dir: string, path: string): string | undefined {
  const candidate = join(dir, decodeURIComponent(path));
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Internal links (`href`/`src` starting with `/` or `#`) whose page, file or fragment does not exist. */
export function brokenLinks(dir: string): string[] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      set = new Set([...document.querySelectorAll('[id]')].map((e) => e.id));
      ids.set(file, set);
    }
    return set;
  };
  const problems: string[] = [];
  for (const file of htmlFiles(dir)) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const here = `/${relative(dir, file).replace(/index\.html$/u, '')}`;
    for (const el of document.querySelectorAll('[href], [src]')) {
      const ref = el.getAttribute('href') ?? el.getAttribute('src')!;
      if (!/^[/#]/u.test(ref) || ref.startsWith('//')) continue;
      const url = new URL(ref, `http://site${here}`);
      const target = pageFile(dir, url.pathname);
      const where = `${relative(dir, file)}: ${ref}`;
      if (!target) {
        problems.push(`${where}: no such page or file`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1)).replace(/:~:.*$/u, '');
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) problems.push(`${where}: no element with id "${fragment}"`);
    }
  }
  return problems;
}

/**
 * Canonical links (absolute addresses on the site, which is served at `base`) whose page does not exist in `dir`:
 * a search engine that follows one finds nothing there.
 */
export function brokenCanonicals(dir: string, base = '/'): string[] {
  return htmlFiles(dir).flatMap((file) => {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    return [...document.querySelectorAll('link[rel="canonical"]')].flatMap((link) => {
      const href = link.getAttribute('href') ?? '';
      const where = `${relative(dir, file)}: canonical ${href}`;
      if (!URL.canParse(href)) return [`${where}: not an absolute address`];
      const { pathname } = new URL(href);
      if (!pathname.startsWith(base)) return [`${where}: outside the site's base path ${base}`];
      return pageFile(dir, pathname.slice(base.length)) ? [] : [`${where}: no such page`];
    });
  });
}

/**
 * The kind of page a built file is (`speakers/x/index.html` → "speaker pages"), by its
 * address, to report checks by kind (a redirect page left at a renamed document's old
 * address counts as the kind of that address). A path no rule knows is reported by its
 * own path: a new kind of page is checked all the same; add it here to name it.
 */
export function pageKind(path: string): string {
  const kinds: [RegExp, string][] = [
    [/^(index|page\/\d+\/index)\.html$/u, 'document list'],
    [/^404\.html$/u, '404'],
    [/^about\/index\.html$/u, 'about'],
    [/^search\/index\.html$/u, 'search'],
    [/^speakers\//u, 'speaker pages'],
    [/^sources\//u, 'source pages'],
    [/^archive\//u, 'archive pages'],
    [/^phrases\//u, 'phrase pages'],
    [/^[^/]+\/index\.html$/u, 'reading pages'],
    [/^[^/]+\/(statement|commentary)\/index\.html$/u, 'focus views'],
    [/^[^/]+\/[sco]\d+[a-z]*\/index\.html$/u, 'share pages'],
    [/^[^/]+\/history\/index\.html$/u, 'history pages'],
    [/^[^/]+\/v\d+\/index\.html$/u, 'version pages'],
  ];
  return kinds.find(([re]) => re.test(path))?.[1] ?? path;
}
