import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { scoreFolder } from '../../../bench/genre-score.ts';
import { parseSeed } from '../../../src/lib/seed/parse.ts';
import { expectExactCover } from '../../helpers/document.ts';

// The reading of 50 real texts of the genre against their hand-made labels (tests/fixtures/genre/, `npm run
// score:genre` prints the figures and every text read wrong). Floors at today's figures: a rule that reads worse
// fails here. Raise them as the reading gets better; never lower one without saying why.
const folder = fileURLToPath(new URL('../../fixtures/genre/', import.meta.url));
const score = scoreFolder(folder);

test('every real text is read whole: its parts cover it exactly, nothing lost, nothing added', () => {
  const texts = readdirSync(folder).filter((f) => f.endsWith('.txt'));
  expect(texts.length).toBe(50);
  for (const f of texts) expectExactCover(parseSeed(readFileSync(`${folder}${f}`, 'utf8')));
});

test('the corpus is the one labelled: 50 texts, 248 paragraphs, 40 naming a speaker', () => {
  expect([score.texts.length, score.paragraphs, score.withSpeaker]).toEqual([50, 248, 40]);
});

test('never a wrong speaker: precision before coverage', () => {
  expect(score.texts.filter((t) => t.speakerWrong).map((t) => `${t.name}: ${t.speakerGot}`)).toEqual([]);
});

test('floors: texts read right, speakers named, paragraph judgements', () => {
  expect(score.readRight).toBeGreaterThanOrEqual(28);
  expect(score.speakerNamed).toBeGreaterThanOrEqual(28);
  expect(score.paragraphsRight / score.paragraphs).toBeGreaterThanOrEqual(0.911);
  expect(score.overFifteenWrong).toBeLessThanOrEqual(12);
});

test('quoted words shown as the writer’s opinion: more than 15 in two texts only, the two whose statement the reader misses', () => {
  // 10: "US media:" then a second paragraph the label counts as the outlet's; 27: a spokesperson's reply given in
  // indirect speech and a quoted fragment of it.
  expect(score.texts.filter((t) => t.statementAsCommentary > 15).map((t) => t.name)).toEqual(['10-us-media-rare-earths', '27-mfa-no-comment']);
});

// Ten texts collected after the rules of 939974a and scored before any rule was made with them in view
// (tests/fixtures/genre-heldout/): how the rules read texts they were not made on. Rules are made on the corpus above.
const heldOutFolder = fileURLToPath(new URL('../../fixtures/genre-heldout/', import.meta.url));
const heldOut = scoreFolder(heldOutFolder);

test('held-out texts: read whole, and their figures kept as floors', () => {
  for (const f of readdirSync(heldOutFolder).filter((n) => n.endsWith('.txt'))) expectExactCover(parseSeed(readFileSync(`${heldOutFolder}${f}`, 'utf8')));
  expect([heldOut.texts.length, heldOut.paragraphs, heldOut.withSpeaker]).toEqual([10, 58, 10]);
  expect(heldOut.readRight).toBeGreaterThanOrEqual(3);
  expect(heldOut.speakerNamed).toBeGreaterThanOrEqual(5);
  expect(heldOut.paragraphsRight / heldOut.paragraphs).toBeGreaterThanOrEqual(0.862);
  // A known wrong speaker, kept in sight: a report whose quoted words are Abe's (as a newspaper gave them) and a
  // spokesman's, read as Suga's, who is only reported. A new wrong speaker fails here, and so does mending this one.
  expect(heldOut.texts.filter((t) => t.speakerWrong).map((t) => `${t.name}: ${t.speakerGot}`)).toEqual(['59-chinadaily-abe-misquoted: Suga']);
});
