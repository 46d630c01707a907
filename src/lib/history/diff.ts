/**
 * What changed between two versions: a word-level diff of each paragraph
 * that kept its id, and the paragraphs added, removed, moved, split off or
 * merged, for the history page. The diff's runs keep every character: the
 * unchanged and deleted runs joined are the old text, the unchanged and
 * inserted runs joined the new one.
 */
import { allParagraphs, type SeedDocument } from '../seed/document.ts';

/** A run of a diff. */
export interface DiffRun {
  op: 'same' | 'del' | 'ins';
  text: string;
}

/** Beyond this many cells a paragraph is shown as replaced whole rather than diffed word by word. */
const DIFF_CELLS = 4_000_000;

/** Words, the spaces between them, and each CJK character (a word of its own), so a diff never splits a word and every character is kept. */
const pieces = (text: string) =>
  text.match(
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|\s+|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu,
  ) ?? [];

/** The word-level diff of two texts (the longest common subsequence of their words). */
export function diffWords(before: string, after: string): DiffRun[] {
  const a = pieces(before);
  const b = pieces(after);
  const runs: DiffRun[] = [];
  const push = (op: DiffRun['op'], text: string) => {
    const last = runs.at(-1);
    if (last && last.op === op) last.text += text;
    else runs.push({ op, text });
  };
  if (a.length * b.length > DIFF_CELLS) {
    if (before) push('del', before);
    if (after) push('ins', after);
    return runs;
  }
  for (const step of align(a, b)) push(step.op, step.op === 'ins' ? b[step.j]! : a[step.i]!);
  return runs;
}

/** One change a version made, by paragraph. */
export interface ParagraphChange {
  /** The paragraph's id (in the new version; in the old one for a removed or merged paragraph). */
  id: string;
  kind: 'corrected' | 'added' | 'restored' | 'split' | 'removed' | 'merged' | 'moved';
  /** For `corrected`: the word-level diff. */
  runs?: DiffRun[];
  /** For `added`, `restored`, `split`, `removed`, `merged`, `moved`: the paragraph's text (new, or as it was). */
  text?: string;
  /** For `split`: the paragraph its sentences came from; for `merged`: the paragraph that holds its sentences now. */
  other?: string;
  /** A corrected paragraph that also moved. */
  moved?: boolean;
}

/** One step of an alignment of two lists: an item of both, of the first only, or of the second only. */
type Step = { op: 'same'; i: number; j: number } | { op: 'del'; i: number } | { op: 'ins'; j: number };

/** The alignment of two lists along their longest common subsequence, in order (a removal before an insertion where both are possible). */
function* align<T>(a: readonly T[], b: readonly T[]): Generator<Step> {
  // lcs[i * w + j]: the length of the common subsequence of a[i..] and b[j..].
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) yield { op: 'same', i: i++, j: j++ };
    else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) yield { op: 'del', i: i++ };
    else yield { op: 'ins', j: j++ };
  }
  while (i < a.length) yield { op: 'del', i: i++ };
  while (j < b.length) yield { op: 'ins', j: j++ };
}

/** Ids in both lists that keep their order (the longest common subsequence of the two id lists). */
function inOrder(a: readonly string[], b: readonly string[]): Set<string> {
  const kept = new Set<string>();
  for (const step of align(a, b)) if (step.op === 'same') kept.add(a[step.i]!);
  return kept;
}

/**
 * The changes from `before` to `after` (two versions with lasting ids), in
 * the new version's reading order, a removed or merged paragraph where it
 * stood. `earlierIds`: every paragraph id of the versions before `before`
 * (a paragraph that comes back is `restored`).
 */
export function paragraphChanges(before: SeedDocument, after: SeedDocument, earlierIds: ReadonlySet<string> = new Set()): ParagraphChange[] {
  const oldParas = allParagraphs(before);
  const newParas = allParagraphs(after);
  const oldById = new Map(oldParas.map((p) => [p.id, p]));
  const newById = new Map(newParas.map((p) => [p.id, p]));
  const newParagraphOfSentence = new Map(newParas.flatMap((p) => p.sentences.map((s) => [s.id, p.id] as const)));
  const oldParagraphOfSentence = new Map(oldParas.flatMap((p) => p.sentences.map((s) => [s.id, p.id] as const)));
  const kept = inOrder(
    oldParas.map((p) => p.id).filter((id) => newById.has(id)),
    newParas.map((p) => p.id).filter((id) => oldById.has(id)),
  );
  const changes: ParagraphChange[] = [];
  /** Removed and merged paragraphs, after the paragraph before them in the old version ('' = first). */
  const goneAfter = new Map<string, ParagraphChange[]>();
  oldParas.forEach((p, k) => {
    if (newById.has(p.id)) return;
    const into = p.sentences.map((s) => newParagraphOfSentence.get(s.id)).find((id) => id !== undefined);
    const change: ParagraphChange = into ? { id: p.id, kind: 'merged', text: p.text, other: into } : { id: p.id, kind: 'removed', text: p.text };
    const anchor =
      oldParas
        .slice(0, k)
        .reverse()
        .find((q) => newById.has(q.id))?.id ?? '';
    goneAfter.set(anchor, [...(goneAfter.get(anchor) ?? []), change]);
  });
  changes.push(...(goneAfter.get('') ?? []));
  for (const p of newParas) {
    const old = oldById.get(p.id);
    if (!old) {
      const from = p.sentences.map((s) => oldParagraphOfSentence.get(s.id)).find((id) => id !== undefined && id !== p.id);
      changes.push(
        from ? { id: p.id, kind: 'split', text: p.text, other: from } : { id: p.id, kind: earlierIds.has(p.id) ? 'restored' : 'added', text: p.text },
      );
    } else if (old.text !== p.text)
      changes.push({ id: p.id, kind: 'corrected', runs: diffWords(old.text, p.text), ...(kept.has(p.id) ? {} : { moved: true }) });
    else if (!kept.has(p.id)) changes.push({ id: p.id, kind: 'moved', text: p.text });
    changes.push(...(goneAfter.get(p.id) ?? []));
  }
  return changes;
}

/** A diff's runs with the middle of long unchanged runs left out (`gap`), keeping `context` words on each side of a change. */
export function withContext(runs: readonly DiffRun[], context = 12): (DiffRun | { op: 'gap' })[] {
  const out: (DiffRun | { op: 'gap' })[] = [];
  runs.forEach((r, i) => {
    if (r.op !== 'same') return void out.push(r);
    const words = pieces(r.text);
    const keepBefore = i > 0 ? context * 2 : 0; // after a change: the words that follow it
    const keepAfter = i < runs.length - 1 ? context * 2 : 0; // before a change: the words that lead to it
    if (words.length <= keepBefore + keepAfter + 8) return void out.push(r);
    if (keepBefore) out.push({ op: 'same', text: words.slice(0, keepBefore).join('') });
    out.push({ op: 'gap' });
    if (keepAfter) out.push({ op: 'same', text: words.slice(-keepAfter).join('') });
  });
  return out;
}
