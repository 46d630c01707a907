/**
 * A document's record of published ids: every paragraph and sentence id its
 * pages have had, with the words it first named, committed beside its seed as
 * `<seed>.ids.jsonl`. Ids are given by reading the text (its voices number
 * its paragraphs), so a change of the reading rules alone would move them:
 * `#c4` becomes `#s1` when a better reading finds that paragraph quoted, and
 * every later commentary paragraph is renumbered. The record keeps them:
 *
 * - it stands before a document's first version when ids are assigned
 *   (lasting-ids.ts), so every recorded id stays on its words in its voice;
 * - a recorded id whose words the new reading puts in another voice, or in
 *   another paragraph, lands where those words are now
 *   ({@link rereadPassages}: `#c4` on the paragraph now `s1`);
 * - a recorded id whose words the text no longer has (and no version
 *   removed them) is a warning naming the record.
 *
 * `npm run ids:record` writes the record (src/cli/record-ids.ts): the union
 * of what it held and every id the build now gives. The build only reads it.
 *
 * One line per paragraph, in the order first published:
 * `{"id":"c1","text":"…","sentences":[["c1.1","…"],["c1.2","…"]]}`: each id
 * with its words when first published, a sentence under the paragraph that
 * first held it.
 */
import { ProblemError, type Problem } from '../common/problem.ts';
import { allParagraphs, type SeedDocument } from '../seed/document.ts';
import { MIN_SHARED, pairPassages, SAME_ELSEWHERE } from './match.ts';

/** A recorded paragraph: its id, its words when first published, and the sentences it first held. */
export interface PublishedParagraph {
  id: string;
  text: string;
  sentences: { id: string; text: string }[];
}

/** The record's file beside seed `x.txt`: `x.ids.jsonl`. */
export const publishedFileOf = (seedFile: string): string => seedFile.replace(/\.txt$/iu, '.ids.jsonl');

/** Whether a file name is a record of published ids. */
export const isPublishedFile = (fileName: string): boolean => /\.ids\.jsonl$/iu.test(fileName);

/** The seed a record belongs to: `x.txt` for `x.ids.jsonl`. */
export const seedOfPublished = (fileName: string): string => fileName.replace(/\.ids\.jsonl$/iu, '.txt');

const ID = /^[sco]\d+[a-z]*$/u;
const SENTENCE_ID = /^[sco]\d+[a-z]*\.\d+[a-z]*$/u;

/** Read a record, or throw a {@link ProblemError} naming the line and what is wrong with it. */
export function parsePublished(raw: string): PublishedParagraph[] {
  const out: PublishedParagraph[] = [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const fail = (message: string) => problems.push({ line: i + 1, message, hint: 'run `npm run ids:record` to write the record again' });
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      fail('not a line of JSON (the record may be cut short)');
      return;
    }
    const p = (value ?? {}) as { id?: unknown; text?: unknown; sentences?: unknown };
    if (typeof p.id !== 'string' || !ID.test(p.id) || typeof p.text !== 'string' || !Array.isArray(p.sentences)) {
      fail('a recorded paragraph needs an id (s1, c2a, …), a text and its sentences');
      return;
    }
    const isSentence = (s: unknown): s is [string, string] =>
      Array.isArray(s) && s.length === 2 && typeof s[0] === 'string' && typeof s[1] === 'string' && SENTENCE_ID.test(s[0]);
    const sentences: unknown[] = p.sentences;
    if (!sentences.every(isSentence)) {
      fail(`paragraph ${p.id}: each sentence is ["<id>", "<text>"], its id as c1.2`);
      return;
    }
    const ids = [p.id, ...sentences.map(([id]) => id)];
    const twice = ids.find((id) => seen.has(id));
    if (twice) {
      fail(`id ${twice} is recorded twice`);
      return;
    }
    for (const id of ids) seen.add(id);
    out.push({ id: p.id, text: p.text, sentences: sentences.map(([id, text]) => ({ id, text })) });
  });
  if (problems.length) throw new ProblemError(problems);
  return out;
}

/** A record as its file holds it. */
export function formatPublished(record: readonly PublishedParagraph[]): string {
  return record.map((p) => `${JSON.stringify({ id: p.id, text: p.text, sentences: p.sentences.map((s) => [s.id, s.text]) })}\n`).join('');
}

/**
 * The record after `docs` (a document's versions, oldest first, with their
 * lasting ids given from `published`): every id it held and every id they
 * have, each with the words it had when it was first published (the first
 * version is matched to these: a paragraph corrected a little in each
 * version may be far from its first words by the last), a sentence under
 * the paragraph that first held it. Ids already recorded keep their place
 * and words; new ones follow.
 */
export function publishedRecord(docs: readonly SeedDocument[], published: readonly PublishedParagraph[] = []): PublishedParagraph[] {
  const texts = new Map<string, string>();
  const sentences = new Map<string, { holder: string; text: string }>();
  for (const p of published) {
    texts.set(p.id, p.text);
    for (const s of p.sentences) sentences.set(s.id, { holder: p.id, text: s.text });
  }
  for (const doc of docs) {
    for (const p of allParagraphs(doc)) {
      if (!texts.has(p.id)) texts.set(p.id, p.text);
      for (const s of p.sentences) if (!sentences.has(s.id)) sentences.set(s.id, { holder: p.id, text: s.text });
    }
  }
  const held = new Map<string, { id: string; text: string }[]>();
  for (const [id, { holder, text }] of sentences) {
    const list = held.get(holder);
    if (list) list.push({ id, text });
    else held.set(holder, [{ id, text }]);
  }
  return [...texts].map(([id, text]) => ({ id, text, sentences: held.get(id) ?? [] }));
}

