/**
 * What tools read besides the page, in the real builds: every reading page's
 * JSON-LD is valid schema.org (tests/helpers/schema-org.ts, on the
 * vocabulary's terms), and every annotation of every document's open data
 * (`/<slug>/data.json`) meets the W3C Web Annotation MUST assertions
 * (tests/helpers/web-annotation.ts). The unit tests show both checkers fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { root } from './helpers/build.ts';
import { htmlFiles, pageKind } from './helpers/checks.ts';
import { schemaOrgProblems } from './helpers/schema-org.ts';
import { annotationProblems } from './helpers/web-annotation.ts';

const sites = { dist: `${root}dist`, corpus: `${root}tests/.build/corpus/dist` };

/** The folders of the reading pages of a build (`<dir>/<slug>`). */
const readingPages = (dir: string) => htmlFiles(dir).filter((f) => pageKind(f.slice(dir.length + 1)) === 'reading pages');

describe.each(Object.entries(sites))('%s', (_name, dir) => {
  test("every reading page's JSON-LD is valid schema.org: types, properties on their types, values in their ranges", () => {
    const pages = readingPages(dir);
    expect(pages.length).toBeGreaterThan(0);
    for (const file of pages) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const scripts = [...document.querySelectorAll('script[type="application/ld+json"]')];
      expect(scripts, file).toHaveLength(1);
      expect(schemaOrgProblems(JSON.parse(scripts[0]!.textContent ?? '')), file).toEqual([]);
    }
  });

  test("every annotation of every document's open data meets the Web Annotation MUST assertions", () => {
    let annotations = 0;
    for (const file of readingPages(dir)) {
      const data = file.replace(/index\.html$/u, 'data.json');
      expect(existsSync(data), data).toBe(true);
      for (const a of (JSON.parse(readFileSync(data, 'utf8')) as { annotations: { id: string }[] }).annotations) {
        expect(annotationProblems(a), a.id).toEqual([]);
        annotations++;
      }
    }
    expect(annotations).toBeGreaterThan(0);
  });
});
