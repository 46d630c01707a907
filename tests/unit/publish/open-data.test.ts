import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { annotate } from '../../../src/lib/notes/entry.ts';
import { openData } from '../../../src/lib/publish/open-data.ts';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { root } from '../../helpers/build.ts';
import { annotationProblems } from '../../helpers/web-annotation.ts';

const NOTES = `---
title: A test
---

## "the incident on the 6th"

Japan and China give different accounts ([a source](https://example.com/a)).

## "malicious close-range reconnaissance"
disputed: true

China's account and Japan's differ ([a source](https://example.com/b)).
`;
const entry = annotate('seed.txt', 'seed', parseSeed(readFileSync(`${root}tests/fixtures/seed/input.txt`, 'utf8')), NOTES);
const data = openData({
  url: 'https://reader.example/seed/',
  title: entry.title,
  file: entry.file,
  doc: entry.doc,
  meta: entry.meta,
  notes: entry.notes,
  traces: entry.traces,
});

test("every annotation of a document's open data meets the Web Annotation MUST assertions: notes, a disputed note's tag, and traced quotes", () => {
  const motivations = data.annotations.map((a) => a.motivation);
  expect(motivations.filter((m) => m === 'commenting')).toHaveLength(2);
  expect(motivations).toContain('linking');
  for (const a of data.annotations) expect(annotationProblems(a), a.id).toEqual([]);
});

test('the assertions catch what the model forbids', () => {
  const [note] = data.annotations;
  const problems = (change: Record<string, unknown>) => annotationProblems({ ...note, ...change }).map((p) => p.split(':')[0]);
  expect(problems({ '@context': 'https://schema.org' })).toEqual(['annotations/3.1-annotationContextValidated.json']);
  expect(problems({ id: 'note 1' })).toEqual(['annotations/3.1-annotationIdValidated.json']);
  expect(problems({ type: 'Note' })).toEqual(['annotations/3.1-annotationTypeValidated.json']);
  expect(problems({ bodyValue: 'text' })).toEqual(['annotations/3.2.5-notBodyBodyValue.json']);
  expect(problems({ motivation: 'annotating' })).toEqual(['definitions/annotations.json#/definitions/motivationRecognizedIfPresent']);
  expect(problems({ target: { source: 'https://reader.example/seed/', selector: { type: 'TextQuoteSelector', prefix: 'x' } } })).toContain(
    'annotations/specificResource/4.2.4-textQuoteSelectorValid.json',
  );
  expect(problems({ target: { type: 'TextualBody', value: 'words' } })).toContain('annotations/bodiesTargets/3.2.4-targNoTypeTextualBody.json');
  const { target: _, ...noTarget } = note!;
  expect(annotationProblems(noTarget).map((p) => p.split(':')[0])).toContain('annotations/3.1-targetKeyFound.json');
});
