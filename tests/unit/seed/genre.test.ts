import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { scoreFolder } from '../../../bench/genre-score.ts';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { expectExactCover } from '../../helpers/document.ts';

// The reading of 52 real texts of the genre against their hand-made labels (tests/fixtures/genre/, `npm run
// score:genre` prints the figures and every text read wrong). Floors at today's figures: a rule that reads worse
// fails here. Raise them as the reading gets better; never lower one without saying why.
const folder = fileURLToPath(new URL('../../fixtures/genre/', import.meta.url));
const score = scoreFolder(folder);

test('every real text is read whole: its parts cover it exactly, nothing lost, nothing added', () => {
  const texts = readdirSync(folder).filter((f) => f.endsWith('.txt'));
  expect(texts.length).toBe(52);
  for (const f of texts) expectExactCover(parseSeed(readFileSync(`${folder}${f}`, 'utf8')));
});

test('the corpus is the one labelled: 52 texts, 262 paragraphs, 42 naming a speaker', () => {
  expect([score.texts.length, score.paragraphs, score.withSpeaker]).toEqual([52, 262, 42]);
});

test('never a wrong speaker: precision before coverage', () => {
  expect(score.texts.filter((t) => t.speakerWrong).map((t) => `${t.name}: ${t.speakerGot}`)).toEqual([]);
});

test('floors: texts read right, speakers named, paragraph judgements', () => {
  expect(score.readRight).toBeGreaterThanOrEqual(29);
  expect(score.speakerNamed).toBeGreaterThanOrEqual(31);
  expect(score.paragraphsRight / score.paragraphs).toBeGreaterThanOrEqual(0.916);
  expect(score.overFifteenWrong).toBeLessThanOrEqual(14);
});

test('quoted words shown as the writer’s opinion: more than 15 in two texts only, the two whose statement the reader misses', () => {
  // 10: "US media:" then a second paragraph the label counts as the outlet's; 27: a spokesperson's reply given in
  // indirect speech and a quoted fragment of it.
  expect(score.texts.filter((t) => t.statementAsCommentary > 15).map((t) => t.name)).toEqual(['10-us-media-rare-earths', '27-mfa-no-comment']);
});

// Texts collected after the rules of 939974a and scored before any rule was made with them in view
// (tests/fixtures/genre-heldout/): how the rules read texts they were not made on. Rules are made on the corpus above;
// a held-out text that a rule is made for moves there (two did: 59 and 60).
const heldOutFolder = fileURLToPath(new URL('../../fixtures/genre-heldout/', import.meta.url));
const heldOut = scoreFolder(heldOutFolder);

test('held-out texts: read whole, never a wrong speaker, and their figures kept as floors', () => {
  for (const f of readdirSync(heldOutFolder).filter((n) => n.endsWith('.txt'))) expectExactCover(parseSeed(readFileSync(`${heldOutFolder}${f}`, 'utf8')));
  expect([heldOut.texts.length, heldOut.paragraphs, heldOut.withSpeaker]).toEqual([8, 44, 8]);
  expect(heldOut.texts.filter((t) => t.speakerWrong).map((t) => `${t.name}: ${t.speakerGot}`)).toEqual([]);
  expect(heldOut.readRight).toBeGreaterThanOrEqual(3);
  expect(heldOut.speakerNamed).toBeGreaterThanOrEqual(5);
  expect(heldOut.paragraphsRight / heldOut.paragraphs).toBeGreaterThanOrEqual(0.863);
});
