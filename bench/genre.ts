/**
 * `npm run score:genre [-- <folder>]`: how the reader reads real texts of the
 * genre (default tests/fixtures/genre/), against their hand-made labels: the
 * figures of issue 31's table, then each text that is not read right and why.
 */
import { fileURLToPath } from 'node:url';
import { scoreFolder } from './genre-score.ts';

const folder = process.argv[2] ?? fileURLToPath(new URL('../tests/fixtures/genre/', import.meta.url));
const s = scoreFolder(folder);
const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : '–'} %`;
const rows: [string, string][] = [
  ['texts read right (every paragraph in its voice, the speaker right)', `${s.readRight} of ${s.texts.length} (${pct(s.readRight, s.texts.length)})`],
  ['texts with more than 15 words in the wrong voice', String(s.overFifteenWrong)],
  ['texts naming a speaker where the page names it', `${s.speakerNamed} of ${s.withSpeaker} (${pct(s.speakerNamed, s.withSpeaker)})`],
  ['texts where the page names a wrong speaker', String(s.speakerWrong)],
  ['paragraph judgements right', `${s.paragraphsRight} of ${s.paragraphs} (${pct(s.paragraphsRight, s.paragraphs)})`],
];
process.stdout.write(`| what | result |\n| --- | --- |\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}\n\n`);
for (const t of s.texts.filter((t) => !t.right)) {
  const why = [
    ...t.wrongParagraphs.map((p) => `"${p.first}…" ${p.expected} read as ${p.got}`),
    t.wrongWords ? `${t.wrongWords} words in the wrong voice (${t.statementAsCommentary} quoted words as commentary)` : '',
    t.speakerRight ? '' : `speaker ${t.speakerExpected ?? 'none'}, read ${t.speakerGot ?? 'none'}`,
  ].filter(Boolean);
  process.stdout.write(`- ${t.name}: ${why.join('; ')}\n`);
}