/** A recorded id that the reading now gives to no passage, and where its words are now. */
export interface Reread {
  id: string;
  kind: 'paragraph' | 'sentence';
  /** The current paragraph its words are in, and the sentence before them there ('' when they begin it). */
  within: string;
  after: string;
  /** The id its words have now: a paragraph's, or a sentence's. */
  now: string;
  /**
   * When no paragraph holds its words now but the headline or a lead-in does (a quotation read as the headline's,
   * narration read as a lead-in): that part, the n-th of its kind in the text; `within` and `now` are then empty.
   */
  part?: { kind: 'headline' | 'attribution'; n: number };
  /** Its recorded words. */
  text: string;
}

const ELSEWHERE = { threshold: SAME_ELSEWHERE, minShared: MIN_SHARED };

/**
 * Where each recorded id that no version of the text has now (`docs`,
 * oldest first, the current text last) finds its words in the current
 * text; `lost`, the recorded ids whose words it does not have.
 */
export function rereadPassages(published: readonly PublishedParagraph[], docs: readonly SeedDocument[]): { reread: Reread[]; lost: string[] } {
  const given = new Set(docs.flatMap((d) => allParagraphs(d).flatMap((p) => [p.id, ...p.sentences.map((s) => s.id)])));
  const paragraphs = allParagraphs(docs.at(-1) ?? { parts: [] });
  const sentences = paragraphs.flatMap((p) => p.sentences.map((s, k) => ({ s, p, before: p.sentences[k - 1]?.id ?? '' })));
  const reread: Reread[] = [];
  const lost: string[] = [];
  // The headline and the lead-ins, numbered by kind in the text's order, as the reading page numbers them.
  const others: { kind: 'headline' | 'attribution'; n: number; text: string }[] = [];
  for (const part of docs.at(-1)?.parts ?? []) {
    if (part.kind === 'headline' || part.kind === 'attribution')
      others.push({ kind: part.kind, n: others.filter((o) => o.kind === part.kind).length + 1, text: part.text });
  }
  const otherPartWith = (text: string) => {
    const found = text.trim() ? others.find((o) => o.text.includes(text.trim()) || text.includes(o.text.trim())) : undefined;
    return found && { kind: found.kind, n: found.n };
  };
  // Sentences first: a paragraph whose words were split between voices lands where its first sentence found is.
  const goneSentences = published.flatMap((p) => p.sentences.filter((s) => !given.has(s.id)));
  const sentenceAt = new Map<string, (typeof sentences)[number]>();
  for (const [i, j] of pairPassages(
    goneSentences.map((s) => s.text),
    sentences.map((x) => x.s.text),
    ELSEWHERE,
  ))
    sentenceAt.set(goneSentences[i]!.id, sentences[j]!);
  // A sentence the splitter now cuts otherwise: the sentence that holds its words, or whose words it holds.
  for (const g of goneSentences) {
    if (sentenceAt.has(g.id) || g.text.trim().length < MIN_SHARED) continue;
    const at = sentences.find((x) => x.s.text.includes(g.text)) ?? sentences.find((x) => x.s.text.length >= MIN_SHARED && g.text.includes(x.s.text));
    if (at) sentenceAt.set(g.id, at);
  }
  const goneParagraphs = published.filter((p) => !given.has(p.id));
  const paragraphAt = new Map<string, string>();
  for (const [i, j] of pairPassages(
    goneParagraphs.map((p) => p.text),
    paragraphs.map((p) => p.text),
    ELSEWHERE,
  ))
    paragraphAt.set(goneParagraphs[i]!.id, paragraphs[j]!.id);
  for (const g of goneParagraphs) {
    const holder = paragraphAt.has(g.id) || !g.text.trim() ? undefined : paragraphs.find((p) => p.text.includes(g.text));
    if (holder) paragraphAt.set(g.id, holder.id);
  }
  for (const p of published) {
    if (!given.has(p.id)) {
      const whole = paragraphAt.get(p.id);
      const part = p.sentences.map((s) => sentenceAt.get(s.id) ?? sentences.find((x) => x.s.id === s.id)).find((x) => x !== undefined);
      const other = whole || part ? undefined : otherPartWith(p.text);
      if (whole) reread.push({ id: p.id, kind: 'paragraph', within: whole, after: '', now: whole, text: p.text });
      else if (part) reread.push({ id: p.id, kind: 'paragraph', within: part.p.id, after: part.before, now: part.p.id, text: p.text });
      else if (other) reread.push({ id: p.id, kind: 'paragraph', within: '', after: '', now: '', text: p.text, part: other });
      else lost.push(p.id);
    }
    for (const s of p.sentences) {
      if (given.has(s.id)) continue;
      const at = sentenceAt.get(s.id);
      const other = at ? undefined : otherPartWith(s.text);
      if (at) reread.push({ id: s.id, kind: 'sentence', within: at.p.id, after: at.before, now: at.s.id, text: s.text });
      else if (other) reread.push({ id: s.id, kind: 'sentence', within: '', after: '', now: '', text: s.text, part: other });
      else lost.push(s.id);
    }
  }
  return { reread, lost };
}
