/**
 * What tools read besides the page, in the real builds: every reading page's
 * JSON-LD is valid schema.org (tests/helpers/schema-org.ts, on the
 * vocabulary's terms), and every annotation of every document's open data
 * (`/<slug>/data.json`) meets the W3C Web Annotation MUST assertions
 * (tests/helpers/web-annotation.ts). The unit tests show both checkers
 * fail; tests/history.test.ts runs both on a site with corrections.
 */
import { describe, expect, test } from 'vitest';
import { root } from './helpers/build.ts';
import { openDataProblems, readingPages, structuredDataProblems } from './helpers/structured.ts';

const sites = { dist: `${root}dist`, corpus: `${root}tests/.build/corpus/dist` };

describe.each(Object.entries(sites))('%s', (_name, dir) => {
  test("every reading page's JSON-LD is valid schema.org: types, properties on their types, values in their ranges", () => {
    expect(readingPages(dir).length).toBeGreaterThan(0);
    expect(structuredDataProblems(dir)).toEqual([]);
  });

  test("every annotation of every document's open data meets the Web Annotation MUST assertions", () => {
    const { annotations, problems } = openDataProblems(dir);
    expect(annotations).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
