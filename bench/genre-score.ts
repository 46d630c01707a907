/**
 * Scoring the reader's reading of real texts against a hand-made one
 * (tests/fixtures/genre/: each text with its labels, see its README). For
 * each text: the voice of every paragraph, the words shown in the wrong
 * voice, and the speaker. The figures are those of issue 31's table: texts
 * read right, texts with more than 15 words in the wrong voice, speakers
 * named where the text names one (and named wrongly), paragraph judgements.
 *
 * It reads what the pages show: the parsed document's parts and inline
 * quotations, and the speaker the site names (src/lib/seed/speaker.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Part, SeedDocument } from '../src/lib/seed/document.ts';
import { parseSeed } from '../src/lib/seed/parse.ts';
import { SPEECH_VERB } from '../src/lib/seed/lead-in.ts';
import { documentSpeaker } from '../src/lib/seed/speaker.ts';

/** A paragraph's voice, as the labels name it. */
export type LabelVoice = 'headline' | 'lead-in' | 'statement' | 'commentary' | 'source' | 'disclaimer' | 'other';

/** One text's hand-made reading (tests/fixtures/genre/<name>.json). */
export interface GenreLabel {
  url: string;
  kind: 'genre' | 'near-miss';
  headline: string | null;
  speaker: { name: string; type: 'person' | 'body'; postedBy?: string | null } | null;
  paragraphs: { first: string; voice: LabelVoice }[];
  quotes: string[];
  unmarked?: boolean;
  note?: string;
}

/** What a text's reading got right and wrong. */
export interface TextScore {
  name: string;
  paragraphs: number;
  paragraphsRight: number;
  /** Each wrong paragraph: its first words, the label's voice and the reader's. */
  wrongParagraphs: { first: string; expected: LabelVoice; got: LabelVoice }[];
  /** Words whose voice (statement, commentary, neither) differs from the label's. */
  wrongWords: number;
  /** Of those, quoted statement words shown as commentary. */
  statementAsCommentary: number;
  speakerExpected: string | null;
  speakerGot: string | null;
  speakerRight: boolean;
  /** A speaker named where the label names another, or none. */
  speakerWrong: boolean;
  right: boolean;
}

/** The three classes a word's voice is compared in. */
type WordClass = 'statement' | 'commentary' | 'neither';
const classOf = (v: LabelVoice): WordClass => (v === 'statement' ? 'statement' : v === 'commentary' ? 'commentary' : 'neither');

const PART_VOICE: Record<Part['kind'], LabelVoice> = {
  headline: 'headline',
  attribution: 'lead-in',
  statement: 'statement',
  commentary: 'commentary',
  source: 'source',
  disclaimer: 'disclaimer',
  other: 'other',
};

