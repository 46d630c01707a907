/**
 * What tools read beside a built site's pages, checked over a whole build:
 * each reading page's JSON-LD against schema.org (schema-org.ts), each
 * document's open-data annotations against the Web Annotation MUST
 * assertions (web-annotation.ts). Each returns the problems it found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { htmlFiles, pageKind } from './checks.ts';
import { schemaOrgProblems } from './schema-org.ts';
import { annotationProblems } from './web-annotation.ts';

/** The reading pages of a build: `<slug>/index.html` beside the document's `data.json` (not a renamed document's old address). */
export function readingPages(dir: string): string[] {
  return htmlFiles(dir).filter((f) => pageKind(relative(dir, f)) === 'reading pages' && existsSync(f.replace(/index\.html$/u, 'data.json')));
}

/** Each reading page's JSON-LD: one script, valid schema.org; problems as "page: problem". */
export function structuredDataProblems(dir: string): string[] {
  return readingPages(dir).flatMap((file) => {
    const where = relative(dir, file);
    const scripts = [...parseHTML(readFileSync(file, 'utf8')).document.querySelectorAll('script[type="application/ld+json"]')];
    if (scripts.length !== 1) return [`${where}: ${scripts.length} JSON-LD scripts, not 1`];
    return schemaOrgProblems(JSON.parse(scripts[0]!.textContent ?? '')).map((p) => `${where}: ${p}`);
  });
}

/** Every annotation of every document's `data.json`, checked: how many, and the MUST assertions they fail, as "annotation id: assertion". */
export function openDataProblems(dir: string): { annotations: number; problems: string[] } {
  let annotations = 0;
  const problems = readingPages(dir).flatMap((file) => {
    const data = JSON.parse(readFileSync(file.replace(/index\.html$/u, 'data.json'), 'utf8')) as { annotations: { id: string }[] };
    annotations += data.annotations.length;
    return data.annotations.flatMap((a) => annotationProblems(a).map((p) => `${a.id}: ${p}`));
  });
  return { annotations, problems };
}