/** Each character's voice as the page shows it. */
function voiceMap(doc: SeedDocument): LabelVoice[] {
  const map = Array.from<LabelVoice>({ length: doc.text.length }).fill('other');
  const paint = (start: number, end: number, v: LabelVoice) => {
    for (let i = start; i < end; i++) map[i] = v;
  };
  for (const part of doc.parts) {
    // Narration is the lead-in's kind of text; a quotation inside the writer's paragraph is the statement's.
    paint(part.start, part.end, part.kind === 'other' && part.narration ? 'lead-in' : PART_VOICE[part.kind]);
    for (const q of 'paragraphs' in part ? part.paragraphs.flatMap((p) => p.quotes ?? []) : []) paint(q.start, q.end, 'statement');
  }
  return map;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const words = (text: string, start: number, end: number) => [...text.slice(start, end).matchAll(WORD)].map((m) => start + m.index);

/** Words of a name, for comparing speakers: lower case, possessives and punctuation dropped. */
const nameWords = (name: string) =>
  new Set(
    name
      .toLowerCase()
      .replace(/['’]s\b/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !['the', 'of', 'a', 'an'].includes(w)),
  );
/** Whether two namings are the same speaker: one's words all among the other's. */
export function sameSpeaker(a: string, b: string): boolean {
  const [x, y] = [nameWords(a), nameWords(b)];
  if (!x.size || !y.size) return false;
  return [...x].every((w) => y.has(w)) || [...y].every((w) => x.has(w));
}

/** Score one text against its label. */
export function scoreText(name: string, raw: string, label: GenreLabel): TextScore {
  const doc = parseSeed(raw);
  const { text } = doc;
  let offset = 0;
  const blocks = text
    .split('\n')
    .map((line) => {
      const start = offset;
      offset += line.length + 1;
      return { start, end: start + line.length, line };
    })
    .filter((b) => b.line.trim() !== '');
  if (blocks.length !== label.paragraphs.length) {
    throw new Error(`${name}: ${blocks.length} non-blank lines, but the label has ${label.paragraphs.length} paragraphs`);
  }
  const map = voiceMap(doc);
  // The label's voice of each character: its paragraph's, and the statement's inside each quoted span.
  const expected = Array.from<LabelVoice>({ length: text.length }).fill('other');
  blocks.forEach((b, i) => {
    for (let c = b.start; c < b.end; c++) expected[c] = label.paragraphs[i]!.voice;
  });
  for (const quote of label.quotes) {
    const at = text.indexOf(quote);
    if (at < 0) throw new Error(`${name}: quote not found in the text: ${quote.slice(0, 60)}`);
    for (let c = at; c < at + quote.length; c++) expected[c] = 'statement';
    // A statement paragraph that opens with the quotation and names its speaker after it ("…," said X, "…: spokesperson
    // of X"): those words are the writer's attribution, not the quotation (the label's paragraph voice cannot say so).
    const block = blocks.find((b) => b.start <= at && at < b.end);
    const i = block ? blocks.indexOf(block) : -1;
    if (block && label.paragraphs[i]!.voice === 'statement' && !/[\p{L}\p{N}]/u.test(text.slice(block.start, at))) {
      const after = text.slice(at + quote.length, block.end);
      if ((SPEECH_VERB.test(after) || /^[\s"”’]*[:：–—-]/u.test(after)) && words(after, 0, after.length).length <= 12) {
        for (let c = at + quote.length; c < block.end; c++) expected[c] = 'lead-in';
      }
    }
  }
  let wrongWords = 0;
  let statementAsCommentary = 0;
  const wrongParagraphs: TextScore['wrongParagraphs'] = [];
  blocks.forEach((b, i) => {
    const ws = words(text, b.start, b.end);
    for (const w of ws) {
      const [e, g] = [classOf(expected[w]!), classOf(map[w]!)];
      if (e !== g) wrongWords++;
      if (e === 'statement' && g === 'commentary') statementAsCommentary++;
    }
    const got = paragraphVoice(ws.map((w) => map[w]!));
    const want = label.paragraphs[i]!.voice;
    if (got !== want) wrongParagraphs.push({ first: label.paragraphs[i]!.first, expected: want, got });
  });
  const speakerGot = documentSpeaker(doc)?.name ?? null;
  const speakerExpected = label.speaker?.name ?? null;
  const speakerRight = speakerExpected ? speakerGot !== null && sameSpeaker(speakerGot, speakerExpected) : speakerGot === null;
  const speakerWrong = speakerGot !== null && !(speakerExpected && sameSpeaker(speakerGot, speakerExpected));
  return {
    name,
    paragraphs: blocks.length,
    paragraphsRight: blocks.length - wrongParagraphs.length,
    wrongParagraphs,
    wrongWords,
    statementAsCommentary,
    speakerExpected,
    speakerGot,
    speakerRight,
    speakerWrong,
    right: wrongParagraphs.length === 0 && speakerRight && wrongWords <= 5,
  };
}

/**
 * A paragraph's voice from its words' voices, as the labels give it: the
 * statement's when it opens with quoted words and they are most of it (a
 * quotation and its attribution after, "…," said X), else the voice of most
 * of its other words (a lead-in with its quotation is a lead-in).
 */
function paragraphVoice(voices: LabelVoice[]): LabelVoice {
  if (!voices.length) return 'other';
  const statement = voices.filter((v) => v === 'statement').length;
  if (voices[0] === 'statement' && statement >= 0.75 * voices.length) return 'statement';
  if (statement === voices.length) return 'statement';
  const counts = new Map<LabelVoice, number>();
  for (const v of voices) if (v !== 'statement') counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The figures of a corpus. */
export interface CorpusScore {
  texts: TextScore[];
  readRight: number;
  overFifteenWrong: number;
  /** Texts whose label names a speaker, and of them those the reader names right. */
  withSpeaker: number;
  speakerNamed: number;
  speakerWrong: number;
  paragraphs: number;
  paragraphsRight: number;
}

/** Score every `<name>.txt` with its `<name>.json` in `folder`. */
export function scoreFolder(folder: string): CorpusScore {
  const names = readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  const texts = names.map((n) =>
    scoreText(n, readFileSync(join(folder, `${n}.txt`), 'utf8'), JSON.parse(readFileSync(join(folder, `${n}.json`), 'utf8')) as GenreLabel),
  );
  const sum = (f: (t: TextScore) => number | boolean) => texts.reduce((n, t) => n + Number(f(t)), 0);
  return {
    texts,
    readRight: sum((t) => t.right),
    overFifteenWrong: sum((t) => t.wrongWords > 15),
    withSpeaker: sum((t) => t.speakerExpected !== null),
    speakerNamed: sum((t) => t.speakerExpected !== null && t.speakerRight),
    speakerWrong: sum((t) => t.speakerWrong),
    paragraphs: sum((t) => t.paragraphs),
    paragraphsRight: sum((t) => t.paragraphsRight),
  };
}
